// Hover: what the editor shows under the pointer — for a finding, the rule's summary,
// description and legal source (RuleInfo); for a table value cell, its place in the official
// table and the relations it takes part in, with their numbers.
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
// The value cell of an official table under `offset` (lsp/TableCellHover.cpp): its table,
// template row (key, canonical label, the label as written when it differs) and column, its
// state (number, blank, dash, text), and each relation rule that applies to the document and
// names the cell, evaluated where the cell is, with both sides' numbers and ✓/✗. Relations a
// blank or non-numeric cell makes unknown are not listed. Nothing on labels, prose or cells
// whose place is not certain enough to bind.
std::vector<HoverSection> tableCellHover(const DocumentAnalysis& analysis, uint32_t offset);

// A YAML block scalar's hard-wrapped lines joined into paragraphs: Chinese lines join without
// a space, lines ending and starting with ASCII letters or digits with one; blank lines stay
// paragraph breaks.
std::string unwrapParagraphs(std::string_view text);

}  // namespace gklint::lsp
