#include "engine/read/LayoutTables.h"

#include <re2/re2.h>

#include <vector>

#include "engine/read/SoftBreaks.h"

namespace gklint {
namespace {

struct Token {
  uint32_t begin = 0;  // offsets into the line
  uint32_t end = 0;
  size_t spacesBefore = 0;
};

std::vector<Token> tokensOf(std::string_view line) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < line.size()) {
    size_t spaces = 0;
    while (i < line.size() && line[i] == ' ') ++i, ++spaces;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) tokens.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), spaces});
  }
  return tokens;
}

}  // namespace

bool isValueToken(std::string_view token) {
  static const RE2 value(R"((?:[-+－]?[0-9０-９][0-9０-９,，.．]*[%％]?|[-－—–/／]{1,2}))");
  return RE2::FullMatch(token, value);
}

bool isSpaceAlignedRow(std::string_view line) {
  // Without two spaces in a row no token follows a run of them (most lines are prose).
  if (line.find("  ") == std::string_view::npos) return false;
  const std::vector<Token> tokens = tokensOf(line);
  size_t runs = 0, values = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k > 0 && tokens[k].spacesBefore >= 2) ++runs;
    if (isValueToken(line.substr(tokens[k].begin, tokens[k].end - tokens[k].begin))) ++values;
  }
  return runs >= 1 && (values >= 1 || runs >= 2);
}

bool isNumberRow(std::string_view line) {
  const std::vector<Token> tokens = tokensOf(line);
  if (tokens.size() < 3) return false;
  for (const Token& t : tokens) {
    if (!isValueToken(line.substr(t.begin, t.end - t.begin))) return false;
  }
  return true;
}

TableRow splitSpaceAligned(std::string_view text, ByteSpan line) {
  TableRow row;
  row.span = line;
  const std::string_view s = line.in(text);
  const std::vector<Token> tokens = tokensOf(s);
  // Columns count from the physical line start: the indentation places the cells.
  uint32_t lineStart = line.begin;
  while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
  const uint32_t indent = displayWidth(text.substr(lineStart, line.begin - lineStart));
  bool open = false;  // the last cell is a label that a single space may continue
  for (const Token& t : tokens) {
    const bool value = isValueToken(s.substr(t.begin, t.end - t.begin));
    if (open && !value && t.spacesBefore < 2) {
      row.cells.back().span.end = line.begin + t.end;
      continue;
    }
    TableCell cell;
    cell.span = {line.begin + t.begin, line.begin + t.end};
    cell.column = indent + displayWidth(s.substr(0, t.begin));
    row.cells.push_back(cell);
    open = !value;
  }
  return row;
}

bool isTabSeparatorLine(std::string_view line) {
  bool tab = false;
  for (char c : line) {
    if (c == '\t') tab = true;
    else if (c != ' ' && c != '\r') return false;
  }
  return tab;
}

}  // namespace gklint
