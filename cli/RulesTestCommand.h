// RulesTestCommand: `gklint rules test [PATH…]` — runs the examples inside rule files
// (`tests:`) and annotated fixture reports, so a supervisor can prove a rule before sharing it.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/ruleset/RuleSet.h"

namespace CLI {
class App;
}

namespace gklint::cli {

struct RulesTestOptions {
  // Rule files (.yaml, .yml), annotated reports (.md, .markdown) or folders holding them;
  // empty: the built-in packs' own examples.
  std::vector<std::string> paths;
  // The folder the built-in rule files come from (the repository's rules/); their `file:`
  // examples are read relative to it. Empty: the source tree gklint was built from.
  std::string rulesDir;
};

// Adds `test` to the `rules` command; parsed options land in `options` (which must outlive
// the parse).
CLI::App* addRulesTestCommand(CLI::App& rules, RulesTestOptions& options);

// Loads the built-in packs plus the given rule files (a given file that is a built-in pack's
// file on disk replaces the embedded copy, so edits are tested without rebuilding), runs
// every example of the given files' rules (or of the built-in rules when no rule file is
// given) and every `<!-- expect: ID -->` / `<!-- ok: ID -->` annotation of the given
// reports, and prints one PASS/FAIL line per case with a diff under each failure.
// Exit codes: 0 every case passed, 1 a case failed, 2 rule-loading errors or unusable paths.
int runRulesTest(const RulesTestOptions& options, std::ostream& out, std::ostream& err);

// --- shared with `gklint rules doc` -----------------------------------------------------

// The rules/ folder of the source tree gklint was built from (found through this file's
// compile-time path), or "" when that tree is not on this machine.
std::string sourceRulesDir();

// One finding of the rule under test: 1-based line, 1-based column in code points.
struct ExampleFinding {
  int line = 0;
  int column = 0;
  Severity severity = Severity::Warning;
  std::string message;
};

struct ExampleOutcome {
  std::vector<ExampleFinding> findings;  // the rule's own findings only, by position
  std::string file;                      // the example file as resolved, "" for a snippet
  std::string error;                     // why the example could not be run ("" when it ran)
};

// Lints one example of `rule` with the whole `rules` set and keeps only that rule's findings.
// A `file:` example is read relative to the folder of the rule's file; a built-in rule file
// ("builtin:gov/x.yaml") lives in `rulesDir`. Never throws.
ExampleOutcome runRuleExample(const RuleSet& rules, const RuleInfo& rule, const RuleExample& example,
                              const std::string& rulesDir);

}  // namespace gklint::cli
