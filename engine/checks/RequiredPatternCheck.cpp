// required-pattern: each named item must be found in a scope (a pattern, or several patterns
// together in one sentence). `mode: each` reports every missing item (at `partial_severity`
// when some items are present); `mode: any` reports once when none is present. A missing
// section scope is left to section-presence.
#include <re2/re2.h>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/ScanOptions.h"
#include "engine/lint/TextScan.h"
#include "engine/rules/PatternCompiler.h"

namespace gklint {

namespace {

struct RequiredItem {
  std::string name;
  std::vector<std::shared_ptr<const RulePattern>> together;  // all must match within one sentence
  std::vector<int> slots;                            // of `together`, in the rule set's prefilter
};

// The sentences of a piece: each ends after "。", "！", "？" or "；" (all three-byte
// characters starting E3 80 / EF BC), the last one may have no end mark.
void splitSentences(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 != 0xE3 && b0 != 0xEF) continue;
    const std::string_view c = s.substr(i, 3);
    if (c == "。" || c == "！" || c == "？" || c == "；") {
      out.push_back(s.substr(start, i + 3 - start));
      start = i + 3;
      i += 2;
    }
  }
  if (start < s.size()) out.push_back(s.substr(start));
}

// Whether a match of `re` inside a part of a text is also a match in the whole text: true
// unless the pattern has anchors or word boundaries (conservatively: any '^', '$', \b, \B,
// \A or \z in its source).
bool matchesInWholeIfInPart(const RulePattern& re) {
  const std::string& p = re.source();
  return p.find_first_of("^$") == std::string::npos && p.find("\\b") == std::string::npos &&
         p.find("\\B") == std::string::npos && p.find("\\A") == std::string::npos && p.find("\\z") == std::string::npos;
}

class RequiredPatternCheck final : public Check {
 public:
  RequiredPatternCheck(RuleInfo info, Scope scope, TextScanOptions scan, std::vector<RequiredItem> items, bool each,
                       std::optional<Severity> partialSeverity)
      : Check(std::move(info)),
        scope_(std::move(scope)),
        scan_(scan),
        items_(std::move(items)),
        each_(each),
        partialSeverity_(partialSeverity) {}

  std::vector<SectionRef> sectionRefs() const override { return sectionRefsOf(scope_); }

  // The set answers for a whole piece. A single pattern is searched in the piece itself; the
  // patterns of a `together` item are searched in its sentences, so they use the prefilter
  // only when a match in a sentence is a match in the piece (no anchors or word boundaries).
  void registerPatterns(PatternPrefilter& prefilter) override {
    for (RequiredItem& item : items_) {
      item.slots.clear();
      for (const auto& re : item.together) {
        const bool usable = item.together.size() == 1 || matchesInWholeIfInPart(*re);
        item.slots.push_back(usable ? prefilter.add(*re) : PatternPrefilter::kNoSlot);
      }
    }
  }

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    if (!scope_.presentIn(doc) && scope_.kind() == Scope::Kind::Section) return;
    std::vector<bool> found(items_.size(), false);
    std::vector<std::string_view> sentences;
    forEachTextPiece(doc, scope_, scan_, [&](ByteSpan piece, const Block&) {
      const std::string_view s = ctx.textOf(piece);
      bool split = false;
      for (size_t i = 0; i < items_.size(); ++i) {
        if (found[i]) continue;
        const RequiredItem& item = items_[i];
        bool possible = true;
        for (int slot : item.slots) possible = possible && ctx.mayMatch(piece, slot);
        if (!possible) continue;
        if (item.together.size() == 1) {
          found[i] = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), item.together[0]->re());
          continue;
        }
        if (!split) splitSentences(s, sentences);
        split = true;
        found[i] = matchesInOneSentence(item, sentences);
      }
    });
    const size_t present = static_cast<size_t>(std::count(found.begin(), found.end(), true));
    const ByteSpan at = scope_.anchor(doc);
    if (!each_) {
      if (present == 0) ctx.report(at, {{"name", items_.front().name}, {"scope", scope_.spec()}});
      return;
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      if (found[i]) continue;
      Finding& f = ctx.report(at, {{"name", items_[i].name}, {"scope", scope_.spec()}});
      if (present > 0 && partialSeverity_) f.severity = *partialSeverity_;
    }
  }

 private:
  static bool matchesInOneSentence(const RequiredItem& item, const std::vector<std::string_view>& sentences) {
    for (std::string_view sentence : sentences) {
      bool all = true;
      for (const auto& re : item.together) {
        if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), re->re())) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  Scope scope_;
  TextScanOptions scan_;
  std::vector<RequiredItem> items_;
  bool each_;
  std::optional<Severity> partialSeverity_;
};

}  // namespace

