// Tests for lsp/Debounce: the adaptive delay follows the median recent lint time, clamped.
#include <catch2/catch.hpp>

#include "lsp/Debounce.h"

using gklint::lsp::DebouncePolicy;
using gklint::lsp::LintHistory;
using namespace std::chrono_literals;

TEST_CASE("debounce: before any lint the floor, then ratio × the median lint time, clamped", "[lsp][debounce]") {
  DebouncePolicy policy;  // ratio 2, floor 5 ms, ceiling 500 ms
  LintHistory history;
  CHECK(policy.delayFor(history) == 5ms);
  history.record(400us);  // a 10 KB report
  CHECK(policy.delayFor(history) == 5ms);
  history = {};
  history.record(20ms);  // a 1 MB report
  CHECK(policy.delayFor(history) == 40ms);
  history = {};
  history.record(2s);  // a huge one
  CHECK(policy.delayFor(history) == 500ms);
}

TEST_CASE("debounce: one slow lint on a busy machine does not move the median", "[lsp][debounce]") {
  DebouncePolicy policy;
  LintHistory history;
  for (auto took : {20ms, 21ms, 900ms, 19ms, 20ms}) history.record(took);
  CHECK(history.median() == 20ms);
  CHECK(policy.delayFor(history) == 40ms);
  // Only the last five count: five fast lints after the document shrank.
  for (int i = 0; i < 5; ++i) history.record(1ms);
  CHECK(policy.delayFor(history) == 5ms);
}

TEST_CASE("debounce: --debounce=MS fixes the delay whatever the lint time", "[lsp][debounce]") {
  DebouncePolicy policy;
  policy.fixed = 200ms;
  LintHistory history;
  CHECK(policy.delayFor(history) == 200ms);
  history.record(3s);
  CHECK(policy.delayFor(history) == 200ms);
}
