#include "engine/tables/GridBuilder.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/read/LayoutTables.h"
#include "engine/read/SoftBreaks.h"
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
  static const RE2 marker(R"(^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、]))");
  return RE2::PartialMatch(label, marker);
}

// A label piece of a space-aligned line and where it stands (display columns).
struct Piece {
  GridCell cell;
  uint32_t column = 0;
  uint32_t width = 0;
  double center() const { return column + width / 2.0; }
};

// Adds `piece` to the label cell it stands under (nearest centre, within half a width: cell
// text may be centred), or as a new cell; cells stay in column order.
void addPiece(std::vector<Piece>& cells, const Piece& piece) {
  Piece* best = nullptr;
  double distance = 0;
  for (Piece& c : cells) {
    const double d = std::abs(c.center() - piece.center());
    if (!best || d < distance) best = &c, distance = d;
  }
  const double reach = std::max({piece.width / 2.0, best ? best->width / 2.0 : 0.0, 2.0});
  if (best && distance <= reach) {
    best->cell.text += piece.cell.text;
    best->cell.span = {std::min(best->cell.span.begin, piece.cell.span.begin), std::max(best->cell.span.end, piece.cell.span.end)};
    return;
  }
  auto at = std::find_if(cells.begin(), cells.end(), [&](const Piece& c) { return c.column > piece.column; });
  cells.insert(at, piece);
}

// pdftotext -layout: a line per table row, label cells wrapped onto lines above and below it
// (cell text is centred). Lines run straight on (no blank line between) form a band; in a band
// each label-only line belongs to the row of numbers before it — or, when it starts a numbered
// label ("1.本机关…") or no row precedes it, to the one after — and each of its pieces joins the
// label cell it stands under. A band without numbers is one label-only row (a header, or a
// label the binder joins with the next row's). Label pieces that stand over the numbers rather
// than left of them are column headers, a label-only row of their own.
std::vector<LogicalRow> spaceAlignedRows(std::string_view text, const RawTable& table) {
  struct Line {
    std::vector<Piece> labels;
    std::vector<GridCell> values;
    uint32_t firstValueColumn = 0;
    ByteSpan span;
  };
  std::vector<LogicalRow> rows;
  size_t k = 0;
  while (k < table.rows.size()) {
    // The band: rows k..end-1.
    size_t end = k + 1;
    while (end < table.rows.size() && !blankLineBetween(text, table.rows[end - 1].span, table.rows[end].span)) ++end;
    std::vector<Line> lines;
    for (size_t j = k; j < end; ++j) {
      Line line;
      line.span = table.rows[j].span;
      std::vector<GridCell> cells;
      for (const TableCell& c : table.rows[j].cells) cells.push_back(makeCell(text, c.span));
      LogicalRow split;
      splitRow(cells, /*dropPadding=*/false, split);
      for (const GridCell& label : split.labels) {
        for (const TableCell& c : table.rows[j].cells) {
          if (c.span == label.span) line.labels.push_back({label, c.column, displayWidth(label.span.in(text))});
        }
      }
      for (const TableCell& c : table.rows[j].cells) {
        if (!split.values.empty() && c.span == split.values.front().span) line.firstValueColumn = c.column;
      }
      line.values = std::move(split.values);
      lines.push_back(std::move(line));
    }
    std::vector<int> owner(lines.size(), -1);  // the value line each label-only line belongs to
    for (size_t j = 0; j < lines.size(); ++j) {
      if (!lines[j].values.empty()) {
        owner[j] = static_cast<int>(j);
        continue;
      }
      int before = -1, after = -1;
      for (size_t b = j; b-- > 0;) {
        if (!lines[b].values.empty()) { before = static_cast<int>(b); break; }
      }
      for (size_t a = j + 1; a < lines.size(); ++a) {
        if (!lines[a].values.empty()) { after = static_cast<int>(a); break; }
      }
      const bool startsLabel = !lines[j].labels.empty() && startsWithMarker(lines[j].labels.front().cell.text);
      int target = before >= 0 && !(startsLabel && after >= 0) ? before : after;
      // Labels stand left of their numbers: pieces above the numbers are column headers
      // (table 四's two header lines over its line of 15 numbers).
      if (target >= 0 && !lines[j].labels.empty() &&
          lines[j].labels.front().column >= lines[static_cast<size_t>(target)].firstValueColumn) {
        target = -1;
      }
      owner[j] = target;
    }
    auto emit = [&](int target) {
      LogicalRow row;
      row.looseValues = true;
      std::vector<Piece> cells;
      bool first = true;
      for (size_t j = 0; j < lines.size(); ++j) {
        if (owner[j] != target) continue;
        for (const Piece& p : lines[j].labels) addPiece(cells, p);
        row.span = first ? lines[j].span : ByteSpan{row.span.begin, lines[j].span.end};
        first = false;
      }
      if (target >= 0) row.values = lines[static_cast<size_t>(target)].values;
      for (Piece& p : cells) row.labels.push_back(std::move(p.cell));
      rows.push_back(std::move(row));
    };
    // Header lines (owner -1) come first: they stand above the rows of their band.
    if (std::count(owner.begin(), owner.end(), -1) > 0) emit(-1);
    for (size_t j = 0; j < lines.size(); ++j) {
      if (!lines[j].values.empty()) emit(static_cast<int>(j));
    }
    k = end;
  }
  return rows;
}

