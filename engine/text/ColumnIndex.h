// ColumnIndex: code-point and UTF-16 counts at fixed byte checkpoints, so that a column on a very
// long line is found in O(checkpoint stride) instead of O(line length).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gklint {

// Counts characters (UTF-8 lead bytes) and UTF-16 code units of a text's prefix at every
// kStride-th byte. Holds no reference to the text; built in O(n), only worth it when some line
// is longer than kStride (Source builds it then). counts(text, a, b) is O(kStride) for any span.
class ColumnIndex {
 public:
  static constexpr uint32_t kStride = 4096;

  ColumnIndex() = default;
  explicit ColumnIndex(std::string_view text);

  bool empty() const { return codePoints_.empty(); }
  // Code points / UTF-16 units in text[begin, end) (byte offsets; begin <= end <= text size).
  uint64_t codePointsBetween(std::string_view text, uint32_t begin, uint32_t end) const;
  uint64_t utf16Between(std::string_view text, uint32_t begin, uint32_t end) const;

 private:
  uint64_t codePointsBefore(std::string_view text, uint32_t offset) const;
  uint64_t utf16Before(std::string_view text, uint32_t offset) const;
  std::vector<uint64_t> codePoints_;  // [k]: code points in text[0, k * kStride)
  std::vector<uint64_t> utf16_;       // [k]: UTF-16 units in text[0, k * kStride)
};

}  // namespace gklint
