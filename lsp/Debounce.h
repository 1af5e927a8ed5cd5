// Debounce: how long a document's diagnostics wait after an edit — by default a few times how
// long linting that document recently took (as clangd does), or a fixed delay (--debounce).
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

namespace gklint::lsp {

// The last few lint times (CPU time of the linting thread) of one document.
class LintHistory {
 public:
  static constexpr size_t kKept = 5;
  void record(std::chrono::nanoseconds took);
  // The median of the recent lint times (robust to one slow run on a busy machine); none
  // before the first lint.
  std::optional<std::chrono::nanoseconds> median() const;

 private:
  std::array<std::chrono::nanoseconds, kKept> recent_{};
  size_t count_ = 0;  // how many of recent_ hold a time (at most kKept)
  size_t next_ = 0;   // where the next time goes
};

struct DebouncePolicy {
  // Set: always this delay (`gklint lsp --debounce=MS`). Unset: adaptive, as below.
  std::optional<std::chrono::milliseconds> fixed;
  // Adaptive: ratio × the median recent lint time, clamped to [floor, ceiling]. Edits that
  // come faster than that coalesce into one lint; a 10 KB report (well under 1 ms to lint)
  // waits the floor, a 1 MB one (~20 ms) a few tens of ms, a huge one at most the ceiling.
  double ratio = 2.0;
  std::chrono::milliseconds floor{5};
  std::chrono::milliseconds ceiling{500};
  // Before a document's first lint (there is none: didOpen lints at once) the floor.
  std::chrono::milliseconds delayFor(const LintHistory& history) const;
};

}  // namespace gklint::lsp
