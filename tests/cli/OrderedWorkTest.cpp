// Tests for cli/OrderedWork: results come back in item order, each item's work runs once, and
// no more than the window is computed ahead of what has been consumed.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/OrderedWork.h"

using gklint::cli::runInOrder;

TEST_CASE("runInOrder consumes every result in item order, whatever order the threads finish in", "[cli][jobs]") {
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO("threads " << threads);
    constexpr size_t kCount = 200;
    constexpr size_t kWindow = 5;
    std::atomic<int> calls{0};
    std::atomic<long> ahead{0};  // computed but not yet consumed
    long mostAhead = 0;
    std::mutex mostMutex;
    std::vector<size_t> order;
    runInOrder<std::string>(
        kCount, threads, kWindow,
        [&](size_t i) {
          ++calls;
          // Later items often finish first.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
          const long now = ++ahead;
          std::lock_guard lock(mostMutex);
          mostAhead = std::max(mostAhead, now);
          return "item " + std::to_string(i);
        },
        [&](size_t i, std::string& result) {
          --ahead;
          CHECK(result == "item " + std::to_string(i));
          order.push_back(i);
        });
    CHECK(calls == static_cast<int>(kCount));
    REQUIRE(order.size() == kCount);
    for (size_t i = 0; i < kCount; ++i) CHECK(order[i] == i);
    // (+1: a thread may finish the item a consume just made room for before that consume
    // has counted its own result off.)
    CHECK(mostAhead <= static_cast<long>(threads == 1 ? 1 : kWindow + 1));
  }
}

TEST_CASE("runInOrder with no items or one item", "[cli][jobs]") {
  int consumed = 0;
  runInOrder<int>(0, 2, 4, [](size_t) { return 1; }, [&](size_t, int&) { ++consumed; });
  CHECK(consumed == 0);
  runInOrder<int>(1, 2, 4, [](size_t i) { return static_cast<int>(i) + 41; }, [&](size_t, int& r) { consumed += r; });
  CHECK(consumed == 41);
}
