// OrderedWork: runs a job per item on a few threads and hands the results back in item order,
// each as soon as it and every item before it are done, with a bounded number in waiting.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gklint::cli {

// Calls work(i) for every i in [0, count) on `threads` threads (1: all on the calling thread,
// interleaved with consume) and consume(i, result) on the calling thread in order of i. At
// most `window` results are computed ahead of the one consume waits for, so memory stays
// bounded however many items there are, and no thread waits for a whole batch to finish.
template <typename Result>
void runInOrder(size_t count, unsigned threads, size_t window, const std::function<Result(size_t)>& work,
                const std::function<void(size_t, Result&)>& consume) {
  if (threads <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) {
      Result result = work(i);
      consume(i, result);
    }
    return;
  }
  window = std::max<size_t>(window, threads);
  std::vector<std::optional<Result>> slots(window);
  std::mutex mutex;
  std::condition_variable done;   // a result was stored
  std::condition_variable space;  // a slot was freed
  size_t taken = 0;     // items handed to a thread so far
  size_t consumed = 0;  // items consumed so far
  auto worker = [&] {
    for (;;) {
      size_t i = 0;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] { return taken >= count || taken < consumed + window; });
        if (taken >= count) return;
        i = taken++;
      }
      Result result = work(i);
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(result);
      }
      done.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::min<size_t>(threads, count); ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < count; ++i) {
    std::optional<Result> result;
    {
      std::unique_lock lock(mutex);
      done.wait(lock, [&] { return slots[i % window].has_value(); });
      result = std::move(slots[i % window]);
      slots[i % window].reset();
      ++consumed;
    }
    space.notify_all();
    consume(i, *result);
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace gklint::cli
