// DocxReader: reads a Word .docx package into the linted text a careful "save as .txt" gives —
// one line per paragraph, one line per table row with its cells tab-separated, list numbers
// written out — and records where each piece came from (Word paragraph or table cell).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/read/ReadResult.h"
#include "engine/text/Origin.h"

namespace gklint {

// Limits on what a document may contain; past them the file is refused, never half read.
constexpr int kMaxDocxNesting = 48;  // tables inside tables, sdt/customXml/field containers

// A paragraph with a heading style or outline level (Heading 1 / 标题 1, w:outlineLvl).
struct DocxHeadingLine {
  uint32_t offset = 0;  // byte offset of its line in the linted text
  uint32_t end = 0;     // end of its text (a paragraph with line breaks spans several lines)
  int level = 0;        // 0-based outline level
};

struct DocxRead {
  std::string error;  // non-empty: the file was refused — what is wrong and what to do
  std::string text;   // the linted text (UTF-8, '\n' line ends)
  std::shared_ptr<OriginMap> origin;
  std::vector<DocxHeadingLine> headings;
  uint32_t paragraphs = 0;  // body paragraphs counted for ¶ places
  uint32_t tables = 0;

  bool ok() const { return error.empty(); }
};

// Reads `bytes` (the whole .docx file). Never throws; a hostile or damaged package (zip bomb,
// encrypted or binary .doc, not OOXML, XML with a DTD, truncated, nested too deep) comes back as
// DocxRead::error. Bounded: see ZipLimits and kMaxDocxNesting.
DocxRead readDocx(std::string_view bytes);

// Marks the paragraph blocks that start a heading line as Heading blocks (level+1, as Markdown's
// `#` levels), so that an unnumbered "总体情况" in Heading 1 opens its section as in Markdown.
void markDocxHeadings(ReadResult& read, const std::vector<DocxHeadingLine>& headings);

}  // namespace gklint
