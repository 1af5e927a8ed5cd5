// TextReader: reads plain-text reports (as extracted from Word or PDF) into blocks.
#pragma once

#include <string_view>

#include "engine/read/ReadResult.h"
#include "engine/text/LineIndex.h"

namespace gklint {

// Every non-blank line outside a table is a Paragraph block (content trimmed of white
// space). Table regions are runs of tab-separated lines, including the label fragments
// that PDF/Word extraction leaves on tab-less lines between them (one cell per line
// exports); a region never swallows a top-level heading such as "三、…" or "4、…".
// Text extracted from PDFs or browsers (engine/read/SoftBreaks.h, LayoutTables.h) also yields
// paragraphs joined over soft line breaks (Block::gaps), space-aligned tables (pdftotext
// -layout), cells in reading order (plain pdftotext) and browser copies (tab-only lines
// between cells).
// Linear in the text size; never fails.
ReadResult readText(std::string_view text);
// The same, with the text's line index already built (the Source has one).
ReadResult readText(std::string_view text, const LineIndex& lines);

}  // namespace gklint
