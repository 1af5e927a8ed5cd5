// MarkdownGuard: refuses Markdown that tree-sitter-markdown cannot parse safely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gklint {

// Block containers (quotes, list items) nested deeper than this on one line are refused:
// tree-sitter-markdown's scanner crashes on tens of thousands of levels, and no report
// nests more than a few.
constexpr int kMaxMarkdownNesting = 100;

struct MarkdownHazard {
  uint32_t offset = 0;   // byte offset of the offending line
  uint32_t line = 0;     // 1-based
  std::string message;   // what is wrong and what to do
};

// Scans line prefixes in O(n). Nothing when the text is safe to parse.
std::optional<MarkdownHazard> findMarkdownHazard(std::string_view text);

}  // namespace gklint
