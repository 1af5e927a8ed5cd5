// Document: a report after reading and structure recognition — blocks, headings,
// the six sections, title, organ, reporting year, statistics period and template.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/Block.h"
#include "engine/model/BoundTable.h"
#include "engine/model/LintedText.h"

namespace gklint {

class Source;

// How a heading is numbered.
enum class NumberingStyle {
  ChineseComma,       // 一、
  ArabicComma,        // 1、
  ArabicDot,          // 1.  1．
  FullBrackets,       // （一）
  HalfBrackets,       // (一)
  MixedBrackets,      // （一) or (一）
  ChineseIs,          // 一是
  None,               // a Markdown heading without a number
};

struct Heading {
  int level = 0;         // 1 section, 2 （一）, 3 1. / 一是
  int number = 0;        // the numeral's value, 0 when unnumbered
  NumberingStyle style = NumberingStyle::None;
  size_t block = 0;      // index into Document::blocks
  ByteSpan line;         // the block's content
  ByteSpan marker;       // "一、", "（一）", "1." … including spaces inside the marker
  ByteSpan title;        // the heading text after the marker, up to the first 。 for run-in headings
  bool innerSpace = false;  // white space inside the marker, e.g. "（ 四）"
};

// One of the six top-level sections, as found.
struct Section {
  std::string key;        // outline key: overview, active, requests, review, problems, other
  int outlineIndex = -1;  // position in the outline (0..5)
  size_t heading = 0;     // index into Document::headings
  size_t firstBlock = 0;  // first block after the heading
  size_t endBlock = 0;    // one past the section's last block
  ByteSpan span;          // heading start to the next section's heading (or end of text)
};

struct Title {
  ByteSpan span;          // one line, or two when the organ name stands on its own line
  std::string text;       // the title with white space removed
  std::string organ;      // text before the year, white space removed; empty if none
  std::optional<int> year;
};

struct StatisticsPeriod {
  ByteSpan span;          // the sentence that states it
  bool datesParsed = false;
  int startYear = 0, startMonth = 0, startDay = 0;
  int endYear = 0, endMonth = 0, endDay = 0;  // endYear 0: omitted ("至12月31日")
  ByteSpan datesSpan;     // the date range itself
};

enum class TemplateId { Unknown, Old2007, Trial2019, Gov2021 };
std::string_view templateName(TemplateId id);  // "gov-2021", "gov-2019", "old-2007", "unknown"
TemplateId templateForYear(int year);

enum class YearSource { None, Title, Period, Text, Override };

// Kind of body, from the organ name: governments (人民政府, and townships: 乡, 镇, 街道) must
// also report assessment results (条例 Art. 50); townships have no rule-making power.
enum class OrganKind { Unknown, Government, Township, Department };
// Parses "government", "township", "department" (as rule and config files write them).
bool parseOrganKind(std::string_view name, OrganKind& out);

struct Document {
  const Source* source = nullptr;  // not owned; outlives the Document
  std::string_view sourceText;     // source's text (the model does not include engine/text/)
  DocumentFormat format = DocumentFormat::Text;
  std::vector<Block> blocks;
  std::vector<RawTable> tables;
  std::vector<BoundTable> boundTables;  // the official tables found, bound to their templates
  std::vector<Heading> headings;   // in source order
  std::vector<Section> sections;   // in source order (may be out of outline order)
  std::optional<size_t> titleBlockEnd;  // blocks [0, titleBlockEnd) form the title
  std::optional<Title> title;
  std::optional<StatisticsPeriod> period;
  int year = 0;
  YearSource yearSource = YearSource::None;
  TemplateId templateId = TemplateId::Unknown;
  OrganKind organKind = OrganKind::Unknown;
  // The same body's report of the year before, when the user gives it (cross-year rules);
  // not owned, outlives this Document.
  const Document* previous = nullptr;
  // When the report was (or will be) published, YYYY-MM-DD, if the user says (publish/late).
  std::string publishDate;
  // Publication deadlines (MM-DD of the following year) by kind of body, overriding the rule's.
  std::map<OrganKind, std::string> publishDeadlines;

  // The text spans index: the source's, with soft line breaks closed up when the reader found
  // some (`linted`); findings are mapped back to the source by the linter (sourceSpan).
  std::shared_ptr<const LintedText> linted;
  std::string_view text() const { return linted ? linted->text() : sourceText; }
  std::string_view textOf(ByteSpan span) const { return span.in(text()); }
  ByteSpan sourceSpan(ByteSpan span) const { return linted ? linted->toSource(span) : span; }
  const Section* section(std::string_view key) const;
  const BoundTable* boundTable(std::string_view table) const;  // "t2", "t3", "t4"; null when absent
  // Index of the first block of the first section (end of the preamble).
  size_t preambleEnd() const;
};

}  // namespace gklint
