// Hover: what the editor shows under the pointer — for a finding, the rule's summary,
// description and legal source (RuleInfo).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lsp/DocumentAnalysis.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

struct HoverOptions {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool markdown = true;  // MarkupContent kind; plaintext for clients without markdown
};

// One block of hover content and the span of text it describes.
struct HoverSection {
  ByteSpan span;
  std::string markdown;
  std::string plaintext;
};

// The hover at byte `offset`: every provider's sections joined by a rule ("---"), the range
// being the first section's span. Nothing when no provider has anything there.
std::optional<Hover> hoverAt(const DocumentAnalysis& analysis, uint32_t offset, const HoverOptions& options);

// Providers, in the order their sections appear.
// The rules behind the findings whose span holds `offset` (an empty span: at `offset`), one
// section per rule.
std::vector<HoverSection> findingHover(const DocumentAnalysis& analysis, uint32_t offset);
// NOTE: extension point for the tables work (DESIGN.md §4: "for a table cell the relation
// with its numbers"). Once the engine binds table grids to template rows and columns, this
// returns the cell's template label, its value and each relation it takes part in with the
// numbers on both sides. Returns nothing until the engine exposes bound tables.
std::vector<HoverSection> tableCellHover(const DocumentAnalysis& analysis, uint32_t offset);

// A YAML block scalar's hard-wrapped lines joined into paragraphs: Chinese lines join without
// a space, lines ending and starting with ASCII letters or digits with one; blank lines stay
// paragraph breaks.
std::string unwrapParagraphs(std::string_view text);

}  // namespace gklint::lsp
