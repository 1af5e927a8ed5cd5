// PipeTableScan: finds the GFM pipe tables of a Markdown text whose extent is certain without
// a block parser, so that the Markdown reader can read them itself: tree-sitter-markdown spends
// most of a report's parse on its pipe tables (about 0.5 µs a cell), and the reader only needs
// their rows and cells.
#pragma once

#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

struct PlainPipeTable {
  ByteSpan region;               // from the header line's start to after the last row's line break
  std::vector<ByteSpan> rows;    // each row line (header first), without its line break; no delimiter row
};

// A table qualifies only where every Markdown reading agrees on it: at the top level (not in
// a fenced code block, an HTML block, a list or a block quote), its header line at column 0
// after a blank line (or at the start), a delimiter row with as many cells as the header,
// every further line starting with '|', and a blank line (or the end) right after it. Anything
// else — a table right under a heading or a paragraph, a line of text glued to its end, a text
// with lone '\r' line breaks or with HTML blocks that only end at a marker — is left to the
// parser. Linear in the text size.
std::vector<PlainPipeTable> findPlainPipeTables(std::string_view text);

}  // namespace gklint
