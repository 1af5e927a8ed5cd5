// BoundTable: an official table as found in a report, mapped onto its template's rows and
// columns, with every value cell's state kept distinct (number, blank, dash, text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

struct TableTemplate;

enum class CellState {
  Number,  // an Arabic number (full-width digits, separators and spaces tolerated)
  Blank,   // nothing written: unknown in arithmetic, never 0
  Dash,    // "/", "—", "-", "无", "不适用": explicitly not a number
  Text,    // anything else, e.g. "22（其中修订16件）"
};

struct BoundCell {
  ByteSpan span;            // the cell text (empty span at the cell's place when blank)
  CellState state = CellState::Blank;
  double value = 0;         // when state == Number
  bool integer = true;      // no fractional part written
  bool negative = false;
  bool reformatted = false; // full-width digits, thousands separators or inner spaces were parsed
  std::string text;         // the cell as written, white space removed
  bool synthetic = false;   // a blank the source never wrote (a row with no cells at all): no place to fix
};

struct BoundRow {
  bool present = false;     // a source row was bound to this template row
  ByteSpan span;            // the source row(s)
  ByteSpan labelSpan;       // the label as written
  std::string label;        // the label as written, white space removed
  bool labelIsVariant = false;  // bound through a known variant or after normalisation
  ByteSpan groupSpan;           // a group label written in the row ("（五）不予处理"), if any
  std::string group;            // that group label, white space removed
  std::vector<BoundCell> cells; // the value cells in source order
  size_t expectedCells = 0;     // how many value cells the template row has
  bool countMatches() const { return cells.size() == expectedCells; }
};

// How the table was laid out in the source.
enum class GridLayout { TabRows, CellPerLine, Pipe, LooseText, SpaceAligned, CellLines, CellStream };

struct BoundTable {
  const TableTemplate* tmpl = nullptr;  // owned by the RuleSet's TemplateCatalog
  std::string table;                    // t2 | t3 | t4
  ByteSpan span;                        // the whole table region in the source
  ByteSpan anchor;                      // where table-level findings go (its first line)
  GridLayout layout = GridLayout::TabRows;
  std::vector<BoundRow> rows;           // parallel to tmpl->rows
  int boundRows = 0;                    // rows of the template found
  bool regionFound = false;             // the section holds a table (or number lines) at all
  // The other format's template fits this table better (e.g. trial tables in a 2021 report).
  const TableTemplate* betterTemplate = nullptr;

  // The cell of template row `row` and template column `columnKey`, or null when the row is
  // absent, the column is not the row's, or the row's value count is wrong (position unknown).
  const BoundCell* cell(size_t row, std::string_view columnKey) const;
};

}  // namespace gklint
