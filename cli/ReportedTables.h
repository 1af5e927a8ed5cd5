// ReportedTables: a report's bound official tables as the HTML summary draws them — every
// value cell with its place, which findings point at it, and the relations it breaks.
#pragma once

#include <vector>

#include "cli/FileReport.h"
#include "engine/lint/Finding.h"
#include "engine/model/Document.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/text/Source.h"

namespace gklint::cli {

// The tables of `doc` with the cells that `findings` (their span or a related span) fall in
// marked, and for each cell an arith finding is placed on, the relations of that rule that do
// not hold there, evaluated ("（七）总计 21 ≠ 各项之和 20").
std::vector<ReportedTable> reportedTables(const Document& doc, const Source& source, const RuleSet& rules,
                                          const std::vector<Finding>& findings);

}  // namespace gklint::cli
