// Scheduler: runs the server's work — debounced diagnostics and queued requests — on one
// worker thread, or with zero threads for deterministic tests.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "lsp/Debounce.h"

namespace gklint::lsp {

struct SchedulerOptions {
  // false: no thread at all; work waits in the queue until runUntilIdle() runs it on the
  // caller's thread, in due-time order, ignoring the clock (a debounce only coalesces).
  bool threaded = true;
  DebouncePolicy debounce;  // delay before a document's diagnostics after an edit (GklintServer)
};

// Tasks with a key are debounced: scheduling a key again replaces the pending task and
// restarts its delay, so a burst of edits yields one run for the latest state. Tasks without
// a key run in FIFO order once due. One task runs at a time. Thread-safe.
class Scheduler {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Scheduler(SchedulerOptions options);
  ~Scheduler();  // drops pending tasks, waits for a running one
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  const SchedulerOptions& options() const { return options_; }

  // Runs `task` after `delay`; a pending task with the same non-empty `key` is replaced.
  void schedule(const std::string& key, std::chrono::milliseconds delay, std::function<void()> task);
  // Runs `task` as soon as the worker is free (after due tasks queued before it).
  void enqueue(std::function<void()> task) { schedule({}, std::chrono::milliseconds(0), std::move(task)); }
  // Drops the pending task with `key`, if any (not one already running).
  void cancel(const std::string& key);
  // Zero threads: runs every queued task, including those queued meanwhile. Threaded: waits
  // until the queue is empty and the worker is idle.
  void runUntilIdle();
  // Number of pending tasks (for tests).
  size_t pending() const;

 private:
  struct Task {
    std::string key;
    Clock::time_point due;
    uint64_t seq = 0;
    std::function<void()> run;
  };

  void workerLoop();
  // Index of the task to run next (earliest due, then FIFO); queue_ must be non-empty.
  size_t nextIndex() const;

  SchedulerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;   // new work, or stop
  std::condition_variable idle_;   // queue empty and nothing running
  std::vector<Task> queue_;
  uint64_t seq_ = 0;
  bool running_ = false;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace gklint::lsp
