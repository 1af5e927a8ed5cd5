#include "lsp/Scheduler.h"

#include <algorithm>

namespace gklint::lsp {

Scheduler::Scheduler(SchedulerOptions options) : options_(options) {
  if (options_.threaded) worker_ = std::thread([this] { workerLoop(); });
}

Scheduler::~Scheduler() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Scheduler::schedule(const std::string& key, std::chrono::milliseconds delay, std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!key.empty()) {
      queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const Task& t) { return t.key == key; }),
                   queue_.end());
    }
    queue_.push_back({key, Clock::now() + delay, seq_++, std::move(task)});
  }
  wake_.notify_all();
}

void Scheduler::cancel(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const Task& t) { return t.key == key; }), queue_.end());
  if (queue_.empty() && !running_) idle_.notify_all();
}

size_t Scheduler::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

size_t Scheduler::nextIndex() const {
  size_t best = 0;
  for (size_t i = 1; i < queue_.size(); ++i) {
    const Task& a = queue_[i];
    const Task& b = queue_[best];
    if (a.due < b.due || (a.due == b.due && a.seq < b.seq)) best = i;
  }
  return best;
}

void Scheduler::runUntilIdle() {
  if (options_.threaded) {
    std::unique_lock<std::mutex> lock(mutex_);
    // Includes debounced work: this waits until it has run.
    idle_.wait(lock, [&] { return (queue_.empty() && !running_) || stop_; });
    return;
  }
  for (;;) {
    std::function<void()> run;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (queue_.empty()) return;
      const size_t i = nextIndex();
      run = std::move(queue_[i].run);
      queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    run();
  }
}

void Scheduler::workerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (stop_) return;
    if (queue_.empty()) {
      idle_.notify_all();
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      continue;
    }
    const size_t i = nextIndex();
    const Clock::time_point due = queue_[i].due;
    if (due > Clock::now()) {
      wake_.wait_until(lock, due);  // woken early by new work, which may be due sooner
      continue;
    }
    std::function<void()> run = std::move(queue_[i].run);
    queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(i));
    running_ = true;
    lock.unlock();
    run();
    lock.lock();
    running_ = false;
  }
}

}  // namespace gklint::lsp
