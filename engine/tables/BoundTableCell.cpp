// BoundTable::cell — declared with the model (engine/model/BoundTable.h), defined here because it
// reads the table's template.
#include <algorithm>

#include "engine/model/BoundTable.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

const BoundCell* BoundTable::cell(size_t row, std::string_view columnKey) const {
  if (!tmpl || row >= rows.size() || !rows[row].present || !rows[row].countMatches()) return nullptr;
  const std::vector<std::string>& keys = tmpl->columnsOf(tmpl->rows[row]);
  auto it = std::find(keys.begin(), keys.end(), columnKey);
  if (it == keys.end()) return nullptr;
  return &rows[row].cells[static_cast<size_t>(it - keys.begin())];
}

}  // namespace gklint
