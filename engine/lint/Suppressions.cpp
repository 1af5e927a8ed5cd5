#include "engine/lint/Suppressions.h"

#include <re2/re2.h>

#include <algorithm>

#include "engine/text/Trim.h"
#include "engine/text/Source.h"

namespace gklint {
namespace {

std::vector<std::string> splitRules(std::string_view list) {
  std::vector<std::string> out;
  std::string current;
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

}  // namespace

bool ruleMatches(const std::vector<std::string>& rules, const std::string& id) {
  if (rules.empty()) return true;
  const std::string category = id.substr(0, id.find('/'));
  for (const std::string& r : rules) {
    if (r == id || r == "*" || r == category + "/*") return true;
  }
  return false;
}


std::vector<Suppression> findSuppressions(const Document& doc) {
  static const RE2 directive(R"(<!--\s*gklint-(disable-next-line|disable|enable)\b\s*([^>]*?)\s*(?:--\s*([^>]*?))?\s*-->)");
  std::vector<Suppression> out;
  std::vector<size_t> open;  // indices of open range suppressions
  const LineIndex& lines = doc.source->lines();
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    if (block.kind != BlockKind::Comment) continue;
    std::string_view s = doc.textOf(block.span);
    re2::StringPiece input(s.data(), s.size());
    std::string verb, rules, reason;
    if (!RE2::PartialMatch(input, directive, &verb, &rules, &reason)) continue;
    const std::vector<std::string> ids = splitRules(rules);
    const uint32_t commentLastLine = static_cast<uint32_t>(lines.lineOf(block.span.end > 0 ? block.span.end - 1 : 0));
    if (verb == "disable-next-line") {
      // The next block that is not a comment.
      size_t next = i + 1;
      while (next < doc.blocks.size() && doc.blocks[next].kind == BlockKind::Comment) ++next;
      if (next >= doc.blocks.size()) continue;
      Suppression sup;
      sup.comment = block.span;
      sup.rules = ids;
      sup.reason = reason;
      sup.firstLine = static_cast<uint32_t>(lines.lineOf(doc.blocks[next].span.begin));
      sup.lastLine = sup.firstLine;
      out.push_back(std::move(sup));
    } else if (verb == "disable") {
      Suppression sup;
      sup.comment = block.span;
      sup.rules = ids;
      sup.reason = reason;
      sup.firstLine = commentLastLine + 1;
      sup.lastLine = static_cast<uint32_t>(lines.lineCount());
      open.push_back(out.size());
      out.push_back(std::move(sup));
    } else {  // enable: closes the latest open range naming the same rules (or any, without rules)
      for (size_t k = open.size(); k-- > 0;) {
        Suppression& range = out[open[k]];
        if (ids.empty() || range.rules == ids) {
          range.lastLine = static_cast<uint32_t>(lines.lineOf(block.span.begin));
          open.erase(open.begin() + static_cast<long>(k));
          break;
        }
      }
    }
  }
  return out;
}

void applySuppressions(const Document& doc, std::vector<Suppression>& suppressions, std::vector<Finding>& findings) {
  if (suppressions.empty()) return;
  const LineIndex& lines = doc.source->lines();
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) {
                                  const uint32_t line = static_cast<uint32_t>(lines.lineOf(f.span.begin));
                                  bool suppressed = false;
                                  for (Suppression& s : suppressions) {
                                    if (line >= s.firstLine && line <= s.lastLine && ruleMatches(s.rules, f.ruleId)) {
                                      s.used = true;
                                      suppressed = true;
                                    }
                                  }
                                  return suppressed;
                                }),
                 findings.end());
}

}  // namespace gklint
