// Tests for lsp/Scheduler: zero-thread determinism, debounce (latest wins), and the worker.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "lsp/Scheduler.h"

using gklint::lsp::Scheduler;
using gklint::lsp::SchedulerOptions;
using namespace std::chrono_literals;

TEST_CASE("with zero threads nothing runs until runUntilIdle, then in due order", "[lsp][scheduler]") {
  Scheduler s(SchedulerOptions{false, {200ms}});
  std::vector<std::string> ran;
  s.schedule("diag:a", 200ms, [&] { ran.push_back("diag a v1"); });
  s.enqueue([&] { ran.push_back("hover"); });
  s.schedule("diag:a", 200ms, [&] { ran.push_back("diag a v2"); });  // replaces v1
  s.schedule("diag:b", 0ms, [&] { ran.push_back("diag b"); });
  CHECK(ran.empty());
  CHECK(s.pending() == 3);
  s.runUntilIdle();
  CHECK(ran == std::vector<std::string>{"hover", "diag b", "diag a v2"});
  CHECK(s.pending() == 0);
}

TEST_CASE("tasks queued while running run in the same runUntilIdle", "[lsp][scheduler]") {
  Scheduler s(SchedulerOptions{false, {0ms}});
  int count = 0;
  s.enqueue([&] {
    ++count;
    s.enqueue([&] { ++count; });
  });
  s.runUntilIdle();
  CHECK(count == 2);
}

TEST_CASE("cancel drops a pending keyed task", "[lsp][scheduler]") {
  Scheduler s(SchedulerOptions{false, {0ms}});
  bool ran = false;
  s.schedule("diag:a", 0ms, [&] { ran = true; });
  s.cancel("diag:a");
  s.runUntilIdle();
  CHECK_FALSE(ran);
}

TEST_CASE("the worker debounces: a burst yields one run after the delay", "[lsp][scheduler][threads]") {
  Scheduler s(SchedulerOptions{true, {50ms}});
  std::atomic<int> runs{0};
  std::atomic<int> last{0};
  const auto start = Scheduler::Clock::now();
  for (int v = 1; v <= 10; ++v) {
    s.schedule("diag:a", 50ms, [&, v] {
      ++runs;
      last = v;
    });
  }
  s.runUntilIdle();
  CHECK(runs == 1);
  CHECK(last == 10);
  CHECK(Scheduler::Clock::now() - start >= 50ms);
}

TEST_CASE("the worker runs unkeyed tasks in FIFO order", "[lsp][scheduler][threads]") {
  Scheduler s(SchedulerOptions{true, {0ms}});
  std::vector<int> order;
  std::mutex m;
  for (int i = 0; i < 20; ++i) {
    s.enqueue([&, i] {
      std::lock_guard<std::mutex> lock(m);
      order.push_back(i);
    });
  }
  s.runUntilIdle();
  std::vector<int> expected(20);
  for (int i = 0; i < 20; ++i) expected[static_cast<size_t>(i)] = i;
  CHECK(order == expected);
}
