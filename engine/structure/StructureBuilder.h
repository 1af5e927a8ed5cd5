// StructureBuilder: turns a reader's blocks into a Document (headings, sections, facts).
#pragma once

#include <optional>

#include "engine/model/Document.h"
#include "engine/read/ReadResult.h"
#include "engine/structure/Outline.h"

namespace gklint {

struct StructureOptions {
  std::optional<int> yearOverride;  // --year
};

// Recognises numbered headings in every format (Markdown `#` is a bonus, not a requirement):
// level 1 "一、总体情况" (also "1、 总体情况" when the title names an outline section), level 2
// "（一）", level 3 "1." and "一是". Level-1 headings are matched to `outline` sections by
// keyword; an unmatched level-1 heading opens an unnamed section only when its number comes
// after the last matched one (so "一、…" lists inside a section do not cut it). Never fails.
Document buildDocument(const Source& source, DocumentFormat format, ReadResult read, const Outline& outline,
                       const StructureOptions& options = {});

}  // namespace gklint
