#include "engine/lint/Linter.h"

#include <algorithm>

namespace gklint {

std::vector<Finding> lintDocument(const Document& doc, const RuleSet& rules) {
  std::vector<Finding> findings;
  for (const auto& check : rules.checks) {
    if (!check->info().applies.matches(doc)) continue;
    CheckContext ctx(doc, rules.outline, check->info(), findings);
    check->run(ctx);
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.ruleId < b.ruleId;
  });
  return findings;
}

}  // namespace gklint
