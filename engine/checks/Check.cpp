#include "engine/checks/Check.h"

namespace gklint {

Finding& CheckContext::report(ByteSpan span, const MessageArgs& args) {
  Finding f;
  f.ruleId = rule_.id;
  f.severity = rule_.severity;
  f.message = formatMessage(rule_.message, args);
  f.span = span;
  out_.push_back(std::move(f));
  return out_.back();
}

}  // namespace gklint
