// SoftBreaks: recognises text extracted from PDFs (prose hard-wrapped at a page width) and
// decides which line breaks are soft — inside a sentence — so the reader can join the lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"
#include "engine/text/LineIndex.h"

namespace gklint {

// What the whole text shows about how it was made.
struct ExtractionProfile {
  bool hardWrapped = false;   // prose wrapped at a page width (pdftotext, with or without -layout)
  uint32_t wrapWidth = 0;     // display columns of a full line (CJK characters count 2)
  bool spaceAligned = false;  // table rows laid out with runs of spaces (pdftotext -layout)
};

// Looks at the prose lines (no tab, no run of 3 spaces inside): the text is hard-wrapped when
// several lines stand within a fifth of the widest lines' width, do not end a sentence and run
// on into the next line. A Word or browser copy (one paragraph per line) is not.
ExtractionProfile profileExtraction(std::string_view text, const LineIndex& lines);

// Display width: CJK characters and full-width forms count 2, others 1.
uint32_t displayWidth(std::string_view s);
// The same, counted only until it passes `limit`: the result is then some width above it.
uint32_t displayWidthUpTo(std::string_view s, uint32_t limit);

// Whether the trimmed line `line` is wrapped into `next` (trimmed, non-blank): `line` fills the
// page width and does not end a sentence (。！？；：…), `next` does not start a heading or a
// numbered item ("一、" "（二）" "3." "一是"), a table caption ("表三"), or a table row.
bool continuesInto(const ExtractionProfile& profile, std::string_view line, std::string_view next);

// Whether a trimmed line starts with a numbering marker or a table caption.
bool startsNumberedItem(std::string_view line);

}  // namespace gklint
