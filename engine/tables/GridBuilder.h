// GridBuilder: turns a raw table region into logical rows — label cells, then value cells —
// for each layout a report may use (tab-separated rows, one cell per line, pipe tables,
// Markdown lines of space-separated numbers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/Block.h"
#include "engine/model/BoundTable.h"

namespace gklint {

struct GridCell {
  ByteSpan span;     // the cell's text (for a label broken over lines: first to last fragment)
  std::string text;  // the cell's text with white space and line breaks removed
};

struct LogicalRow {
  ByteSpan span;
  std::vector<GridCell> labels;  // leading text cells, e.g. "三、本年度办理结果", "（一）予以公开"
  std::vector<GridCell> values;  // the cells after the labels (blank cells kept where the layout shows them)
  bool looseValues = false;      // values were space-separated in prose: blanks could not survive
  std::vector<GridCell> droppedBlanks;  // blank cells right after the labels, taken as the label's merged columns
  std::string normalizedLabel;   // normalizeLabel of the labels joined; filled by the binder
};

// `knownLabels` are normalised row labels and captions of the candidate templates: in a
// one-cell-per-line table, a cell equal to one of them starts a new row even without a blank
// line before it. Never fails; an unrecognisable region yields rows without labels.
std::vector<LogicalRow> buildLogicalRows(std::string_view text, const RawTable& table,
                                         const std::vector<std::string>& knownLabels, GridLayout& layout);

// A Markdown or text paragraph "一、本年新收政府信息公开申请数量 0 0 0 0 0 0" as a logical row
// (or, with at least three numbers and no label, an unlabeled data row), or nothing when the
// line does not end in value tokens.
bool looseRowFromLine(std::string_view text, ByteSpan line, LogicalRow& row);

}  // namespace gklint
