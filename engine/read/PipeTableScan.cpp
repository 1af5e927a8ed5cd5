#include "engine/read/PipeTableScan.h"

#include <cctype>

namespace gklint {
namespace {

struct Line {
  size_t begin = 0, end = 0;  // without the line break ("\n" or "\r\n")
  size_t next = 0;            // start of the following line
};

bool isBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Leading spaces (a tab counts as four: enough to take the line out of any top-level test).
size_t indentOf(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if (c == ' ') ++n;
    else if (c == '\t') n += 4;
    else break;
  }
  return n;
}

// Cells between unescaped pipes, a leading and a trailing pipe optional (as the reader splits them).
std::vector<std::string_view> cellsOf(std::string_view row) {
  size_t b = row.find_first_not_of(" \t");
  size_t e = row.find_last_not_of(" \t");
  row = b == std::string_view::npos ? std::string_view() : row.substr(b, e - b + 1);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) row.remove_suffix(1);
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i == row.size() || (row[i] == '|' && !(i > 0 && row[i - 1] == '\\'))) {
      cells.push_back(row.substr(start, i - start));
      start = i + 1;
    }
  }
  return cells;
}

// ":---", "---:", ":---:" or "---" (at least three hyphens), spaces around.
bool isDelimiterCell(std::string_view cell) {
  size_t b = cell.find_first_not_of(" \t");
  if (b == std::string_view::npos) return false;
  size_t e = cell.find_last_not_of(" \t");
  cell = cell.substr(b, e - b + 1);
  if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
  if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
  return cell.size() >= 3 && cell.find_first_not_of('-') == std::string_view::npos;
}

bool startsWithFence(std::string_view s, char& fence, size_t& length) {
  if (s.empty() || (s[0] != '`' && s[0] != '~')) return false;
  size_t n = 0;
  while (n < s.size() && s[n] == s[0]) ++n;
  if (n < 3) return false;
  fence = s[0];
  length = n;
  return true;
}

bool startsWithCaseless(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<PlainPipeTable> findPlainPipeTables(std::string_view text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    Line line;
    line.begin = pos;
    line.end = nl == std::string_view::npos ? text.size() : nl;
    line.next = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.end > line.begin && text[line.end - 1] == '\r') --line.end;
    if (text.substr(line.begin, line.end - line.begin).find('\r') != std::string_view::npos) return {};  // lone CR
    lines.push_back(line);
    pos = line.next;
  }
  auto lineText = [&](size_t i) { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); };

  std::vector<PlainPipeTable> tables;
  bool previousBlank = true;  // the start of the text counts as a blank line
  char fence = 0;
  size_t fenceLength = 0;
  bool inComment = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view s = lineText(i);
    if (fence != 0) {  // inside fenced code: only its closing fence matters
      const size_t indent = indentOf(s);
      char f = 0;
      size_t length = 0;
      if (indent <= 3 && startsWithFence(s.substr(indent), f, length) && f == fence && length >= fenceLength &&
          isBlank(s.substr(indent + length))) {
        fence = 0;
      }
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (s.find("-->") != std::string_view::npos) inComment = false;
      previousBlank = false;
      continue;
    }
    if (isBlank(s)) {
      previousBlank = true;
      continue;
    }
    const size_t indent = indentOf(s);
    const std::string_view body = indent <= 3 ? s.substr(indent) : std::string_view();
    if (indent <= 3 && startsWithFence(body, fence, fenceLength)) {
      previousBlank = false;
      continue;
    }
    if (indent <= 3 && body.substr(0, 4) == "<!--") {
      inComment = body.find("-->", 4) == std::string_view::npos;
      previousBlank = false;
      continue;
    }
    // HTML blocks that end only at their own end marker, not at a blank line: give up.
    if (indent <= 3 && (startsWithCaseless(body, "<script") || startsWithCaseless(body, "<pre") ||
                        startsWithCaseless(body, "<style") || startsWithCaseless(body, "<textarea") ||
                        body.substr(0, 2) == "<?" || body.substr(0, 2) == "<!")) {
      return {};
    }
    const bool header = previousBlank && !s.empty() && s[0] == '|' && i + 1 < lines.size();
    previousBlank = false;
    if (!header) continue;
    const std::string_view delimiter = lineText(i + 1);
    if (delimiter.empty() || delimiter[0] != '|') continue;
    const std::vector<std::string_view> headerCells = cellsOf(s);
    const std::vector<std::string_view> delimiterCells = cellsOf(delimiter);
    if (headerCells.size() != delimiterCells.size()) continue;
    bool allDelimiters = true;
    for (std::string_view c : delimiterCells) allDelimiters = allDelimiters && isDelimiterCell(c);
    if (!allDelimiters) continue;
    // Body rows: lines starting with '|' with at least one more pipe; then a blank line or the end.
    size_t last = i + 1;
    while (last + 1 < lines.size()) {
      const std::string_view row = lineText(last + 1);
      if (row.empty() || row[0] != '|' || row.find('|', 1) == std::string_view::npos) break;
      ++last;
    }
    if (last + 1 < lines.size() && !isBlank(lineText(last + 1))) {
      i = last;  // a line glued to the table's end: the parser decides what it is
      continue;
    }
    PlainPipeTable table;
    table.region = {static_cast<uint32_t>(lines[i].begin), static_cast<uint32_t>(lines[last].next)};
    table.rows.push_back({static_cast<uint32_t>(lines[i].begin), static_cast<uint32_t>(lines[i].end)});
    for (size_t k = i + 2; k <= last; ++k) {
      table.rows.push_back({static_cast<uint32_t>(lines[k].begin), static_cast<uint32_t>(lines[k].end)});
    }
    tables.push_back(std::move(table));
    i = last;
  }
  return tables;
}

}  // namespace gklint
