// TablesCommand: `gklint tables FILE…` — shows the official tables as gklint recognised them.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/rules/RuleSet.h"

namespace gklint::cli {

// For each file: every bound table with its template, layout, and each template row's key,
// label as written and cells (number, blank "·", dash "—", text "«…»"). Exit 2 when a file
// cannot be read.
int runTables(const std::vector<std::string>& paths, const RuleSet& rules, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
