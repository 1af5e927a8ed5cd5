#include "engine/read/TextReader.h"

#include <re2/re2.h>

#include "engine/read/LayoutTables.h"
#include "engine/read/SoftBreaks.h"
#include "engine/text/LineIndex.h"
#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

// A tab-less line that may still belong to a table: a short label fragment.
constexpr size_t kMaxFragmentCodePoints = 30;
// How far a fragment may stand from the next tab-separated line.
constexpr size_t kMaxFragmentRun = 12;

const RE2& topHeadingPattern() {
  static const RE2 re(R"(^(?:[一二三四五六七八九十]{1,2}|[1-9])\s*[、，．.]\s*\S)");
  return re;
}

// A heading-like fragment inside a space-aligned table: a wrapped row label ("一、本年新收政府").
constexpr size_t kMaxLabelFragmentCodePoints = 12;

bool isFragment(std::string_view line) {
  if (line.find("。") != std::string_view::npos) return false;
  if (utf8::codePointCount(line) > kMaxFragmentCodePoints) return false;
  return !RE2::PartialMatch(line, topHeadingPattern());
}

TableRow splitRow(std::string_view text, ByteSpan line) {
  TableRow row;
  row.span = line;
  uint32_t cellStart = line.begin;
  for (uint32_t i = line.begin; i <= line.end; ++i) {
    if (i == line.end || text[i] == '\t') {
      row.cells.push_back({trimSpan(text, {cellStart, i})});
      cellStart = i + 1;
    }
  }
  return row;
}

}  // namespace

ReadResult readText(std::string_view text) { return readText(text, LineIndex(text)); }

