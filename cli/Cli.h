// Cli: parses the command line and dispatches to commands (check, rules, explain).
#pragma once

#include <iosfwd>

namespace gklint::cli {

// Exit codes of every command.
constexpr int kExitClean = 0;     // no finding at or above the fail threshold
constexpr int kExitFindings = 1;  // findings at or above the threshold
constexpr int kExitFailure = 2;   // usage error, unreadable or undecodable input, broken rules

// Runs gklint with the given arguments; output goes to `out`, diagnostics to `err`.
// Never throws; safe to call repeatedly in-process (tests do).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
