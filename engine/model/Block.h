// Block: the format-independent unit every reader yields (a line of prose, a heading, a table).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

// The file formats gklint reads. Html, Docx and Pdf readers build the linted text themselves
// and record where each piece came from (engine/text/Origin.h).
enum class DocumentFormat { Text, Markdown, Html, Docx, Pdf };
// The name rule files and messages use: "txt", "md", "html", "docx", "pdf".
std::string_view formatName(DocumentFormat format);

enum class BlockKind {
  Paragraph,  // a line of prose (readers split paragraphs into lines; a PDF's wrapped lines: gaps)
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
  // Bytes inside `content` the rules read as nothing: the soft line breaks (line end and the next
  // line's indentation) of a paragraph that extraction wrapped over several lines.
  // Set by the text reader; buildDocument closes them up in Document::linted.
  std::vector<ByteSpan> gaps;
};

// A table as the source lays it out, before any template binding: rows of cells in
// source order. Text tables yield one row per source line (tab-separated cells, possibly
// one cell per line); Markdown yields one row per pipe-table row.
// Extracted text also yields SpaceAligned rows (one per line, cells at runs of spaces:
// `pdftotext -layout`) and CellLines rows (a browser copy: each cell on a line of its own, lines
// holding only a tab between the cells of a row; a row's cells span several lines) and
// CellStream rows (plain pdftotext: every cell in reading order, a blank line after each; one
// row per line, the rows of a cell wrapped over lines adjacent).
enum class TableLayout { TabSeparated, Pipe, SpaceAligned, CellLines, CellStream };

struct TableCell {
  ByteSpan span;  // the cell's text without surrounding white space (empty span: blank cell)
  uint32_t column = 0;  // SpaceAligned: display column (CJK characters count 2) where the cell starts
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
