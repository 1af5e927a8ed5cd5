// StdinInput: `gklint check -` — one report read from standard input, named by
// --stdin-filename (its format, its .gklint.yaml, its name in the output).
#pragma once

#include <string>

#include "cli/CheckCommand.h"

namespace gklint::cli {

inline constexpr const char* kStdinDevice = "/dev/stdin";  // read like a file (pipes and redirects)
inline constexpr const char* kStdinName = "<stdin>";       // when --stdin-filename does not name it

// Whether the paths are exactly "-".
bool readsStdin(const CheckOptions& options);

// The report's name: --stdin-filename, else "<stdin>".
std::string stdinReportName(const CheckOptions& options);

// What is wrong with how standard input was asked for ("-" among other paths, --fix on it,
// --stdin-filename without "-" or with a name that is not a report's), as the line to print
// after "gklint: error: "; "" when nothing is.
std::string stdinUsageError(const CheckOptions& options);

}  // namespace gklint::cli
