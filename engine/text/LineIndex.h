// LineIndex: maps byte offsets of a text to 0-based lines and back.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gklint {

// Line breaks are "\n", "\r\n" and a lone "\r"; the terminator is not part of a line.
// Built once in O(n); lookups are O(log lines). Holds no reference to the text.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  size_t lineCount() const { return starts_.size(); }
  // Byte offset where 0-based `line` begins.
  uint32_t lineStart(size_t line) const { return starts_[line]; }
  // Byte offset of the end of `line`'s content (before its terminator).
  uint32_t lineEnd(size_t line) const { return ends_[line]; }
  // 0-based line holding byte `offset` (an offset inside a terminator belongs to its line).
  size_t lineOf(uint32_t offset) const;

 private:
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> ends_;
};

}  // namespace gklint
