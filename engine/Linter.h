// Linter: runs every applicable rule of a RuleSet over a Document, under a configuration.
#pragma once

#include <vector>

#include "engine/config/Config.h"
#include "engine/lint/Finding.h"
#include "engine/lint/FindingCap.h"
#include "engine/model/Document.h"
#include "engine/ruleset/RuleSet.h"

namespace gklint {

// Findings sorted by position, then rule id. With a config, rules it turns off do not run and
// its severities replace the rules' own (for every finding of the rule). Inline suppression
// comments are applied and unused ones reported (meta/unused-suppression). Pure; thread-safe
// for distinct documents.
// At most `maxFindingsPerRule` findings of a rule are kept (0: all), then one closing finding
// says how many more there were (FindingCap).
std::vector<Finding> lintDocument(const Document& doc, const RuleSet& rules, const Config* config = nullptr,
                                  size_t maxFindingsPerRule = kDefaultMaxFindingsPerRule);

}  // namespace gklint
