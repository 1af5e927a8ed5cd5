// TextScan: visits the prose (and optionally table cells) of a scope, for text-matching checks.
#pragma once

#include <algorithm>

#include "engine/lint/Scope.h"

namespace gklint {

struct TextScanOptions {
  bool includeTables = false;   // also visit every table cell
  bool skipMarkers = true;      // leave heading numbering markers ("（一）") out of the text
  bool sectionHeadings = true;  // visit the top-level headings themselves ("五、存在的主要问题…")
};

// Calls visit(ByteSpan piece, const Block& block) for each Paragraph/Heading content in the
// scope (minus its numbering marker) and, optionally, each non-empty table cell.
template <typename Visit>
void forEachTextPiece(const Document& doc, const Scope& scope, const TextScanOptions& options, Visit&& visit) {
  for (auto [begin, end] : scope.blockRanges(doc)) {
    auto heading = std::lower_bound(doc.headings.begin(), doc.headings.end(), begin,
                                    [](const Heading& h, size_t block) { return h.block < block; });
    for (size_t i = begin; i < end && i < doc.blocks.size(); ++i) {
      const Block& block = doc.blocks[i];
      while (heading != doc.headings.end() && heading->block < i) ++heading;
      if (block.kind == BlockKind::Paragraph || block.kind == BlockKind::Heading) {
        ByteSpan piece = block.content;
        const bool isHeading = heading != doc.headings.end() && heading->block == i;
        if (isHeading && heading->level == 1 && !options.sectionHeadings) continue;
        if (options.skipMarkers && isHeading) piece.begin = std::max(piece.begin, heading->marker.end);
        if (!piece.empty()) visit(piece, block);
      } else if (block.kind == BlockKind::Table && options.includeTables) {
        for (const TableRow& row : doc.tables[block.tableIndex].rows) {
          for (const TableCell& cell : row.cells) {
            if (!cell.span.empty()) visit(cell.span, block);
          }
        }
      }
    }
  }
}

// True when `span` overlaps inline markup of `block` (Markdown emphasis, code, URLs).
inline bool overlapsMarkup(const Block& block, ByteSpan span) {
  for (const ByteSpan& m : block.markup) {
    if (m.overlaps(span)) return true;
  }
  return false;
}

}  // namespace gklint
