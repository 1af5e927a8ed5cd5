// TableTemplate: one official statistical table (表二/三/四 of a format) as YAML data —
// row and column keys, canonical labels, variants, named ranges and value domains.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/model/Document.h"
#include "engine/rules/RuleDiagnostic.h"

namespace gklint {

enum class ValueDomain { Count, SignedCount, Amount };
std::string_view valueDomainName(ValueDomain domain);

struct TemplateColumn {
  std::string key;      // C1…, A1…
  std::string label;    // canonical header label
  std::optional<ValueDomain> domain;
  std::string normalizedLabel;  // normalizeLabel(label); set by prepare()
};

struct TemplateRow {
  std::string key;                    // R01…
  std::string label;                  // canonical label, e.g. "（七）总计"
  std::string group;                  // the group label printed beside the first row of a group
  std::vector<std::string> variants;  // wordings that bind but are non-standard
  std::vector<std::string> columns;   // keys of the columns this row has (empty: all)
  std::vector<std::string> columnKeys;  // resolved: `columns`, or every column's key (set when loaded)
  std::optional<ValueDomain> domain;
  std::string unit;                   // e.g. 万元
  bool dataRow = false;               // the single unlabeled data row (表四)
  // Set by prepare(): the labels as binding compares them.
  std::string normalizedLabel;                  // normalizeLabel(label)
  std::vector<std::string> normalizedVariants;  // normalizeLabel of each variant
  std::string normalizedGroup;                  // normalizeLabel(group)
  std::string spacelessLabel;                   // removeSpaces(label)
  // How messages name the row: its label, after its group's label when the label alone is
  // ambiguous ("（三）不予公开" + "1.属于国家秘密"); the table's title for an unlabeled row.
  std::string displayName;
};

struct TableTemplate {
  std::string id;              // e.g. gov-2021/t3
  std::string table;           // t2 | t3 | t4: what rules name
  TemplateId reportTemplate = TemplateId::Unknown;
  std::string section;         // outline key of the section that holds it
  std::string title;
  ValueDomain domain = ValueDomain::Count;
  std::vector<TemplateColumn> columns;
  std::vector<TemplateRow> rows;
  std::vector<std::string> captions;  // caption/header labels that are not rows (表二)
  std::map<std::string, std::vector<std::string>> ranges;  // named key lists, e.g. leaves
  SourceMark mark;
  // Filled by prepare():
  std::unordered_map<std::string, int> rowByKey, columnByKey;
  std::vector<std::string> normalizedCaptions;
  std::unordered_set<std::string> normalizedLabels;  // every row and column label, normalised

  int rowIndex(std::string_view key) const;
  int columnIndex(std::string_view key) const;
  // Column keys of row `row` (its own subset, or every column). Valid after prepare().
  const std::vector<std::string>& columnsOf(const TemplateRow& row) const { return row.columnKeys; }
  // Fills the derived fields (key indexes, each row's columnKeys, normalised labels); called
  // once the template is loaded.
  void prepare();
  std::string displayNameOf(size_t row) const;  // see TemplateRow::displayName
  ValueDomain domainOf(const TemplateRow& row, std::string_view columnKey) const;
};

struct TemplateCatalog {
  std::vector<TableTemplate> templates;
  const TableTemplate* find(TemplateId reportTemplate, std::string_view table) const;
  // Every table name (t2, t3, t4) any template defines.
  std::vector<std::string> tableNames() const;
};

}  // namespace gklint
