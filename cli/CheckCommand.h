// CheckCommand: `gklint check PATH…` — the pre-publication gate.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/RuleSet.h"

namespace gklint::cli {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";     // text | json
  std::string failOn = "error";    // error | warning | info | never
  std::optional<int> year;
  std::string encoding = "auto";   // auto | utf-8 | utf-16 | gb18030
  bool color = false;
  unsigned jobs = 0;               // 0: one per core
  bool fix = false;                // apply fixes to UTF-8 files, then report what remains
  std::string previous;            // last year's report of the same body (arith/carry-over)
  uint64_t maxFileBytes = 256ull << 20;
};

// Lints every file and returns the exit code (see Cli.h).
int runCheck(const CheckOptions& options, const RuleSet& rules, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
