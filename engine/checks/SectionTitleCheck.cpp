// section-title: reports a top-level title worded differently from the template, with a fix.
#include "engine/checks/CheckRegistry.h"
#include "engine/text/Trim.h"

namespace gklint {
namespace {

class SectionTitleCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    for (const Section& s : doc.sections) {
      if (s.outlineIndex < 0) continue;
      const OutlineSection& o = ctx.outline().sections[static_cast<size_t>(s.outlineIndex)];
      const Heading& h = doc.headings[s.heading];
      const std::string actual = removeSpaces(ctx.textOf(h.title));
      if (actual == o.title) continue;
      Finding& f = ctx.report(h.title, {{"actual", actual}, {"expected", o.title}});
      f.fix = Fix{"改为“" + o.title + "”", {{h.title, o.title}}};
    }
  }
};

}  // namespace

std::unique_ptr<Check> createSectionTitleCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<SectionTitleCheck>(std::move(info));
}

}  // namespace gklint
