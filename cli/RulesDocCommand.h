// RulesDocCommand: `gklint rules doc [--out DIR] [--check]` — generates docs/rules/, one page
// per rule and an index, from the rule files themselves (summary, source, rationale, tests:).
#pragma once

#include <iosfwd>
#include <map>
#include <string>

#include "engine/ruleset/RuleSet.h"

namespace CLI {
class App;
}

namespace gklint::cli {

struct RulesDocOptions {
  std::string out;       // the folder to write; empty: docs/rules of the source tree
  bool check = false;    // compare instead of writing; exit 1 when a page is stale
  std::string rulesDir;  // where built-in examples' files are read from; empty: the source tree's rules/
};

// Adds `doc` to the `rules` command; parsed options land in `options`.
CLI::App* addRulesDocCommand(CLI::App& rules, RulesDocOptions& options);

// The pages for `rules`, by path relative to the docs/rules folder ("README.md",
// "text/typo.md"). Every example is run (runRuleExample) so the page shows what gklint
// reports for it. Fails (returns false with `error` set) when an example cannot be run.
bool generateRuleDocs(const RuleSet& rules, const std::string& rulesDir, std::map<std::string, std::string>& pages,
                      std::string& error);

// Writes the pages (only those that changed; generated pages of rules that no longer exist
// are removed), or with --check lists the stale ones. Exit codes: 0 written or up to date,
// 1 stale pages (--check), 2 the pages cannot be generated or written.
int runRulesDoc(const RulesDocOptions& options, const RuleSet& rules, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
