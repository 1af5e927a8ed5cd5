// TablesCommand: `gklint tables FILE…` — shows the official tables as gklint recognised them.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/ConfigCache.h"

namespace gklint::cli {

// For each file, read with the templates and year of the configuration that governs it: every
// bound table with its template, layout, and each template row's key, label as written and
// cells (number, blank "·", dash "—", text "«…»"). Exit 2 when a configuration has errors
// (nothing is shown) or a file cannot be read.
int runTables(const std::vector<std::string>& paths, ConfigCache& configs, std::ostream& out, std::ostream& err);

}  // namespace gklint::cli
