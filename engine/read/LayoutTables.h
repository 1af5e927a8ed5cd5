// LayoutTables: table rows of extracted text — rows laid out with runs of spaces
// (`pdftotext -layout`) and browser copies whose cells stand on lines of their own.
#pragma once

#include <string_view>

#include "engine/model/Block.h"

namespace gklint {

// A trimmed line that looks like a row of a space-aligned table: cells separated by a run of two
// or more spaces, holding at least one number or at least three cells ("规章   0   0   0",
// "信息内容   本年制发件数   本年废止件数").
bool isSpaceAlignedRow(std::string_view line);
// A trimmed line of three or more numbers separated by spaces ("1 0 0 0 1"): a data row.
bool isNumberRow(std::string_view line);
// Whether a token is a table value: a number (1,234  0.5  12%) or a dash.
bool isValueToken(std::string_view token);

// Splits the line `line` of `text` into cells: a run of two or more spaces ends a cell, and a
// number stands in a cell of its own even after a single space ("4.保护第三方合法权益 0").
// Cells record the display column they start at, from the start of the physical line (CJK
// characters count 2); `line` is the trimmed line.
TableRow splitSpaceAligned(std::string_view text, ByteSpan line);

// A line holding only tabs (and spaces), at least one tab: what a browser puts between the
// cells of a row when each cell holds a paragraph.
bool isTabSeparatorLine(std::string_view line);

}  // namespace gklint
