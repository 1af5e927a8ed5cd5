// CheckCommand: `gklint check PATH…` — the pre-publication gate.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/ruleset/RuleSet.h"

namespace gklint::cli {

struct CheckOptions {
  std::vector<std::string> paths;  // "-" alone: standard input
  std::string format = "text";     // text | json | sarif | junit | html
  std::string output;              // --output FILE: the report goes there instead of standard output
  std::string failOn = "error";    // error | warning | info | never
  std::string title;               // --title: html: a line under the page's heading
  std::optional<int> year;
  std::string encoding = "auto";   // auto | utf-8 | utf-16 | gb18030
  bool color = false;
  unsigned jobs = 0;               // 0: one per core
  bool fix = false;                // apply fixes to UTF-8 files, then report what remains
  std::string previous;            // last year's report of the same body (arith/carry-over)
  std::string config;              // --config FILE: one .gklint.yaml for every report
  bool noConfig = false;           // --no-config: built-in rules only
  std::string today;               // YYYY-MM-DD for waiver expiry; empty: the system date
  std::string published;           // --published YYYY-MM-DD for every report (publish/late)
  std::string stdinFilename;       // --stdin-filename: names standard input (format, config, output)
  std::string progress = "auto";   // --progress: auto | always | never (cli/Progress.h)
  bool stderrIsTerminal = false;   // for --progress auto
  // --max-file-mb: larger reports are an input error (exit 2). Nothing: the config's max_file_mb, else 64 MiB.
  std::optional<uint64_t> maxFileBytes;
  // --max-findings-per-rule (0: all). Nothing: the config's max_findings_per_rule, else 1,000.
  std::optional<size_t> maxFindingsPerRule;
};

inline constexpr uint64_t kDefaultMaxFileBytes = 64ull << 20;

// Lints every file under the .gklint.yaml that governs it (built-in rules when none) and
// returns the exit code (see Cli.h). Config, rule and waiver errors are printed and give 2.
int runCheck(const CheckOptions& options, const RuleSet& builtin, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
