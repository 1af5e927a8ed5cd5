// HtmlTables: a report's 表二/三/四 as gklint read them, for the HTML summary — the cells
// findings point at highlighted, the cells they name beside them marked, broken relations
// written out ("（七）总计 21 ≠ 12项之和 20").
#pragma once

#include <string>
#include <vector>

#include "cli/FileReport.h"

namespace gklint::cli {

// "表二" for t2, …; the key itself for any other table name.
std::string tableDisplayName(const std::string& table);

// One <figure class="bound-table"> per table; "" when the report has none.
std::string renderBoundTables(const std::vector<ReportedTable>& tables);

}  // namespace gklint::cli
