// RulesCommand: `gklint rules list` and `gklint explain RULE-ID`.
#pragma once

#include <iosfwd>
#include <string>

#include "engine/rules/RuleSet.h"

namespace gklint::cli {

// One line per rule: id, severity, summary (text) or a JSON array.
int runRulesList(const RuleSet& rules, const std::string& format, std::ostream& out, std::ostream& err);
// The rule's documentation: summary, severity, kind, scope of application, source, rationale.
int runExplain(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
