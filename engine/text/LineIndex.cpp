#include "engine/text/LineIndex.h"

#include <algorithm>

namespace gklint {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      ends_.push_back(static_cast<uint32_t>(i));
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  ends_.push_back(static_cast<uint32_t>(n));
}

size_t LineIndex::lineOf(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<size_t>(it - starts_.begin()) - 1;
}

}  // namespace gklint
