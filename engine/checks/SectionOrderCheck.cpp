// section-order: reports a section that comes after one it should precede, or appears twice.
#include "engine/checks/CheckRegistry.h"
#include "engine/structure/HeadingParser.h"

namespace gklint {
namespace {

class SectionOrderCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    const Outline& outline = ctx.outline();
    std::vector<bool> seen(outline.sections.size(), false);
    int highest = -1;
    for (const Section& s : doc.sections) {
      if (s.outlineIndex < 0) continue;
      const OutlineSection& o = outline.sections[static_cast<size_t>(s.outlineIndex)];
      const ByteSpan at = doc.headings[s.heading].line;
      const std::string name = chineseNumeral(o.number) + "、" + o.title;
      if (seen[static_cast<size_t>(s.outlineIndex)]) {
        ctx.report(at, {{"title", name}, {"detail", "“" + name + "”重复出现"}});
        continue;
      }
      seen[static_cast<size_t>(s.outlineIndex)] = true;
      if (s.outlineIndex < highest) {
        const OutlineSection& after = outline.sections[static_cast<size_t>(highest)];
        ctx.report(at, {{"title", name},
                        {"detail", "“" + name + "”应在“" + chineseNumeral(after.number) + "、" + after.title + "”之前"}});
      }
      highest = std::max(highest, s.outlineIndex);
    }
  }
};

}  // namespace

std::unique_ptr<Check> createSectionOrderCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<SectionOrderCheck>(std::move(info));
}

}  // namespace gklint
