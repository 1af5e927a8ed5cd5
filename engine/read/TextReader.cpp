#include "engine/read/TextReader.h"

#include <re2/re2.h>

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

ReadResult readText(std::string_view text, const LineIndex& lines) {
  ReadResult result;
  const size_t count = lines.lineCount();
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

  size_t i = 0;
  while (i < count) {
    ByteSpan span = lineSpan(i);
    if (isBlank(text, span)) {
      ++i;
      continue;
    }
    if (!hasTab(i)) {
      Block block;
      block.span = trimSpan(text, span);
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
    Block block;
    block.kind = BlockKind::Table;
    block.span = table.span;
    block.content = table.span;
    block.tableIndex = result.tables.size();
    result.tables.push_back(std::move(table));
    result.blocks.push_back(block);
    i = last + 1;
  }
  return result;
}

}  // namespace gklint
