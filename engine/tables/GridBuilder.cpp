#include "engine/tables/GridBuilder.h"

#include <algorithm>

#include "engine/tables/CellValue.h"
#include "engine/tables/LabelText.h"
#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

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

bool startsWithMarker(std::string_view label) {
  // "四、结转…", "（七）总计", "3.其他": a new label, not the rest of the one above.
  size_t pos = 0;
  if (label.empty()) return false;
  const char32_t first = utf8::next(label, pos);
  if (first == U'（' || first == U'(') return true;
  if (first >= '0' && first <= '9') return true;
  if (pos < label.size()) {
    const char32_t second = utf8::next(label, pos);
    return std::u32string_view(U"一二三四五六七八九十").find(first) != std::u32string_view::npos &&
           (second == U'、' || second == U'．' || second == U'.');
  }
  return false;
}

// pdftotext -layout: a line per row, label pieces wrapped onto lines of their own. A piece right
// under a row (no blank line between) continues the label cell it stands under; a piece above a
// row of bare numbers, run straight on, is that row's label; any other label-only line is a row
// of its own (the binder joins it with the next row's label when the two make a template label).
std::vector<LogicalRow> spaceAlignedRows(std::string_view text, const RawTable& table) {
  std::vector<LogicalRow> rows;
  std::vector<uint32_t> labelColumns;  // display column of each label cell of rows.back()
  bool lastRunsOn = false;             // rows.back() is a label-only line straight above
  for (size_t k = 0; k < table.rows.size(); ++k) {
    const TableRow& r = table.rows[k];
    const bool adjacent = k > 0 && !blankLineBetween(text, table.rows[k - 1].span, r.span);
    std::vector<GridCell> cells;
    std::vector<uint32_t> columns;
    for (const TableCell& c : r.cells) {
      cells.push_back(makeCell(text, c.span));
      columns.push_back(c.column);
    }
    LogicalRow row;
    row.span = r.span;
    row.looseValues = true;
    splitRow(cells, /*dropPadding=*/false, row);
    if (row.values.empty()) {
      LogicalRow* above = rows.empty() ? nullptr : &rows.back();
      if (adjacent && above && !above->values.empty() && !above->labels.empty() && row.labels.size() == 1 &&
          !startsWithMarker(row.labels.front().text)) {
        // The rest of a label cell of the row above: the one whose column it stands nearest.
        size_t best = 0;
        uint32_t distance = UINT32_MAX;
        for (size_t c = 0; c < above->labels.size() && c < labelColumns.size(); ++c) {
          const uint32_t d = labelColumns[c] > columns[0] ? labelColumns[c] - columns[0] : columns[0] - labelColumns[c];
          if (d < distance) distance = d, best = c;
        }
        GridCell& target = above->labels[best];
        target.text += row.labels.front().text;
        target.span.end = std::max(target.span.end, row.labels.front().span.end);
        above->span.end = r.span.end;
        continue;
      }
      if (adjacent && above && lastRunsOn && above->values.empty() && above->labels.size() == 1 &&
          row.labels.size() == 1 && !startsWithMarker(row.labels.front().text)) {
        // A label wrapped over several lines before its numbers.
        above->labels.front().text += row.labels.front().text;
        above->labels.front().span.end = row.labels.front().span.end;
        above->span.end = r.span.end;
        continue;
      }
      rows.push_back(std::move(row));
      labelColumns.assign(columns.begin(), columns.end());
      lastRunsOn = true;
      continue;
    }
    if (row.labels.empty() && adjacent && lastRunsOn && !rows.empty() && rows.back().values.empty() &&
        rows.back().labels.size() == 1) {
      // "（二）部分公开（区分处理的，" … then the row's numbers on a line of their own.
      LogicalRow& label = rows.back();
      label.values = std::move(row.values);
      label.span.end = r.span.end;
      lastRunsOn = false;
      continue;
    }
    labelColumns.clear();
    for (size_t c = 0; c < row.labels.size(); ++c) {
      for (size_t j = 0; j < cells.size(); ++j) {
        if (cells[j].span == row.labels[c].span) labelColumns.push_back(columns[j]);
      }
    }
    rows.push_back(std::move(row));
    lastRunsOn = false;
  }
  return rows;
}

}  // namespace

std::vector<LogicalRow> buildLogicalRows(std::string_view text, const RawTable& table,
                                         const std::vector<std::string>& knownLabels, GridLayout& layout) {
  if (table.layout == TableLayout::TabSeparated && isCellPerLine(text, table)) {
    layout = GridLayout::CellPerLine;
    return cellPerLineRows(text, table, knownLabels);
  }
  if (table.layout == TableLayout::SpaceAligned) {
    layout = GridLayout::SpaceAligned;
    return spaceAlignedRows(text, table);
  }
  layout = table.layout == TableLayout::Pipe        ? GridLayout::Pipe
           : table.layout == TableLayout::CellLines ? GridLayout::CellLines
                                                    : GridLayout::TabRows;
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
