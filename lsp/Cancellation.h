// Cancellation: a flag a request's work checks before it starts ($/cancelRequest sets it).
#pragma once

#include <atomic>
#include <memory>

namespace gklint::lsp {

// Shared between the protocol server (which cancels) and the queued work (which checks).
// Cancellation is cooperative: work already running finishes (the engine cannot be
// interrupted), but its result is replaced by RequestCancelled.
class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true); }
  bool cancelled() const { return flag_->load(); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace gklint::lsp
