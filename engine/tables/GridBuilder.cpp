#include "engine/tables/GridBuilder.h"

#include <algorithm>

#include "engine/tables/CellValue.h"
#include "engine/tables/LabelText.h"
#include "engine/text/Trim.h"

namespace gklint {
namespace {

GridCell makeCell(std::string_view text, ByteSpan span) { return {span, removeSpaces(span.in(text))}; }

// Splits cells into labels and values. Labels: the leading non-blank cells that do not look
// like values (blank cells between them are skipped). Values: everything after; in
// `dropPadding` layouts (tab rows, pipe tables) blank cells directly after the label are the
// label's merged columns and trailing blank cells are row padding, so both are dropped.
void splitRow(std::vector<GridCell> cells, bool dropPadding, LogicalRow& row) {
  size_t i = 0;
  while (i < cells.size()) {
    size_t j = i;
    while (j < cells.size() && cells[j].text.empty()) ++j;
    if (j == cells.size() || looksLikeValue(cells[j].text)) break;
    row.labels.push_back(cells[j]);
    i = j + 1;
  }
  std::vector<GridCell> values(cells.begin() + static_cast<long>(i), cells.end());
  if (dropPadding) {
    while (!values.empty() && values.back().text.empty()) values.pop_back();
    size_t lead = 0;
    while (lead < values.size() && values[lead].text.empty()) ++lead;
    row.droppedBlanks.assign(values.begin(), values.begin() + static_cast<long>(lead));
    values.erase(values.begin(), values.begin() + static_cast<long>(lead));
  }
  row.values = std::move(values);
}

bool isCellPerLine(std::string_view text, const RawTable& table) {
  size_t tabLines = 0, single = 0;
  for (const TableRow& r : table.rows) {
    std::string_view line = r.span.in(text);
    const size_t tabs = static_cast<size_t>(std::count(line.begin(), line.end(), '\t'));
    if (tabs == 0) continue;
    ++tabLines;
    if (tabs == 1 && isBlank(text, {r.span.begin, r.span.begin + static_cast<uint32_t>(line.find('\t'))})) ++single;
  }
  return tabLines > 0 && single * 10 >= tabLines * 7;
}

bool blankLineBetween(std::string_view text, ByteSpan a, ByteSpan b) {
  std::string_view gap = text.substr(a.end, b.begin - a.end);
  return std::count(gap.begin(), gap.end(), '\n') >= 2;
}

std::vector<LogicalRow> cellPerLineRows(std::string_view text, const RawTable& table,
                                        const std::vector<std::string>& knownLabels) {
  std::vector<LogicalRow> rows;
  std::vector<GridCell> cells;
  ByteSpan rowSpan{};
  bool hasLabel = false;
  auto flush = [&] {
    if (cells.empty()) return;
    LogicalRow row;
    row.span = rowSpan;
    splitRow(std::move(cells), /*dropPadding=*/false, row);
    rows.push_back(std::move(row));
    cells.clear();
    hasLabel = false;
  };
  for (size_t k = 0; k < table.rows.size(); ++k) {
    const TableRow& r = table.rows[k];
    if (k > 0 && blankLineBetween(text, table.rows[k - 1].span, r.span)) flush();
    std::string_view line = r.span.in(text);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      // A fragment of the previous cell's text, broken by the extraction ("（三）不" / "予公开").
      if (!cells.empty()) {
        GridCell& last = cells.back();
        const ByteSpan piece = trimSpan(text, r.span);
        last.span.end = piece.end;
        if (last.text.empty()) last.span.begin = piece.begin;
        last.text += removeSpaces(piece.in(text));
      } else {
        cells.push_back(makeCell(text, trimSpan(text, r.span)));
        rowSpan = r.span;
      }
      rowSpan.end = r.span.end;
      continue;
    }
    // Each tab starts a cell; text before the first tab is indentation.
    uint32_t start = r.span.begin + static_cast<uint32_t>(tab) + 1;
    for (uint32_t i = start; i <= r.span.end; ++i) {
      if (i != r.span.end && text[i] != '\t') continue;
      GridCell cell = makeCell(text, trimSpan(text, {start, i}));
      if (cell.text.empty()) cell.span = {start, start};
      const bool known = !cell.text.empty() &&
                         std::find(knownLabels.begin(), knownLabels.end(), normalizeLabel(cell.text)) != knownLabels.end();
      if (known && hasLabel) flush();
      if (cells.empty()) rowSpan = r.span;
      if (!cell.text.empty() && !looksLikeValue(cell.text)) hasLabel = true;
      cells.push_back(std::move(cell));
      rowSpan.end = r.span.end;
      start = i + 1;
    }
  }
  flush();
  return rows;
}

}  // namespace

std::vector<LogicalRow> buildLogicalRows(std::string_view text, const RawTable& table,
                                         const std::vector<std::string>& knownLabels, GridLayout& layout) {
  if (table.layout == TableLayout::TabSeparated && isCellPerLine(text, table)) {
    layout = GridLayout::CellPerLine;
    return cellPerLineRows(text, table, knownLabels);
  }
  layout = table.layout == TableLayout::Pipe ? GridLayout::Pipe : GridLayout::TabRows;
  std::vector<LogicalRow> rows;
  for (const TableRow& r : table.rows) {
    std::vector<GridCell> cells;
    for (const TableCell& c : r.cells) {
      GridCell cell = makeCell(text, c.span);
      cells.push_back(std::move(cell));
    }
    LogicalRow row;
    row.span = r.span;
    splitRow(std::move(cells), /*dropPadding=*/true, row);
    // A blank value cell keeps its place: an empty span where the cell stood.
    rows.push_back(std::move(row));
  }
  return rows;
}

bool looseRowFromLine(std::string_view text, ByteSpan line, LogicalRow& row) {
  // Tokens separated by ASCII spaces; the trailing run of value tokens are the values.
  std::vector<ByteSpan> tokens;
  uint32_t i = line.begin;
  while (i < line.end) {
    while (i < line.end && text[i] == ' ') ++i;
    uint32_t start = i;
    while (i < line.end && text[i] != ' ') ++i;
    if (i > start) tokens.push_back({start, i});
  }
  size_t firstValue = tokens.size();
  while (firstValue > 0 && looksLikeValue(tokens[firstValue - 1].in(text))) --firstValue;
  // A line of numbers alone (the data row of 表四) needs a few of them to count.
  constexpr size_t kMinUnlabeledValues = 3;
  if (firstValue == tokens.size() || (firstValue == 0 && tokens.size() < kMinUnlabeledValues)) return false;
  row = LogicalRow();
  row.span = line;
  row.looseValues = true;
  if (firstValue > 0) {
    ByteSpan label{tokens.front().begin, tokens[firstValue - 1].end};
    row.labels.push_back(makeCell(text, label));
  }
  for (size_t k = firstValue; k < tokens.size(); ++k) row.values.push_back(makeCell(text, tokens[k]));
  return true;
}

}  // namespace gklint
