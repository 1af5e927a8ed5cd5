// Linter: runs every applicable rule of a RuleSet over a Document.
#pragma once

#include <vector>

#include "engine/lint/Finding.h"
#include "engine/model/Document.h"
#include "engine/rules/RuleSet.h"

namespace gklint {

// Findings sorted by position, then rule id. Pure; thread-safe for distinct documents.
std::vector<Finding> lintDocument(const Document& doc, const RuleSet& rules);

}  // namespace gklint
