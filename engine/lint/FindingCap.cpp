#include "engine/lint/FindingCap.h"

#include "engine/text/Source.h"

namespace gklint {


bool FindingCap::suppressed(const std::string& ruleId, ByteSpan span) const {
  if (suppressions_.empty()) return false;
  const uint32_t line = static_cast<uint32_t>(doc_.source->lines().lineOf(span.begin));
  for (const Suppression& s : suppressions_) {
    if (line >= s.firstLine && line <= s.lastLine && ruleMatches(s.rules, ruleId)) return true;
  }
  return false;
}

FindingCap::Verdict FindingCap::admit(RuleCount& count, const std::string& ruleId, ByteSpan span) {
  if (cap_ == 0) return Verdict::Keep;
  if (count.kept < cap_) {
    if (!suppressed(ruleId, span)) ++count.kept;
    return Verdict::Keep;
  }
  if (suppressed(ruleId, span)) return Verdict::Keep;  // removed later by applySuppressions
  return count.dropped++ == 0 ? Verdict::DropFirst : Verdict::Drop;
}

void FindingCap::keepFirstDropped(RuleCount& count, const Finding& f) {
  count.firstDropped.ruleId = f.ruleId;
  count.firstDropped.severity = f.severity;
  count.firstDropped.span = f.span;
}

void FindingCap::appendClosingFindings(std::vector<Finding>& findings) const {
  for (const auto& [id, count] : counts_) {
    if (count.dropped == 0) continue;
    Finding f = count.firstDropped;
    f.message = "此处起还有 " + std::to_string(count.dropped) + " 处同类问题未列出（每条规则每个文件最多列出 " +
                std::to_string(cap_) + " 处；用 --max-findings-per-rule 或 .gklint.yaml 的 max_findings_per_rule 调整，0 为不限）";
    findings.push_back(std::move(f));
  }
}

}  // namespace gklint
