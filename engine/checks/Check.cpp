#include "engine/checks/Check.h"

namespace gklint {

Finding& CheckContext::report(ByteSpan span, const MessageArgs& args) {
  const FindingCap::Verdict verdict = cap_ ? cap_->admit(*count_, rule_.id, span) : FindingCap::Verdict::Keep;
  if (verdict != FindingCap::Verdict::Keep) {  // past the cap: counted, not formatted
    dropped_.ruleId = rule_.id;  // reuses the scratch finding's buffers
    dropped_.message.clear();
    dropped_.related.clear();
    dropped_.fix.reset();
    dropped_.severity = rule_.severity;
    dropped_.span = span;
    if (verdict == FindingCap::Verdict::DropFirst) FindingCap::keepFirstDropped(*count_, dropped_);
    return dropped_;
  }
  Finding f;
  f.ruleId = rule_.id;
  f.severity = rule_.severity;
  f.message = formatMessage(rule_.message, args);
  f.span = span;
  out_.push_back(std::move(f));
  return out_.back();
}

}  // namespace gklint
