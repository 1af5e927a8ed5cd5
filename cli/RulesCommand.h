// RulesCommand: `gklint rules list` and `gklint explain RULE-ID`, under a configuration.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/ConfigCache.h"

namespace gklint::cli {

// One line per rule of the configuration's rule set (built-in packs plus rule_paths): id,
// effective severity ("off" when turned off), summary, and where a config setting changed
// the severity (text), or a JSON array.
int runRulesList(const LoadedConfig& loaded, const std::string& format, std::ostream& out, std::ostream& err);
// The rule's documentation: summary, effective severity (and where it was set), kind, scope
// of application, source, rationale. Exit 2 for an id the configuration does not know.
int runExplain(const LoadedConfig& loaded, const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
