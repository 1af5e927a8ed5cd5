// subheading-style: （一）-level markers use full-width brackets with no spaces inside, and
// count up without gaps within a section.
#include "engine/checks/CheckRegistry.h"
#include "engine/structure/HeadingParser.h"

namespace gklint {
namespace {

class SubheadingStyleCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    int previous = 0;
    for (const Heading& h : doc.headings) {
      if (h.level == 1) {
        previous = 0;
        continue;
      }
      if (h.level != 2) continue;
      const std::string expected = "（" + chineseNumeral(h.number) + "）";
      const std::string actual(ctx.textOf(h.marker));
      if (h.style != NumberingStyle::FullBrackets || h.innerSpace) {
        std::string detail = h.innerSpace ? "括号内不应有空格" : "应使用全角括号";
        Finding& f = ctx.report(h.marker, {{"actual", actual}, {"expected", expected}, {"detail", detail}});
        // Replace the marker and any space after it: "(一) 存在问题" → "（一）存在问题".
        f.fix = Fix{"改为“" + expected + "”", {{{h.marker.begin, std::max(h.marker.end, h.title.begin)}, expected}}};
      } else if (previous > 0 && h.number != previous + 1 && h.number != 1) {
        const std::string wanted = "（" + chineseNumeral(previous + 1) + "）";
        ctx.report(h.marker, {{"actual", actual},
                              {"expected", wanted},
                              {"detail", "编号不连续，“（" + chineseNumeral(previous) + "）”之后应为“" + wanted + "”"}});
      }
      previous = h.number;
    }
  }
};

}  // namespace

std::unique_ptr<Check> createSubheadingStyleCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<SubheadingStyleCheck>(std::move(info));
}

}  // namespace gklint
