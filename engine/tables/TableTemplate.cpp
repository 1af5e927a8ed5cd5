#include "engine/tables/TableTemplate.h"

#include <algorithm>

#include "engine/tables/LabelText.h"
#include "engine/text/Trim.h"

namespace gklint {

std::string_view valueDomainName(ValueDomain domain) {
  switch (domain) {
    case ValueDomain::Count: return "count";
    case ValueDomain::SignedCount: return "signed";
    case ValueDomain::Amount: return "amount";
  }
  return "count";
}

int TableTemplate::rowIndex(std::string_view key) const {
  if (!rowByKey.empty()) {
    auto it = rowByKey.find(std::string(key));
    return it == rowByKey.end() ? -1 : it->second;
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

int TableTemplate::columnIndex(std::string_view key) const {
  if (!columnByKey.empty()) {
    auto it = columnByKey.find(std::string(key));
    return it == columnByKey.end() ? -1 : it->second;
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

std::string TableTemplate::displayNameOf(size_t row) const {
  // Walk back to the row's group label, if any.
  std::string group;
  for (size_t i = row + 1; i-- > 0;) {
    if (!rows[i].group.empty()) {
      group = rows[i].group;
      break;
    }
    const std::string& label = rows[i].label;
    if (!label.empty() && (label.rfind("（", 0) == 0 || label.rfind("一、", 0) == 0 || label.rfind("二、", 0) == 0 ||
                           label.rfind("四、", 0) == 0)) {
      break;  // a top-level row: no group
    }
  }
  const std::string& label = rows[row].label;
  if (label.empty()) return title;
  if (!group.empty() && label.rfind("（", 0) != 0) return group + label;
  return label;
}

void TableTemplate::prepare() {
  rowByKey.clear();
  columnByKey.clear();
  for (size_t i = 0; i < rows.size(); ++i) rowByKey.emplace(rows[i].key, static_cast<int>(i));
  for (size_t i = 0; i < columns.size(); ++i) columnByKey.emplace(columns[i].key, static_cast<int>(i));
  for (TemplateRow& row : rows) {
    row.columnKeys = row.columns;
    if (row.columnKeys.empty()) {
      for (const TemplateColumn& c : columns) row.columnKeys.push_back(c.key);
    }
  }
  normalizedLabels.clear();
  for (TemplateRow& row : rows) {
    row.normalizedLabel = normalizeLabel(row.label);
    row.normalizedVariants.clear();
    for (const std::string& v : row.variants) row.normalizedVariants.push_back(normalizeLabel(v));
    row.normalizedGroup = normalizeLabel(row.group);
    row.spacelessLabel = removeSpaces(row.label);
    normalizedLabels.insert(row.normalizedLabel);
  }
  for (TemplateColumn& c : columns) {
    c.normalizedLabel = normalizeLabel(c.label);
    normalizedLabels.insert(c.normalizedLabel);
  }
  for (size_t i = 0; i < rows.size(); ++i) rows[i].displayName = displayNameOf(i);
  normalizedCaptions.clear();
  for (const std::string& c : captions) normalizedCaptions.push_back(normalizeLabel(c));
}

ValueDomain TableTemplate::domainOf(const TemplateRow& row, std::string_view columnKey) const {
  if (row.domain) return *row.domain;
  const int c = columnIndex(columnKey);
  if (c >= 0 && columns[static_cast<size_t>(c)].domain) return *columns[static_cast<size_t>(c)].domain;
  return domain;
}

const TableTemplate* TemplateCatalog::find(TemplateId reportTemplate, std::string_view table) const {
  for (const TableTemplate& t : templates) {
    if (t.reportTemplate == reportTemplate && t.table == table) return &t;
  }
  return nullptr;
}

std::vector<std::string> TemplateCatalog::tableNames() const {
  std::vector<std::string> names;
  for (const TableTemplate& t : templates) {
    if (std::find(names.begin(), names.end(), t.table) == names.end()) names.push_back(t.table);
  }
  return names;
}

}  // namespace gklint
