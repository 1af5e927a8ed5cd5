// ConfigCommands: `gklint init`, `gklint config show FILE` and `gklint rules validate PATH…`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/ruleset/RuleSet.h"

namespace gklint::cli {

// Writes a commented starter .gklint.yaml into `folder`; refuses to overwrite (exit 2).
int runInit(const std::string& folder, std::ostream& out, std::ostream& err);
// The effective rule set for a report: config chain, every rule's severity and where it was
// set (config file:line, or the rule's own definition), year, ignore globs, waivers.
int runConfigShow(const std::string& report, const std::string& explicitConfig, const RuleSet& builtin,
                  std::ostream& out, std::ostream& err);
// Loads the built-in packs plus the given rule files/folders and prints every problem as
// file:line:col: error: … [key]; exit 2 when there is one.
int runRulesValidate(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