std::unique_ptr<Check> createRequiredPatternCheck(RuleInfo info, OptionReader& options) {
  Scope scope;
  TextScanOptions scan;
  bool ok = readScanOptions(options, scope, scan);
  scan.sectionHeadings = false;  // a heading's own words ("…及改进情况") prove nothing
  const std::string mode = options.string("mode", "each");
  if (mode != "each" && mode != "any") {
    options.error("mode", "'mode' must be each or any");
    ok = false;
  }
  std::optional<Severity> partial;
  if (options.has("partial_severity")) {
    Severity s;
    const std::string name = options.string("partial_severity");
    if (parseSeverity(name, s)) partial = s;
    else {
      options.error("partial_severity", "'partial_severity' must be info, warning or error");
      ok = false;
    }
  }
  std::vector<RequiredItem> items;
  YamlNode list = options.node("require");
  if (!list.defined() || !list.isSequence() || list.size() == 0) {
    const std::string message =
        "a required-pattern rule needs 'require': a list of {name, pattern} or {name, together: [...]}";
    if (list.defined()) options.error(list, "require", message);
    else options.error("require", message);
    return nullptr;
  }
  size_t index = 0;
  for (const YamlNode node : list) {
    const std::string path = "require[" + std::to_string(index++) + "]";
    OptionReader entry = options.nested(node, path);
    if (!node.isMap()) {
      entry.error(node, "", "each required item must be a mapping with name and pattern (or together)");
      ok = false;
      continue;
    }
    RequiredItem item;
    item.name = entry.requiredString("name").value_or("");
    std::vector<std::string> patterns;
    YamlNode patternNode = entry.node("pattern");
    YamlNode togetherNode = entry.node("together");
    if (patternNode.defined() == togetherNode.defined()) {
      entry.error(node, "", "give exactly one of 'pattern' or 'together'");
      ok = false;
      entry.finish();
      continue;
    }
    const YamlNode source = patternNode.defined() ? patternNode : togetherNode;
    const std::string key = patternNode.defined() ? "pattern" : "together";
    if (patternNode.defined() && !patternNode.isScalar()) {
      entry.error(patternNode, key, "'pattern' must be one regular expression (use 'together' for several in one sentence)");
      ok = false;
    } else if (togetherNode.defined() && (!togetherNode.isSequence() || togetherNode.size() == 0)) {
      entry.error(togetherNode, key, "'together' must be a non-empty list of regular expressions");
      ok = false;
    } else if (source.isScalar()) {
      patterns.emplace_back(source.scalar());
    } else {
      for (const YamlNode p : source) {
        if (p.isScalar()) {
          patterns.emplace_back(p.scalar());
        } else {
          entry.error(p, key, "every item of 'together' must be a regular expression string");
          ok = false;
        }
      }
    }
    for (const std::string& p : patterns) {
      auto re = compilePattern(p, entry, source, patternNode.defined() ? "pattern" : "together");
      if (re) item.together.push_back(std::move(re));
      else ok = false;
    }
    entry.finish();
    if (!item.together.empty()) items.push_back(std::move(item));
  }
  if (!ok || items.empty()) return nullptr;
  return std::make_unique<RequiredPatternCheck>(std::move(info), std::move(scope), scan, std::move(items),
                                                mode == "each", partial);
}

}  // namespace gklint
