// Block: the format-independent unit every reader yields (a line of prose, a heading, a table).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

// The file formats gklint reads. Html, Docx and Pdf readers build the linted text themselves
// and record where each piece came from (engine/text/Origin.h).
enum class DocumentFormat { Text, Markdown, Html, Docx, Pdf };

enum class BlockKind {
  Paragraph,  // one line of prose (readers split multi-line paragraphs into lines)
  Heading,    // a Markdown `#`/setext heading line; numbered headings in prose stay Paragraphs
  Table,      // a table region; its rows live in Document::tables[tableIndex]
  Code,       // fenced or indented code: never linted as prose
  Comment,    // an HTML comment (`<!-- ... -->`): carries suppressions, never linted as prose
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  ByteSpan span;     // the whole block in the source, without the line terminator
  ByteSpan content;  // the linted text: span minus markup such as "# " or list markers' indentation
  int markdownLevel = 0;                 // 1..6 for Markdown headings, else 0
  size_t tableIndex = static_cast<size_t>(-1);  // index into Document::tables for Table blocks
  std::vector<ByteSpan> markup;          // inline markup inside `content` (emphasis delimiters, code, URLs)
};

// A table as the source lays it out, before any template binding: rows of cells in
// source order. Text tables yield one row per source line (tab-separated cells, possibly
// one cell per line); Markdown yields one row per pipe-table row.
enum class TableLayout { TabSeparated, Pipe };

struct TableCell {
  ByteSpan span;  // the cell's text without surrounding white space (empty span: blank cell)
};

struct TableRow {
  ByteSpan span;  // the whole row
  std::vector<TableCell> cells;
};

struct RawTable {
  TableLayout layout = TableLayout::TabSeparated;
  ByteSpan span;
  std::vector<TableRow> rows;
};

}  // namespace gklint
