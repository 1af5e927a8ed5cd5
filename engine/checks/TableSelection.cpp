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

std::string rowDisplayName(const TableTemplate& t, size_t row) {
  // Walk back to the row's group label, if any.
  std::string group;
  for (size_t i = row + 1; i-- > 0;) {
    if (!t.rows[i].group.empty()) {
      group = t.rows[i].group;
      break;
    }
    const std::string& label = t.rows[i].label;
    if (!label.empty() && (label.rfind("（", 0) == 0 || label.rfind("一、", 0) == 0 || label.rfind("二、", 0) == 0 ||
                           label.rfind("四、", 0) == 0)) {
      break;  // a top-level row: no group
    }
  }
  const std::string& label = t.rows[row].label;
  if (label.empty()) return t.title;
  if (!group.empty() && label.rfind("（", 0) != 0) return group + label;
  return label;
}

}  // namespace gklint