// A numbered label this long ("（二）部分公开（区分处理的，只记…"), not a column header, is a row label
// even when it matches no template wording.
constexpr size_t kMinUnknownRowLabel = 6;

bool isKnownLabel(const std::string& normalized, const std::vector<std::string>& knownLabels) {
  for (const std::string& k : knownLabels) {
    if (normalized.size() >= k.size() && normalized.compare(normalized.size() - k.size(), k.size(), k) == 0) return true;
  }
  return false;
}

// Plain pdftotext: cells in reading order. Adjacent lines are one cell (a label wrapped over
// lines), split where a line starts a numbered label ("（七）总计" / "四、结转下年度继续"); a cell
// of numbers holds one value per number. A run of labels and the numbers after it make a row:
// its label is the shortest run suffix that ends in a template label, the rest of the run is a
// header row (group labels come out of order: "（四）无法提供" "（五）不予处理" "（六）其他处理"
// stand together before the first item of （四）, so they are left to the header). A row that took the numbers of the label-only
// rows after it (pdftotext writes a tall label after its numbers) gives them back, a row's width
// at a time.
std::vector<LogicalRow> cellStreamRows(std::string_view text, const RawTable& table,
                                       const std::vector<std::string>& knownLabels) {
  struct Item {
    GridCell cell;
    bool value = false;
  };
  std::vector<Item> items;
  for (size_t k = 0; k < table.rows.size(); ++k) {
    const TableRow& r = table.rows[k];
    const GridCell cell = makeCell(text, r.span);
    std::vector<GridCell> tokens;
    bool allValues = true;
    uint32_t i = r.span.begin;
    while (i < r.span.end) {
      while (i < r.span.end && text[i] == ' ') ++i;
      const uint32_t start = i;
      while (i < r.span.end && text[i] != ' ') ++i;
      if (i > start) {
        tokens.push_back(makeCell(text, {start, i}));
        allValues = allValues && isValueToken(tokens.back().text);
      }
    }
    if (allValues && !tokens.empty()) {
      for (GridCell& t : tokens) items.push_back({std::move(t), true});
      continue;
    }
    const bool adjacent = k > 0 && !blankLineBetween(text, table.rows[k - 1].span, r.span);
    if (adjacent && !items.empty() && !items.back().value && !startsWithMarker(cell.text)) {
      items.back().cell.text += cell.text;
      items.back().cell.span.end = cell.span.end;
      continue;
    }
    items.push_back({cell, false});
  }
  std::vector<LogicalRow> rows;
  size_t k = 0;
  while (k < items.size()) {
    std::vector<GridCell> labels, values;
    ByteSpan span = items[k].cell.span;
    while (k < items.size() && !items[k].value) labels.push_back(items[k++].cell);
    while (k < items.size() && items[k].value) values.push_back(items[k++].cell);
    span.end = (values.empty() ? labels.back() : values.back()).span.end;
    size_t from = labels.size();  // labels[from..] are the row's label
    for (size_t n = 1; n <= labels.size() && n <= 3; ++n) {
      std::string joined;
      for (size_t j = labels.size() - n; j < labels.size(); ++j) joined += labels[j].text;
      if (isKnownLabel(normalizeLabel(joined), knownLabels)) {
        from = labels.size() - n;
        break;
      }
    }
    if (from == labels.size() && !labels.empty() && startsWithMarker(labels.back().text) &&
        utf8::codePointCount(labels.back().text) >= kMinUnknownRowLabel) {
      from = labels.size() - 1;  // a numbered label the template words differently: the binder judges it
    }
    if (values.empty()) {
      // Labels without numbers: one row each (the binder joins a broken label's pieces).
      for (GridCell& l : labels) {
        LogicalRow only;
        only.span = l.span;
        only.labels.push_back(std::move(l));
        rows.push_back(std::move(only));
      }
      continue;
    }
    if (from > 0) {
      LogicalRow header;
      header.span = {labels.front().span.begin, labels[from - 1].span.end};
      header.labels.assign(labels.begin(), labels.begin() + static_cast<long>(from));
      rows.push_back(std::move(header));
    }
    LogicalRow row;
    row.span = span;
    row.looseValues = true;
    row.labels.assign(labels.begin() + static_cast<long>(std::min(from, labels.size())), labels.end());
    row.values = std::move(values);
    if (!row.labels.empty() || !row.values.empty()) rows.push_back(std::move(row));
  }
  // No row label at all (表四: headers over one line of numbers) but numbers spread between the
  // header pieces: the PDF stores the table column by column. Its one data row reads in order.
  const bool anyRowLabel =
      std::any_of(rows.begin(), rows.end(), [](const LogicalRow& r) { return !r.values.empty() && !r.labels.empty(); });
  const size_t withValues = static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [](const LogicalRow& r) { return !r.values.empty(); }));
  if (!anyRowLabel && withValues > 1) {
    LogicalRow header, data;
    data.looseValues = true;
    header.span = data.span = {rows.front().span.begin, rows.back().span.end};
    for (LogicalRow& r : rows) {
      header.labels.insert(header.labels.end(), r.labels.begin(), r.labels.end());
      data.values.insert(data.values.end(), r.values.begin(), r.values.end());
    }
    rows.clear();
    if (!header.labels.empty()) rows.push_back(std::move(header));
    rows.push_back(std::move(data));
    return rows;
  }
  // Give back numbers taken from the label-only rows after a row.
  std::map<size_t, size_t> widths;
  for (const LogicalRow& r : rows) {
    if (!r.labels.empty() && !r.values.empty()) ++widths[r.values.size()];
  }
  size_t width = 0, best = 0;
  for (const auto& [w, n] : widths) {
    if (n > best) best = n, width = w;
  }
  for (size_t r = 0; width > 0 && r < rows.size(); ++r) {
    const size_t extra = rows[r].values.size() / width;
    if (rows[r].values.size() % width != 0 || extra < 2) continue;
    // The label-only rows after it that name template rows, up to the next row of numbers.
    std::vector<size_t> followers;
    for (size_t f = r + 1; f < rows.size() && rows[f].values.empty(); ++f) {
      std::string joined;
      for (const GridCell& l : rows[f].labels) joined += l.text;
      if (!rows[f].labels.empty() && isKnownLabel(normalizeLabel(joined), knownLabels)) followers.push_back(f);
    }
    if (followers.size() + 1 != extra) continue;
    for (size_t f = 1; f <= followers.size(); ++f) {
      auto chunk = rows[r].values.begin() + static_cast<long>(f * width);
      rows[followers[f - 1]].values.assign(chunk, chunk + static_cast<long>(width));
    }
    rows[r].values.resize(width);
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
  if (table.layout == TableLayout::CellStream) {
    layout = GridLayout::CellStream;
    return cellStreamRows(text, table, knownLabels);
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
