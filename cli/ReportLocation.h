// ReportLocation: where a finding is, in words a person can follow in the original file — a
// line and column of a .txt/.md file or of an HTML page's source, a paragraph or table cell of a
// Word document, a line of a PDF page. Every reporter prints locations from here.
#pragma once

#include <cstdint>
#include <string>

#include "engine/text/Source.h"

namespace gklint::cli {

struct ReportedLocation {
  enum class Kind {
    Line,       // line:column of the file itself (.txt, .md) or of the HTML source
    Paragraph,  // ¶paragraph:character of a Word document
    TableCell,  // 表table:行row:列column of a Word document
    PageLine,   // p page:line:column of a PDF
  };
  Kind kind = Kind::Line;
  // All 1-based; columns and characters count code points.
  int line = 0, column = 0;          // Line; PageLine (line on the page)
  int paragraph = 0, character = 0;  // Paragraph; TableCell (character in the cell)
  int table = 0, row = 0, cell = 0;  // TableCell
  int page = 0;                      // PageLine

  // "12:5", "¶12:5", "表3:行5:列2", "p3:12:5": what follows "path:" in text output.
  std::string text() const;
  // Whether line/column are lines of the file (SARIF gives a region only then).
  bool hasFileLines() const { return kind == Kind::Line; }
  friend bool operator==(const ReportedLocation&, const ReportedLocation&) = default;
};

// Turns byte offsets of one Source's linted text into places of its file: through the Source's
// origin map when it has one (HTML, Word, PDF), else its own lines. Ascending offsets are cheap.
class Locator {
 public:
  explicit Locator(const Source& source) : source_(source), cursor_(source, ColumnUnit::CodePoints) {}

  // The place of the character at `offset`.
  ReportedLocation at(uint32_t offset);
  // The end (exclusive) of the span [begin, end): one past its last character.
  ReportedLocation endOf(uint32_t begin, uint32_t end);

 private:
  ReportedLocation fromOrigin(uint32_t offset) const;

  const Source& source_;
  PositionCursor cursor_;
};

}  // namespace gklint::cli
