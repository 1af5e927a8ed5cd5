// ByteSpan: a half-open range of byte offsets into a Source's decoded UTF-8 text.
#pragma once

#include <cstdint>
#include <string_view>

namespace gklint {

// Offsets are bytes into the decoded UTF-8 text (never code points or UTF-16 units);
// positions for people are computed only at the edges (CLI, LSP).
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(uint32_t offset) const { return begin <= offset && offset < end; }
  constexpr bool overlaps(ByteSpan other) const { return begin < other.end && other.begin < end; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  friend constexpr bool operator==(ByteSpan, ByteSpan) = default;
};

}  // namespace gklint
