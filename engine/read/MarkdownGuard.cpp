#include "engine/read/MarkdownGuard.h"

namespace gklint {
namespace {

// Container markers at the start of a line: '>' quotes and list markers (-, *, +, 1. 1)).
int nestingDepth(std::string_view line) {
  int depth = 0;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '>') {
      ++depth;
      ++i;
    } else if ((c == '-' || c == '*' || c == '+') && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t')) {
      ++depth;
      i += 2;
    } else if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
      if (j < line.size() && (line[j] == '.' || line[j] == ')') && j + 1 < line.size() && line[j + 1] == ' ') {
        ++depth;
        i = j + 2;
      } else {
        break;
      }
    } else {
      break;
    }
    if (depth > kMaxMarkdownNesting) return depth;
  }
  return depth;
}

}  // namespace

std::optional<MarkdownHazard> findMarkdownHazard(std::string_view text) {
  size_t start = 0;
  uint32_t line = 1;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (nestingDepth(text.substr(start, end - start)) > kMaxMarkdownNesting) {
      return MarkdownHazard{static_cast<uint32_t>(start), line,
                            "line " + std::to_string(line) + ": Markdown quotes or lists nested more than " +
                                std::to_string(kMaxMarkdownNesting) +
                                " levels deep; this cannot be a report — check the file, or lint it as .txt"};
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

}  // namespace gklint
