// Logger: the server's log on stderr (stdout carries the protocol), one line per event.
#pragma once

#include <mutex>
#include <ostream>
#include <string_view>

namespace gklint::lsp {

enum class LogLevel { Error = 0, Info = 1, Verbose = 2 };

// Thread-safe: lines from the reader thread and the worker never interleave.
class Logger {
 public:
  // Unties `out` (std::cerr is tied to std::cout): a log line must never flush another
  // stream from whichever thread logs.
  explicit Logger(std::ostream& out, LogLevel level = LogLevel::Info) : out_(out), level_(level) { out_.tie(nullptr); }

  bool enabled(LogLevel level) const { return level <= level_; }
  void log(LogLevel level, std::string_view message) {
    if (!enabled(level)) return;
    static constexpr const char* kTags[] = {"E", "I", "V"};
    std::lock_guard<std::mutex> lock(mutex_);
    out_ << kTags[static_cast<int>(level)] << " gklint-lsp: " << message << '\n';
    out_.flush();
  }
  void error(std::string_view message) { log(LogLevel::Error, message); }
  void info(std::string_view message) { log(LogLevel::Info, message); }
  void verbose(std::string_view message) { log(LogLevel::Verbose, message); }

 private:
  std::mutex mutex_;
  std::ostream& out_;
  LogLevel level_;
};

}  // namespace gklint::lsp
