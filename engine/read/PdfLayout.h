// PdfLayout: turns the positioned words of a PDF's pages into a report's linted text.
//
// Pure geometry, no PDF library: PdfReader gives it the words poppler found on each page with
// their boxes; it gives back the text every later stage lints, one paragraph per line and table
// rows as tab-separated cells, and an OriginMap of Kind::PageLine places.
//
//  - Lines: words whose boxes share a baseline band form a physical line, read left to right.
//    A gap wider than kCellGapEm × the font size splits a line into cells (table columns); a
//    narrower one next to a Han character is a space only when it is wider than the autospace
//    type-setters put between Han and Latin (so "2021年" stays one word, "2021 年" keeps its space).
//  - Page furniture is dropped: page numbers ("- 3 -", "— 4 —", "第3页", "第3页 共10页",
//    "3/10"), running headers and footers (the same text, digits aside, at the top or bottom of
//    at least half of the pages), and the 附件 stamp above the title of page 1.
//  - Prose: a line that reaches the right margin continues on the next line when that one starts
//    at the left margin (not indented) and is not a heading or numbered item; the pieces are
//    joined into one linted line (across page breaks too).
//  - Tables: a line of two or more cells is a table row. A label wrapping over several lines
//    belongs to the row whose numbers sit beside it: lines without numbers that follow a row
//    closely (and do not start a new numbered item) continue its cells, column by column; lines
//    without numbers that precede a row of numbers closely are its label's beginning. A table
//    continues across a page break.
//
// Places: page = 1-based page index; line = 1-based line of the page counted top to bottom over
// every text line poppler sees on it (furniture included, so the count matches what a person
// sees in a viewer); character = 0-based code points into that line's text, whose words are
// joined as they are printed (one space between cells or spaced words, none between CJK words).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/text/Origin.h"

namespace gklint {

// A word as poppler finds it: its box in points, y growing downwards.
struct PdfWord {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double fontSize = 0;  // 0: unknown (estimated from the box height, scaled by the page's Han words)
  std::string text;     // UTF-8
  bool spaceAfter = false;
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfWord> words;
};

struct PdfText {
  std::string text;
  std::shared_ptr<OriginMap> origin;
};

// A gap between words of at least this many font sizes separates two table cells.
inline constexpr double kCellGapEm = 0.6;

PdfText layoutPdfPages(const std::vector<PdfPage>& pages);

}  // namespace gklint
