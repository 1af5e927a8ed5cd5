#include "engine/Linter.h"

#include <algorithm>

#include "engine/lint/Suppressions.h"

namespace gklint {
namespace {

std::string listRules(const std::vector<std::string>& rules) {
  if (rules.empty()) return "全部规则";
  std::string s;
  for (const std::string& r : rules) s += (s.empty() ? "" : "、") + r;
  return s;
}

}  // namespace

std::vector<Finding> lintDocument(const Document& doc, const RuleSet& rules, const Config* config,
                                  size_t maxFindingsPerRule) {
  std::vector<Finding> findings;
  auto severityOf = [&](const RuleInfo& info, bool& overridden) -> std::optional<Severity> {
    overridden = false;
    if (!config) return info.severity;
    const SeveritySetting* from = nullptr;
    std::optional<Severity> s = effectiveSeverity(*config, info, &from);
    overridden = from != nullptr;
    return s;
  };
  PieceMatchCache pieceMatches(rules.prefilter.get(), doc.sourceText.size());
  std::vector<Suppression> suppressions = findSuppressions(doc);
  FindingCap cap(doc, suppressions, maxFindingsPerRule);
  for (const auto& check : rules.checks) {
    bool overridden = false;
    const std::optional<Severity> severity = severityOf(check->info(), overridden);
    if (!severity || !check->info().applies.matches(doc)) continue;
    const size_t before = findings.size();
    CheckContext ctx(doc, rules.outline, check->info(), findings, &pieceMatches, &cap);
    check->run(ctx);
    if (overridden) {
      for (size_t i = before; i < findings.size(); ++i) findings[i].severity = *severity;
      cap.countFor(check->info().id).firstDropped.severity = *severity;
    }
  }
  cap.appendClosingFindings(findings);
  // Spans into closed-up paragraphs point back at the source's own lines and columns.
  if (doc.linted) {
    for (Finding& f : findings) {
      f.span = doc.sourceSpan(f.span);
      for (RelatedSpan& r : f.related) r.span = doc.sourceSpan(r.span);
      if (f.fix) {
        for (TextEdit& e : f.fix->edits) e.span = doc.sourceSpan(e.span);
      }
    }
  }
  applySuppressions(doc, suppressions, findings);
  if (const Check* audit = rules.find("meta/unused-suppression")) {
    bool overridden = false;
    if (const std::optional<Severity> severity = severityOf(audit->info(), overridden)) {
      const std::vector<Suppression> none;
      FindingCap auditCap(doc, none, maxFindingsPerRule);
      CheckContext ctx(doc, rules.outline, audit->info(), findings, nullptr, &auditCap);
      for (const Suppression& s : suppressions) {
        if (s.used) continue;
        Finding& f = ctx.report(s.comment, {{"rules", listRules(s.rules)}, {"reason", s.reason}});
        f.severity = *severity;
      }
      const size_t before = findings.size();
      auditCap.appendClosingFindings(findings);
      for (size_t i = before; i < findings.size(); ++i) findings[i].severity = *severity;
    }
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.ruleId < b.ruleId;
  });
  return findings;
}

}  // namespace gklint
