#include "engine/checks/TableSelection.h"

#include <algorithm>

namespace gklint {

bool TableSelection::read(OptionReader& options) {
  tables_ = options.stringList("tables");
  for (const std::string& t : tables_) {
    if (t != "t2" && t != "t3" && t != "t4") {
      options.error("tables", "unknown table '" + t + "' (use t2, t3 or t4)");
      return false;
    }
  }
  return true;
}

bool TableSelection::includes(const std::string& table) const {
  return tables_.empty() || std::find(tables_.begin(), tables_.end(), table) != tables_.end();
}

std::string tableDisplayName(const std::string& table) {
  if (table == "t2") return "表二";
  if (table == "t3") return "表三";
  if (table == "t4") return "表四";
  return table;
}

const std::string& rowDisplayName(const TableTemplate& t, size_t row) { return t.rows[row].displayName; }

}  // namespace gklint
