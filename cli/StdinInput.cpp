#include "cli/StdinInput.h"

#include <algorithm>

#include "engine/Analyzer.h"

namespace gklint::cli {

bool readsStdin(const CheckOptions& options) { return options.paths == std::vector<std::string>{"-"}; }

std::string stdinReportName(const CheckOptions& options) {
  return options.stdinFilename.empty() ? kStdinName : options.stdinFilename;
}

std::string stdinUsageError(const CheckOptions& options) {
  const bool fromStdin = readsStdin(options);
  if (!fromStdin && std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
    return "'-' (standard input) cannot be mixed with other paths; give it alone";
  }
  if (fromStdin && options.fix) {
    return "--fix cannot rewrite standard input; save the report to a file and run gklint check --fix FILE";
  }
  if (!options.stdinFilename.empty() && !fromStdin) return "--stdin-filename names standard input; give '-' as the path";
  if (fromStdin && !options.stdinFilename.empty() && !formatFromPath(options.stdinFilename)) {
    return "--stdin-filename " + options.stdinFilename +
           ": cannot tell the report's format from this name (use a .txt or .md name)";
  }
  return "";
}

}  // namespace gklint::cli
