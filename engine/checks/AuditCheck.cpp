// audit: a rule whose findings the engine itself produces (unused suppressions, expired
// waivers) rather than a check; the rule file still gives their id, severity and message,
// and configuration can change or turn them off like any rule.
#include "engine/checks/CheckRegistry.h"

namespace gklint {
namespace {

class AuditCheck final : public Check {
 public:
  using Check::Check;
  void run(CheckContext&) const override {}
};

}  // namespace

std::unique_ptr<Check> createAuditCheck(RuleInfo info, OptionReader& options) {
  if (info.id != "meta/unused-suppression" && info.id != "meta/expired-waiver") {
    options.error("kind", "kind 'audit' is only for meta/unused-suppression and meta/expired-waiver: any other "
                          "audit rule could never fire");
    return nullptr;
  }
  return std::make_unique<AuditCheck>(std::move(info));
}

}  // namespace gklint