namespace {

// A browser copy of a table whose cells hold paragraphs: each cell on its own line (a blank line
// is an empty cell), a line holding only a tab between the cells of a row, the next row on the
// next line. Returns the line after the region, or `first` when no region starts there.
size_t readCellLines(std::string_view text, const LineIndex& lines, size_t first, RawTable& table) {
  const size_t count = lines.lineCount();
  auto span = [&](size_t k) { return ByteSpan{lines.lineStart(k), lines.lineEnd(k)}; };
  auto separator = [&](size_t k) { return k < count && isTabSeparatorLine(span(k).in(text)); };
  auto cellLine = [&](size_t k) { return k < count && !separator(k); };
  auto rowStarts = [&](size_t k) { return cellLine(k) && separator(k + 1); };
  table = RawTable();
  table.layout = TableLayout::CellLines;
  // A section heading right above a table whose first row ends in an empty cell ("三、…" then a
  // line holding only a tab, as a page's text gives it) is the heading, not the table's first cell.
  if (RE2::PartialMatch(trimSpan(text, span(first)).in(text), topHeadingPattern())) return first;
  size_t k = first;
  size_t separatedRows = 0;
  while (k < count) {
    if (!rowStarts(k)) {
      // A blank line between rows, or a one-cell row (a caption row spanning the table).
      const bool blank = isBlank(text, span(k));
      if (blank && rowStarts(k + 1)) {
        ++k;
        continue;
      }
      if (!blank && !table.rows.empty() && isFragment(trimSpan(text, span(k)).in(text)) && rowStarts(k + 1)) {
        TableRow row;
        row.span = trimSpan(text, span(k));
        row.cells.push_back({row.span});
        table.rows.push_back(std::move(row));
        ++k;
        continue;
      }
      break;
    }
    TableRow row;
    row.span = span(k);
    while (true) {
      ByteSpan cell = trimSpan(text, span(k));
      if (cell.empty()) cell = {lines.lineStart(k), lines.lineStart(k)};
      row.cells.push_back({cell});
      row.span.end = lines.lineEnd(k);
      ++k;
      if (!separator(k)) break;
      ++k;  // the separator
      if (!cellLine(k)) {
        row.cells.push_back({{lines.lineStart(k - 1), lines.lineStart(k - 1)}});
        if (!separator(k)) break;
      }
    }
    ++separatedRows;
    table.rows.push_back(std::move(row));
  }
  if (separatedRows < 2) return first;
  table.span = {table.rows.front().span.begin, table.rows.back().span.end};
  return k;
}

// A fragment that may stand between the rows of a space-aligned table: a short label piece, also
// one that looks like a heading when it is short (or an Arabic-numbered item) and runs straight
// on ("一、本年新收政府" + numbers).
bool isLayoutFragment(std::string_view text, const LineIndex& lines, size_t k) {
  const std::string_view line = trimSpan(text, {lines.lineStart(k), lines.lineEnd(k)}).in(text);
  if (isFragment(line)) return true;
  // A numbered item label ("1.本机关不掌握相关政府信") may be as long as any fragment.
  const size_t limit = line[0] >= '1' && line[0] <= '9' ? kMaxFragmentCodePoints : kMaxLabelFragmentCodePoints;
  if (line.find("。") != std::string_view::npos || utf8::codePointCount(line) > limit) return false;
  if (k + 1 >= lines.lineCount()) return false;
  const std::string_view next = trimSpan(text, {lines.lineStart(k + 1), lines.lineEnd(k + 1)}).in(text);
  return !next.empty() && !RE2::PartialMatch(next, topHeadingPattern());
}

// Plain pdftotext writes a table's cells one after another, a blank line after each (a cell
// wrapped over lines keeps its lines together). A region of short label pieces and lines of bare
// numbers, at least kMinStreamValueLines of them, starting at a label that is not a heading, is
// such a cell stream. Returns the line after its last piece, or `first`.
constexpr size_t kMinStreamValueLines = 3;
// Header pieces a stream may open with before its first number (table 三 has about 40).
constexpr size_t kMaxStreamHeaderLines = 60;

size_t readCellStream(std::string_view text, const LineIndex& lines, size_t first, RawTable& table) {
  const size_t count = lines.lineCount();
  auto trimmed = [&](size_t k) { return trimSpan(text, {lines.lineStart(k), lines.lineEnd(k)}); };
  auto values = [&](size_t k) {
    const std::string_view s = trimmed(k).in(text);
    if (s.empty()) return false;
    size_t pos = 0;
    while (pos < s.size()) {
      const size_t space = std::min(s.find(' ', pos), s.size());
      if (space > pos && !isValueToken(s.substr(pos, space - pos))) return false;
      pos = space + 1;
    }
    return true;
  };
  // Inside the stream a short label may look like a heading ("三、本年度办理结果", "1.属于国家秘密").
  auto piece = [&](size_t k) {
    const std::string_view s = trimmed(k).in(text);
    if (values(k) || isFragment(s) || isLayoutFragment(text, lines, k)) return true;
    const size_t limit = s[0] >= '1' && s[0] <= '9' ? kMaxFragmentCodePoints : kMaxLabelFragmentCodePoints;
    return s.find("。") == std::string_view::npos && utf8::codePointCount(s) <= limit;
  };
  const std::string_view start = trimmed(first).in(text);
  if (start.empty() || RE2::PartialMatch(start, topHeadingPattern()) || !piece(first)) return first;
  size_t valueLines = 0, last = first, k = first;
  for (; k < count; ++k) {
    if (isBlank(text, {lines.lineStart(k), lines.lineEnd(k)})) {
      if (k - last > kMaxFragmentRun) break;
      continue;
    }
    if (!piece(k) || lines.lineEnd(k) - lines.lineStart(k) == 0) break;
    if (values(k)) ++valueLines;
    if (valueLines == 0 && k - first > kMaxStreamHeaderLines) break;  // bounded work per start line
    last = k;
  }
  if (valueLines < kMinStreamValueLines) return first;
  // A heading right before the prose that ends the stream is the next section's ("六、其他…").
  while (last > first && !values(last) && RE2::PartialMatch(trimmed(last).in(text), topHeadingPattern())) {
    do --last;
    while (last > first && isBlank(text, {lines.lineStart(last), lines.lineEnd(last)}));
  }
  table = RawTable();
  table.layout = TableLayout::CellStream;
  for (size_t j = first; j <= last; ++j) {
    const ByteSpan line = trimmed(j);
    if (line.empty()) continue;
    TableRow row;
    row.span = line;
    row.cells.push_back({line});
    table.rows.push_back(std::move(row));
  }
  table.span = {table.rows.front().span.begin, table.rows.back().span.end};
  return last + 1;
}

}  // namespace

