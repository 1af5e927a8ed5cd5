// section-presence: reports each outline section that no heading names, with a fix that
// inserts its heading where it belongs.
#include "engine/checks/CheckRegistry.h"
#include "engine/structure/HeadingParser.h"

namespace gklint {
namespace {

class SectionPresenceCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    const Outline& outline = ctx.outline();
    for (size_t i = 0; i < outline.sections.size(); ++i) {
      const OutlineSection& wanted = outline.sections[i];
      if (doc.section(wanted.key) != nullptr) continue;
      const std::string heading = chineseNumeral(wanted.number) + "、" + wanted.title;
      // Insert before the next present section, else at the end of the text.
      ByteSpan at{static_cast<uint32_t>(doc.text().size()), static_cast<uint32_t>(doc.text().size())};
      ByteSpan reportAt = doc.blocks.empty() ? ByteSpan{} : doc.blocks.back().content;
      for (size_t j = i + 1; j < outline.sections.size(); ++j) {
        if (const Section* next = doc.section(outline.sections[j].key)) {
          const Block& block = doc.blocks[doc.headings[next->heading].block];
          at = {block.span.begin, block.span.begin};
          reportAt = doc.headings[next->heading].line;
          break;
        }
      }
      Finding& f = ctx.report(reportAt, {{"number", chineseNumeral(wanted.number)}, {"title", wanted.title}});
      const bool atEnd = at.begin == doc.text().size();
      std::string insert = atEnd ? "\n" + heading + "\n" : heading + "\n\n";
      if (doc.format == DocumentFormat::Markdown) insert = atEnd ? "\n# " + heading + "\n" : "# " + heading + "\n\n";
      f.fix = Fix{"插入标题“" + heading + "”", {{at, insert}}, /*safe=*/false};
    }
  }
};

}  // namespace

std::unique_ptr<Check> createSectionPresenceCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<SectionPresenceCheck>(std::move(info));
}

}  // namespace gklint
