// forbidden-pattern: every match of a pattern in a scope is a finding. A capture group can
// narrow the reported span; `replace` (a rewrite with \1…), `map` (replacement by matched
// text) or `swap` (literal → correction table) make the finding fixable.
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/ScanOptions.h"
#include "engine/lint/TextScan.h"
#include "engine/rules/PatternCompiler.h"

namespace gklint {
namespace {

struct ForbiddenPattern {
  std::shared_ptr<const RulePattern> re;
  int capture = 0;                               // -1: the first group that took part
  std::optional<std::string> replace;            // RE2 rewrite string
  std::map<std::string, std::string> map;        // captured text → replacement
  int slot = PatternPrefilter::kNoSlot;          // in the rule set's prefilter
};

class ForbiddenPatternCheck final : public Check {
 public:
  ForbiddenPatternCheck(RuleInfo info, Scope scope, TextScanOptions scan, std::vector<ForbiddenPattern> patterns)
      : Check(std::move(info)), scope_(std::move(scope)), scan_(scan), patterns_(std::move(patterns)) {}

  std::vector<SectionRef> sectionRefs() const override { return sectionRefsOf(scope_); }

  void registerPatterns(PatternPrefilter& prefilter) override {
    for (ForbiddenPattern& p : patterns_) p.slot = prefilter.add(*p.re);
  }

  void run(CheckContext& ctx) const override {
    forEachTextPiece(ctx.doc(), scope_, scan_, [&](ByteSpan piece, const Block& block) {
      for (const ForbiddenPattern& p : patterns_) {
        if (ctx.mayMatch(piece, p.slot)) scanPiece(ctx, piece, block, p);
      }
    });
  }

 private:
  void scanPiece(CheckContext& ctx, ByteSpan piece, const Block& block, const ForbiddenPattern& p) const {
    const std::string_view s = ctx.textOf(piece);
    const re2::StringPiece input(s.data(), s.size());
    const RE2& re = p.re->re();
    const int groups = 1 + re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> match(static_cast<size_t>(groups));
    size_t pos = 0;
    while (pos <= s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, match.data(), groups)) {
      const re2::StringPiece whole = match[0];
      pos = static_cast<size_t>(whole.data() - s.data()) + std::max<size_t>(whole.size(), 1);
      re2::StringPiece hit = p.capture >= 0 ? match[static_cast<size_t>(p.capture)] : re2::StringPiece();
      for (int g = 1; p.capture < 0 && g < groups && hit.data() == nullptr; ++g) hit = match[static_cast<size_t>(g)];
      if (hit.data() == nullptr) continue;
      const uint32_t begin = piece.begin + static_cast<uint32_t>(hit.data() - s.data());
      const ByteSpan span{begin, begin + static_cast<uint32_t>(hit.size())};
      if (overlapsMarkup(block, span)) continue;
      std::optional<std::string> replacement;
      if (p.replace) {
        std::string out;
        if (re.Rewrite(&out, *p.replace, match.data(), groups)) replacement = out;
      } else if (!p.map.empty()) {
        auto it = p.map.find(std::string(hit.data(), hit.size()));
        if (it != p.map.end()) replacement = it->second;
      }
      Finding& f = ctx.report(span, {{"match", std::string(hit.data(), hit.size())},
                                     {"replacement", replacement.value_or("")}});
      if (replacement) {
        f.fix = Fix{replacement->empty() ? "删除“" + std::string(hit.data(), hit.size()) + "”" : "改为“" + *replacement + "”",
                    {{span, *replacement}}};
      }
    }
  }

  Scope scope_;
  TextScanOptions scan_;
  std::vector<ForbiddenPattern> patterns_;
};

bool readStringMap(OptionReader& options, const YamlNode& node, const std::string& key,
                   std::map<std::string, std::string>& out) {
  if (!node.isMap()) {
    options.error(node, key, "'" + key + "' must be a mapping of text to its replacement");
    return false;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    const YamlNode from = node.key(i), to = node.value(i);
    if (!to.isScalar() && !to.isNull()) {
      options.error(to, key, "replacement for '" + std::string(from.scalar()) + "' must be a string");
      return false;
    }
    out[std::string(from.scalar())] = std::string(to.scalar());
  }
  return true;
}

}  // namespace

std::unique_ptr<Check> createForbiddenPatternCheck(RuleInfo info, OptionReader& options) {
  Scope scope;
  TextScanOptions scan;
  bool ok = readScanOptions(options, scope, scan);
  std::vector<ForbiddenPattern> patterns;

  YamlNode list = options.node("patterns");
  if (list.defined() && !list.isSequence()) {
    options.error(list, "patterns", "'patterns' must be a list of {pattern, capture, replace, map}");
    ok = false;
  } else if (list.defined()) {
    size_t index = 0;
    for (const YamlNode item : list) {
      const std::string path = "patterns[" + std::to_string(index++) + "]";
      OptionReader entry = options.nested(item.isScalar() ? YamlNode() : item, path);
      ForbiddenPattern p;
      YamlNode patternNode = item.isScalar() ? item : entry.node("pattern");
      if (!patternNode.defined() || !patternNode.isScalar()) {
        options.error(item, path, "each pattern needs a 'pattern' string");
        ok = false;
        continue;
      }
      p.re = compilePattern(std::string(patternNode.scalar()), options, patternNode, path + ".pattern");
      if (!p.re) {
        ok = false;
        continue;
      }
      if (item.isMap()) {
        YamlNode captureNode = item.get("capture");
        if (captureNode.defined() && captureNode.isScalar() && captureNode.scalar() == "any") {
          entry.node("capture");
          p.capture = -1;
        } else {
          p.capture = entry.integer("capture").value_or(0);
        }
        // (Built-in packs are checked for these when CI loads them with every pattern compiled.)
        const bool validate = !options.trustedPatterns();
        if (validate && (p.capture < -1 || p.capture > p.re->re().NumberOfCapturingGroups())) {
          entry.error("capture", "capture group " + std::to_string(p.capture) + " does not exist in the pattern (it has " +
                                     std::to_string(p.re->re().NumberOfCapturingGroups()) + ")");
          ok = false;
        }
        if (entry.has("replace")) {
          p.replace = entry.string("replace");
          std::string rewriteError;
          if (validate && !p.re->re().CheckRewriteString(*p.replace, &rewriteError)) {
            entry.error("replace", "bad replacement: " + rewriteError);
            ok = false;
          }
        }
        if (entry.has("map")) ok = readStringMap(entry, entry.node("map"), "map", p.map) && ok;
        entry.finish();
      }
      patterns.push_back(std::move(p));
    }
  }

  YamlNode swap = options.node("swap");
  if (swap.defined()) {
    ForbiddenPattern p;
    if (readStringMap(options, swap, "swap", p.map) && !p.map.empty()) {
      std::vector<std::string> keys;
      for (const auto& [from, to] : p.map) keys.push_back(RE2::QuoteMeta(from));
      std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      std::string alternation;
      for (const std::string& k : keys) alternation += (alternation.empty() ? "" : "|") + k;
      p.re = compilePattern(alternation, options, swap, "swap");
      if (p.re) patterns.push_back(std::move(p));
      else ok = false;
    } else {
      ok = false;
    }
  }
  if (patterns.empty() && ok) {
    options.error("patterns", "a forbidden-pattern rule needs 'patterns' or 'swap'");
    ok = false;
  }
  if (!ok) return nullptr;
  return std::make_unique<ForbiddenPatternCheck>(std::move(info), std::move(scope), scan, std::move(patterns));
}

}  // namespace gklint