ReadResult readText(std::string_view text, const LineIndex& lines) {
  ReadResult result;
  const size_t count = lines.lineCount();
  const ExtractionProfile profile = profileExtraction(text, lines);
  auto lineSpan = [&](size_t i) { return ByteSpan{lines.lineStart(i), lines.lineEnd(i)}; };
  // A line indented with tabs but holding a sentence is prose, not a table row.
  auto indentedProse = [&](size_t i) {
    ByteSpan body = trimSpan(text, lineSpan(i));
    std::string_view s = body.in(text);
    return s.find('\t') == std::string_view::npos && s.find("。") != std::string_view::npos &&
           utf8::codePointCount(s) > kMaxFragmentCodePoints;
  };
  auto hasTab = [&](size_t i) {
    return lineSpan(i).in(text).find('\t') != std::string_view::npos && !indentedProse(i);
  };
  auto alignedRow = [&](size_t i) {
    if (!profile.spaceAligned) return false;
    const std::string_view s = trimSpan(text, lineSpan(i)).in(text);
    return isSpaceAlignedRow(s) || isNumberRow(s);
  };
  auto pushTable = [&](RawTable table) {
    Block block;
    block.kind = BlockKind::Table;
    block.span = table.span;
    block.content = table.span;
    block.tableIndex = result.tables.size();
    result.tables.push_back(std::move(table));
    result.blocks.push_back(block);
  };

  size_t i = 0;
  while (i < count) {
    ByteSpan span = lineSpan(i);
    {
      RawTable cellLines;
      const size_t after = readCellLines(text, lines, i, cellLines);
      if (after > i) {
        pushTable(std::move(cellLines));
        i = after;
        continue;
      }
    }
    if (isBlank(text, span)) {
      ++i;
      continue;
    }
    if (profile.hardWrapped && !profile.spaceAligned && !hasTab(i)) {
      RawTable stream;
      const size_t after = readCellStream(text, lines, i, stream);
      if (after > i) {
        pushTable(std::move(stream));
        i = after;
        continue;
      }
    }
    if (alignedRow(i)) {
      // A space-aligned table: rows, blank lines and label fragments that lead to more rows.
      size_t last = i;
      size_t j = i + 1;
      while (j < count) {
        if (alignedRow(j)) {
          last = j++;
          continue;
        }
        if (hasTab(j)) break;
        if (isBlank(text, lineSpan(j)) || isLayoutFragment(text, lines, j)) {
          if (j - last > kMaxFragmentRun) break;
          ++j;
          continue;
        }
        break;
      }
      // Trailing label pieces of the last row ("续办理") belong to it.
      while (last + 1 < count && !isBlank(text, lineSpan(last + 1)) && !alignedRow(last + 1) &&
             isFragment(trimSpan(text, lineSpan(last + 1)).in(text)) &&
             utf8::codePointCount(trimSpan(text, lineSpan(last + 1)).in(text)) <= kMaxLabelFragmentCodePoints) {
        ++last;
      }
      RawTable table;
      table.layout = TableLayout::SpaceAligned;
      table.span = {lines.lineStart(i), lines.lineEnd(last)};
      for (size_t k = i; k <= last; ++k) {
        const ByteSpan row = trimSpan(text, lineSpan(k));
        if (!row.empty()) table.rows.push_back(splitSpaceAligned(text, row));
      }
      pushTable(std::move(table));
      i = last + 1;
      continue;
    }
    if (!hasTab(i)) {
      // A paragraph: one line, or (in hard-wrapped extracted text) the lines it was wrapped over.
      Block block;
      block.span = trimSpan(text, span);
      while (i + 1 < count) {
        const ByteSpan next = trimSpan(text, lineSpan(i + 1));
        if (next.empty() || hasTab(i + 1) || alignedRow(i + 1)) break;
        const ByteSpan current = trimSpan(text, lineSpan(i));
        if (!continuesInto(profile, current.in(text), next.in(text))) break;
        block.gaps.push_back({current.end, next.begin});
        block.span.end = next.end;
        ++i;
      }
      block.content = block.span;
      result.blocks.push_back(block);
      ++i;
      continue;
    }
    // A table region: extend over tab lines, blank lines and fragments that lead to more tab lines.
    size_t last = i;
    size_t j = i + 1;
    while (j < count) {
      if (hasTab(j)) {
        last = j++;
        continue;
      }
      ByteSpan s = lineSpan(j);
      if (isBlank(text, s) || isFragment(trimSpan(text, s).in(text))) {
        if (j - last > kMaxFragmentRun) break;
        ++j;
        continue;
      }
      break;
    }
    RawTable table;
    table.layout = TableLayout::TabSeparated;
    table.span = {lines.lineStart(i), lines.lineEnd(last)};
    for (size_t k = i; k <= last; ++k) {
      // A tab-only line is a row of empty cells (one-cell-per-line exports write empty cells so).
      if (!isBlank(text, lineSpan(k)) || hasTab(k)) table.rows.push_back(splitRow(text, lineSpan(k)));
    }
    pushTable(std::move(table));
    i = last + 1;
  }
  return result;
}

}  // namespace gklint
