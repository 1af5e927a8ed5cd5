// heading-numbering: top-level headings must be numbered with the section's Chinese numeral
// and 顿号 ("一、"), not "1、", "1." or nothing; fixed by replacing the marker.
#include "engine/checks/CheckRegistry.h"
#include "engine/structure/HeadingParser.h"

namespace gklint {
namespace {

class HeadingNumberingCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    for (const Section& s : doc.sections) {
      if (s.outlineIndex < 0) continue;
      const OutlineSection& o = ctx.outline().sections[static_cast<size_t>(s.outlineIndex)];
      const Heading& h = doc.headings[s.heading];
      const std::string expected = chineseNumeral(o.number) + "、";
      const std::string actual(ctx.textOf(h.marker));
      if (h.style == NumberingStyle::ChineseComma && actual == expected) continue;
      // Replace the marker and any space between it and the title.
      const ByteSpan edit{h.marker.begin, h.title.begin};
      const ByteSpan at = h.marker.empty() ? h.title : h.marker;
      Finding& f = ctx.report(at, {{"actual", actual.empty() ? std::string("（无编号）") : actual},
                                   {"expected", expected},
                                   {"title", o.title}});
      f.fix = Fix{"改为“" + expected + "”", {{edit, expected}}};
    }
  }
};

}  // namespace

std::unique_ptr<Check> createHeadingNumberingCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<HeadingNumberingCheck>(std::move(info));
}

}  // namespace gklint
