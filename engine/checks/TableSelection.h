// TableSelection: the `tables:` option shared by table check kinds, and display names.
#pragma once

#include <string>
#include <vector>

#include "engine/model/Document.h"
#include "engine/rules/OptionReader.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

class TableSelection {
 public:
  // Reads `tables` (t2, t3, t4; default: all). False with a located error for other names.
  bool read(OptionReader& options);
  bool includes(const std::string& table) const;

 private:
  std::vector<std::string> tables_;
};

// "表三" for t3.
std::string tableDisplayName(const std::string& table);
// The row's canonical label with its group when it has one: "（三）不予公开 1.属于国家秘密".
const std::string& rowDisplayName(const TableTemplate& t, size_t row);

}  // namespace gklint
