#include "lsp/Debounce.h"

#include <algorithm>
#include <utility>

namespace gklint::lsp {

void LintHistory::record(std::chrono::nanoseconds took) {
  recent_[next_] = took;
  next_ = (next_ + 1) % kKept;
  count_ = std::min(count_ + 1, kKept);
}

std::optional<std::chrono::nanoseconds> LintHistory::median() const {
  if (count_ == 0) return std::nullopt;
  std::array<std::chrono::nanoseconds, kKept> sorted = recent_;
  for (size_t i = 1; i < count_; ++i) {  // insertion sort: at most five
    for (size_t j = i; j > 0 && sorted[j] < sorted[j - 1]; --j) std::swap(sorted[j], sorted[j - 1]);
  }
  return sorted[count_ / 2];
}

std::chrono::milliseconds DebouncePolicy::delayFor(const LintHistory& history) const {
  if (fixed) return *fixed;
  const std::optional<std::chrono::nanoseconds> typical = history.median();
  if (!typical) return floor;
  const auto scaled = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double, std::nano>(static_cast<double>(typical->count()) * ratio));
  return std::clamp(scaled, floor, ceiling);
}

}  // namespace gklint::lsp
