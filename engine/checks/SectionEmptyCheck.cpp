// section-empty: a section with no body at all, or only "无" where the outline does not allow it.
#include "engine/checks/CheckRegistry.h"
#include "engine/structure/HeadingParser.h"
#include "engine/text/Trim.h"

namespace gklint {
namespace {

// Whether a body that starts like this can still turn out to be nil ("无", "暂无", "没有"
// followed only by stops): once it cannot, the rest of the section need not be read.
bool mayBeNil(std::string_view s) {
  for (std::string_view word : {"无", "暂无", "没有"}) {
    if (s.size() <= word.size()) {
      if (word.substr(0, s.size()) == s) return true;
      continue;
    }
    if (s.substr(0, word.size()) != word) continue;
    std::string_view rest = s.substr(word.size());
    for (bool stripped = true; stripped && !rest.empty();) {
      stripped = false;
      for (std::string_view stop : {"。", ".", "！"}) {
        if (rest.substr(0, stop.size()) == stop) {
          rest.remove_prefix(stop.size());
          stripped = true;
        }
      }
    }
    if (rest.empty()) return true;
  }
  return false;
}

bool isNil(std::string s) {
  for (std::string_view stop : {"。", ".", "！"}) {
    while (s.size() >= stop.size() && s.compare(s.size() - stop.size(), stop.size(), stop) == 0) s.resize(s.size() - stop.size());
  }
  return s == "无" || s == "暂无" || s == "没有";
}

class SectionEmptyCheck final : public Check {
 public:
  using Check::Check;

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    for (const Section& s : doc.sections) {
      if (s.outlineIndex < 0) continue;
      const OutlineSection& o = ctx.outline().sections[static_cast<size_t>(s.outlineIndex)];
      std::string body;
      bool hasTable = false;
      for (size_t i = s.firstBlock; i < s.endBlock; ++i) {
        const Block& b = doc.blocks[i];
        if (b.kind == BlockKind::Table) hasTable = true;
        if (b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading) body += removeSpaces(ctx.textOf(b.content));
        if (hasTable || !mayBeNil(body)) break;  // neither empty nor nil: nothing to report
      }
      const std::string name = chineseNumeral(o.number) + "、" + o.title;
      const ByteSpan at = doc.headings[s.heading].line;
      if (!hasTable && body.empty()) {
        ctx.report(at, {{"number", chineseNumeral(o.number)}, {"title", o.title}, {"detail", "“" + name + "”下没有内容"}});
      } else if (!hasTable && isNil(body) && !o.allowNil) {
        ctx.report(at, {{"number", chineseNumeral(o.number)},
                        {"title", o.title},
                        {"detail", "“" + name + "”只写了“" + body + "”，该部分应如实报告"}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> createSectionEmptyCheck(RuleInfo info, OptionReader&) {
  return std::make_unique<SectionEmptyCheck>(std::move(info));
}

}  // namespace gklint
