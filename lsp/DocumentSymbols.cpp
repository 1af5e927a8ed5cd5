#include "lsp/DocumentSymbols.h"

#include <algorithm>

#include "engine/text/Utf8.h"
#include "lsp/Convert.h"

namespace gklint::lsp {
namespace {

constexpr size_t kMaxNameCodePoints = 24;

// Symbol names must not be empty (VS Code rejects the whole answer otherwise).
std::string symbolName(std::string_view text, std::string_view fallback) {
  std::string name;
  size_t i = 0;
  size_t count = 0;
  bool space = false;
  while (i < text.size()) {
    const char32_t cp = utf8::next(text, i);
    if (utf8::isSpace(cp) || cp == '\t') {
      space = !name.empty();
      continue;
    }
    if (count == kMaxNameCodePoints) {
      name += "…";
      break;
    }
    if (space) name.push_back(' ');
    space = false;
    utf8::append(name, cp);
    ++count;
  }
  return name.empty() ? std::string(fallback) : name;
}

struct Node {
  DocumentSymbol symbol;
  ByteSpan span;
  std::vector<Node> children;
};

// Puts `node` under the innermost node in `nodes` whose span contains it.
void insertInto(std::vector<Node>& nodes, Node node) {
  for (Node& n : nodes) {
    if (n.span.begin <= node.span.begin && node.span.end <= n.span.end) {
      insertInto(n.children, std::move(node));
      return;
    }
  }
  auto at = std::upper_bound(nodes.begin(), nodes.end(), node.span.begin,
                             [](uint32_t begin, const Node& n) { return begin < n.span.begin; });
  nodes.insert(at, std::move(node));
}

DocumentSymbol finish(Node& node) {
  for (Node& child : node.children) node.symbol.children.push_back(finish(child));
  return std::move(node.symbol);
}

}  // namespace

std::vector<DocumentSymbol> documentSymbols(const Document& doc, PositionEncoding encoding) {
  const Source& source = *doc.source;
  auto make = [&](std::string name, std::string detail, SymbolKind kind, ByteSpan span, ByteSpan selection) {
    Node node;
    node.symbol.name = std::move(name);
    node.symbol.detail = std::move(detail);
    node.symbol.kind = kind;
    node.symbol.range = toRange(source, span, encoding);
    node.symbol.selectionRange = toRange(source, selection, encoding);
    node.span = span;
    return node;
  };

  std::vector<Node> roots;
  for (const Section& section : doc.sections) {
    const Heading& h = doc.headings[section.heading];
    // Marker and title, so a run-in heading ("一、总体情况。2021年，…") is named by its title.
    const ByteSpan heading{h.marker.begin, std::max(h.marker.end, h.title.end)};
    Node node = make(symbolName(doc.textOf(heading), "（无标题）"), "", SymbolKind::Module, section.span, heading);
    for (size_t k = 0; k < doc.headings.size(); ++k) {
      const Heading& sub = doc.headings[k];
      if (sub.level != 2 || !section.span.contains(sub.line.begin)) continue;
      uint32_t end = section.span.end;
      for (size_t next = k + 1; next < doc.headings.size(); ++next) {
        if (doc.headings[next].level <= 2) {
          end = std::min(end, doc.blocks[doc.headings[next].block].span.begin);
          break;
        }
      }
      const ByteSpan selection{sub.marker.begin, std::max(sub.marker.end, sub.title.end)};
      const ByteSpan span{doc.blocks[sub.block].span.begin, std::max(end, selection.end)};
      insertInto(node.children, make(symbolName(doc.textOf(selection), "（无标题）"), "", SymbolKind::Namespace,
                                     span, selection));
    }
    insertInto(roots, std::move(node));
  }

  for (const Block& block : doc.blocks) {
    if (block.kind != BlockKind::Table || block.tableIndex >= doc.tables.size()) continue;
    const RawTable& table = doc.tables[block.tableIndex];
    std::string_view firstCell;
    for (const TableRow& row : table.rows) {
      for (const TableCell& cell : row.cells) {
        if (!cell.span.empty()) {
          firstCell = doc.textOf(cell.span);
          break;
        }
      }
      if (!firstCell.empty()) break;
    }
    insertInto(roots, make(symbolName(firstCell, "表格"), "表格，" + std::to_string(table.rows.size()) + " 行",
                           SymbolKind::Array, block.span, block.span));
  }

  std::vector<DocumentSymbol> out;
  for (Node& node : roots) out.push_back(finish(node));
  return out;
}

static void flattenInto(const DocumentSymbol& s, const std::string& container, const DocumentUri& uri,
                        std::vector<SymbolInformation>& out) {
  out.push_back({s.name, s.kind, {uri, s.range}, container});
  for (const DocumentSymbol& child : s.children) flattenInto(child, s.name, uri, out);
}

std::vector<SymbolInformation> flattenSymbols(const std::vector<DocumentSymbol>& symbols, const DocumentUri& uri) {
  std::vector<SymbolInformation> out;
  for (const DocumentSymbol& s : symbols) flattenInto(s, "", uri, out);
  return out;
}

}  // namespace gklint::lsp
