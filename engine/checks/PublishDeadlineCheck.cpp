// publish-deadline: a report published after the deadline for its kind of body (条例 Art. 49:
// departments by 1月31日, 县级以上 governments by 3月31日 of the following year). Runs only when
// the publish date is known (gklint check --published, or publish: in .gklint.yaml); the
// deadlines come from the rule and can be overridden per body kind in the configuration.
#include <re2/re2.h>

#include <map>

#include "engine/checks/CheckRegistry.h"
#include "engine/lint/Scope.h"

namespace gklint {
namespace {

class PublishDeadlineCheck final : public Check {
 public:
  PublishDeadlineCheck(RuleInfo info, std::map<OrganKind, std::string> deadlines)
      : Check(std::move(info)), deadlines_(std::move(deadlines)) {}

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    if (doc.publishDate.empty() || doc.year <= 0) return;
    OrganKind kind = doc.organKind == OrganKind::Unknown ? OrganKind::Department : doc.organKind;
    auto deadline = doc.publishDeadlines.find(kind);
    const std::string monthDay = deadline != doc.publishDeadlines.end() ? deadline->second : deadlines_.at(kind);
    const std::string due = std::to_string(doc.year + 1) + "-" + monthDay;
    if (doc.publishDate <= due) return;
    ctx.report(documentAnchor(doc), {{"date", doc.publishDate}, {"deadline", due}, {"year", std::to_string(doc.year)}});
  }

 private:
  std::map<OrganKind, std::string> deadlines_;
};

}  // namespace

std::unique_ptr<Check> createPublishDeadlineCheck(RuleInfo info, OptionReader& options) {
  std::map<OrganKind, std::string> deadlines = {
      {OrganKind::Government, "03-31"}, {OrganKind::Township, "01-31"}, {OrganKind::Department, "01-31"}};
  YamlNode node = options.node("deadlines");
  if (node.defined()) {
    if (!node.isMap()) {
      options.error(node, "deadlines", "'deadlines' must map government, township, department to MM-DD");
      return nullptr;
    }
    for (size_t i = 0; i < node.size(); ++i) {
      const std::string kind(node.key(i).scalar());
      const std::string value(node.value(i).scalar());
      OrganKind organ = OrganKind::Unknown;
      if (!parseOrganKind(kind, organ) || !RE2::FullMatch(value, R"(\d{2}-\d{2})")) {
        options.error(node.key(i), "deadlines." + kind, "deadlines map government, township or department to MM-DD");
        return nullptr;
      }
      deadlines[organ] = value;
    }
  }
  return std::make_unique<PublishDeadlineCheck>(std::move(info), std::move(deadlines));
}

}  // namespace gklint
