// Progress: the "files done / total, rate, ETA" line that `gklint check` draws on standard
// error while a long batch runs — only where a person watches (a terminal, not CI, not a pipe).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

namespace gklint::cli {

enum class ProgressMode { Auto, Always, Never };

// "auto", "always", "never"; false for anything else.
bool parseProgressMode(std::string_view text, ProgressMode& mode);

// Whether `mode` shows a bar: always → yes; never → no; auto → only when standard error is a
// terminal (`stderrIsTerminal`), the environment is not CI (CI unset, empty, "false" or "0")
// and TERM is not "dumb".
bool progressWanted(ProgressMode mode, bool stderrIsTerminal);

// The delay before the bar appears (auto: 1 s, so short batches never flicker; always: none).
// GKLINT_PROGRESS_DELAY_MS overrides it, for tests.
std::chrono::milliseconds progressDelay(ProgressMode mode);

// One line, redrawn in place with "\r" and cleared at the end. Thread-safe: every member
// takes one lock, so linting threads call fileDone() directly. Draws at most every 100 ms,
// and not at all before `delay` has passed or when disabled.
class ProgressBar {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  ProgressBar(std::ostream& err, size_t total, bool enabled, std::chrono::milliseconds delay,
              Clock clock = [] { return std::chrono::steady_clock::now(); });
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void fileDone();
  // pause() removes the line so other output to the terminal starts clean; resume() draws it
  // again at once if it was there (no flicker).
  void pause();
  void resume();
  void finish();  // clears the line for good; idempotent

  // The text of the line for `done` of `total` after `elapsed` (no "\r"), e.g.
  // "[#########-----------]  120/300 files  48.0 files/s  ETA 4s".
  static std::string render(size_t done, size_t total, std::chrono::milliseconds elapsed, size_t width = 20);

 private:
  void drawLocked(std::chrono::steady_clock::time_point now);
  void clearLocked();

  std::mutex mutex_;
  std::ostream& err_;
  size_t total_;
  size_t done_ = 0;
  bool enabled_;
  bool paused_ = false;
  bool finished_ = false;
  bool drawn_ = false;  // a line is on screen now
  bool redrawOnResume_ = false;
  std::chrono::milliseconds delay_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_, lastDraw_{};
};

}  // namespace gklint::cli
