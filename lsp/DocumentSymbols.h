// DocumentSymbols: the outline of a report for the editor — its sections, their level-2
// headings, and its tables.
#pragma once

#include <vector>

#include "engine/model/Document.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

// One symbol per section (Document::sections, named by its heading's marker and title,
// "一、总体情况"; kind Module; range: the whole section), with the level-2 headings inside it
// as children (named the same way, "（一）主动公开"; kind Namespace; range: up to the next
// heading of level 1 or 2), and each table block (kind Array, named by its first non-empty cell,
// detail "表格，N 行") under the innermost symbol that contains it, or at the top level.
// Symbols are in source order; every range contains its selectionRange and its children.
std::vector<DocumentSymbol> documentSymbols(const Document& doc, PositionEncoding encoding);

// The same symbols flattened for clients without hierarchical support, each child naming
// its parent as containerName.
std::vector<SymbolInformation> flattenSymbols(const std::vector<DocumentSymbol>& symbols, const DocumentUri& uri);

}  // namespace gklint::lsp
