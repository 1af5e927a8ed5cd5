#include "cli/Progress.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace gklint::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawEvery{100};

std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%lds", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

bool envSays(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return false;
  const std::string v(value);
  return v != "false" && v != "0";
}

}  // namespace

bool parseProgressMode(std::string_view text, ProgressMode& mode) {
  if (text == "auto") mode = ProgressMode::Auto;
  else if (text == "always") mode = ProgressMode::Always;
  else if (text == "never") mode = ProgressMode::Never;
  else return false;
  return true;
}

bool progressWanted(ProgressMode mode, bool stderrIsTerminal) {
  if (mode != ProgressMode::Auto) return mode == ProgressMode::Always;
  const char* term = std::getenv("TERM");
  return stderrIsTerminal && !envSays("CI") && !(term && std::string_view(term) == "dumb");
}

std::chrono::milliseconds progressDelay(ProgressMode mode) {
  if (const char* ms = std::getenv("GKLINT_PROGRESS_DELAY_MS")) return std::chrono::milliseconds(std::atol(ms));
  return mode == ProgressMode::Always ? std::chrono::milliseconds(0) : std::chrono::milliseconds(1000);
}

ProgressBar::ProgressBar(std::ostream& err, size_t total, bool enabled, std::chrono::milliseconds delay, Clock clock)
    : err_(err), total_(total), enabled_(enabled && total > 0), delay_(delay), clock_(std::move(clock)) {
  start_ = clock_();
}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::render(size_t done, size_t total, std::chrono::milliseconds elapsed, size_t width) {
  const size_t filled = total ? std::min(done, total) * width / total : width;
  std::string line = "[";
  line.append(filled, '#');
  line.append(width - filled, '-');
  line += "] ";
  char count[64];
  const int digits = std::snprintf(nullptr, 0, "%zu", total);
  std::snprintf(count, sizeof count, "%*zu/%zu files", digits, done, total);  // done right-aligned: no jitter
  line += count;
  const double seconds = static_cast<double>(elapsed.count()) / 1000.0;
  if (done > 0 && seconds > 0) {
    const double rate = static_cast<double>(done) / seconds;
    char buf[32];
    std::snprintf(buf, sizeof buf, "  %.1f files/s", rate);
    line += buf;
    if (done < total) line += "  ETA " + duration(static_cast<double>(total - done) / rate);
  }
  return line;
}

void ProgressBar::fileDone() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (!enabled_ || paused_ || finished_) return;
  const auto now = clock_();
  if (now - start_ < delay_) return;
  if (drawn_ && now - lastDraw_ < kRedrawEvery && done_ < total_) return;
  drawLocked(now);
}

void ProgressBar::pause() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (paused_) return;
  paused_ = true;
  redrawOnResume_ = drawn_;
  clearLocked();
}

void ProgressBar::resume() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!paused_) return;
  paused_ = false;
  if (redrawOnResume_ && !finished_) drawLocked(clock_());
  redrawOnResume_ = false;
}

void ProgressBar::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  clearLocked();
  finished_ = true;
}

void ProgressBar::drawLocked(std::chrono::steady_clock::time_point now) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_);
  err_ << "\r" << render(done_, total_, elapsed) << "\033[K" << std::flush;
  drawn_ = true;
  lastDraw_ = now;
}

void ProgressBar::clearLocked() {
  if (!drawn_) return;
  err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace gklint::cli
