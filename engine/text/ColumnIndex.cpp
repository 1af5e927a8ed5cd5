#include "engine/text/ColumnIndex.h"

#include "engine/text/Utf8.h"

namespace gklint {

ColumnIndex::ColumnIndex(std::string_view text) {
  const size_t blocks = text.size() / kStride + 1;
  codePoints_.reserve(blocks);
  utf16_.reserve(blocks);
  uint64_t cp = 0, u16 = 0;
  for (size_t k = 0; k < blocks; ++k) {
    codePoints_.push_back(cp);
    utf16_.push_back(u16);
    const std::string_view block = text.substr(k * kStride, kStride);
    cp += utf8::codePointCount(block);
    u16 += utf8::utf16Length(block);
  }
}

// Counting lead bytes does not depend on where a character boundary falls, so a prefix count is
// the checkpoint's plus the lead bytes from the checkpoint to the offset.
uint64_t ColumnIndex::codePointsBefore(std::string_view text, uint32_t offset) const {
  const size_t k = offset / kStride;
  return codePoints_[k] + utf8::codePointCount(text.substr(k * kStride, offset - k * kStride));
}

uint64_t ColumnIndex::utf16Before(std::string_view text, uint32_t offset) const {
  const size_t k = offset / kStride;
  return utf16_[k] + utf8::utf16Length(text.substr(k * kStride, offset - k * kStride));
}

uint64_t ColumnIndex::codePointsBetween(std::string_view text, uint32_t begin, uint32_t end) const {
  if (empty() || end - begin <= kStride) return utf8::codePointCount(text.substr(begin, end - begin));
  return codePointsBefore(text, end) - codePointsBefore(text, begin);
}

uint64_t ColumnIndex::utf16Between(std::string_view text, uint32_t begin, uint32_t end) const {
  if (empty() || end - begin <= kStride) return utf8::utf16Length(text.substr(begin, end - begin));
  return utf16Before(text, end) - utf16Before(text, begin);
}

}  // namespace gklint
