// ChildProcess: runs a program with bytes on its stdin and collects its stdout and stderr
// (for tests that drive the real `gklint lsp` binary over pipes, as an editor does).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace gklint::lsp::test {

struct ProcessResult {
  int exitCode = -1;  // -1 when killed by a signal
  bool timedOut = false;
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program's path) with `input` on stdin, written while the
// output is read (so a server may answer before it has all its input); kills it after
// `timeout`.
ProcessResult runProcess(const std::vector<std::string>& args, const std::string& input,
                         std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace gklint::lsp::test
