// title-format: the title reads "[机关全称][YYYY]年政府信息公开工作年度报告"; reports a missing
// title, a different wording, a missing year, or an organ given only as a place name.
#include <re2/re2.h>

#include "engine/checks/CheckRegistry.h"
#include "engine/lint/Scope.h"
#include "engine/rules/PatternCompiler.h"

namespace gklint {
namespace {

class TitleFormatCheck final : public Check {
 public:
  TitleFormatCheck(RuleInfo info, std::shared_ptr<const RulePattern> pattern, std::vector<std::string> placeSuffixes)
      : Check(std::move(info)), pattern_(std::move(pattern)), placeSuffixes_(std::move(placeSuffixes)) {}

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    if (!doc.title) {
      ctx.report(documentAnchor(doc), {{"title", ""}, {"detail", "未找到报告标题"}});
      return;
    }
    const Title& title = *doc.title;
    std::string detail;
    auto add = [&](const std::string& problem) { detail += (detail.empty() ? "" : "；") + problem; };
    if (!title.year) add("标题中没有报告年度（YYYY年）");
    else if (!RE2::FullMatch(title.text, pattern_->re())) add("应为“[机关全称][YYYY]年政府信息公开工作年度报告”");
    if (!title.year) {
      // Without a year the organ cannot be told from the rest of the title.
    } else if (title.organ.empty()) {
      add("标题应以机关全称开头");
    } else {
      for (const std::string& suffix : placeSuffixes_) {
        if (title.organ.size() >= suffix.size() &&
            title.organ.compare(title.organ.size() - suffix.size(), suffix.size(), suffix) == 0) {
          add("“" + title.organ + "”是地名而非机关全称（如“" + title.organ + "人民政府”）");
          break;
        }
      }
    }
    if (!detail.empty()) ctx.report(title.span, {{"title", title.text}, {"detail", detail}});
  }

 private:
  std::shared_ptr<const RulePattern> pattern_;
  std::vector<std::string> placeSuffixes_;
};

}  // namespace

std::unique_ptr<Check> createTitleFormatCheck(RuleInfo info, OptionReader& options) {
  YamlNode node = options.node("pattern");
  if (node.defined() && !node.isScalar()) {
    options.error(node, "pattern", "'pattern' must be a string (a regular expression the whole title must match)");
    return nullptr;
  }
  std::string pattern = node.defined() ? std::string(node.scalar()) : R"((.+?)(\d{4})年度?政府信息公开工作年度报告)";
  auto re = compilePattern(pattern, options, node.defined() ? node : YamlNode(), "pattern");
  std::vector<std::string> places = options.stringList("place_suffixes");
  if (!re) return nullptr;
  return std::make_unique<TitleFormatCheck>(std::move(info), std::move(re), std::move(places));
}

}  // namespace gklint
