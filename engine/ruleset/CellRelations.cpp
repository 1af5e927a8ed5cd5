#include "engine/ruleset/CellRelations.h"

#include <algorithm>

#include "engine/tables/RelationRule.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

std::optional<BoundCellRef> boundCellAt(const Document& doc, uint32_t offset) {
  for (const BoundTable& table : doc.boundTables) {
    if (!table.tmpl || !(table.span.contains(offset) || table.span.end == offset)) continue;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const BoundRow& row = table.rows[r];
      if (!row.present) continue;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const BoundCell& cell = row.cells[c];
        if (cell.synthetic) continue;
        const bool here = cell.span.contains(offset) || (cell.span.empty() && cell.span.begin == offset) ||
                          (!cell.span.empty() && cell.span.end == offset);
        if (!here) continue;
        BoundCellRef ref{&table, r, "", &cell};
        const std::vector<std::string>& columns = table.tmpl->columnsOf(table.tmpl->rows[r]);
        if (row.countMatches() && c < columns.size()) ref.column = columns[c];
        return ref;
      }
    }
  }
  return std::nullopt;
}

std::vector<CellRelation> relationsOfCell(const RuleSet& rules, const Document& doc, const BoundCellRef& cell) {
  std::vector<CellRelation> out;
  if (!cell.table || !cell.table->tmpl || cell.column.empty()) return out;
  const TableTemplate& tmpl = *cell.table->tmpl;
  for (const auto& check : rules.checks) {
    const auto* source = dynamic_cast<const RelationRuleSource*>(check.get());
    if (source == nullptr) continue;
    const RelationRule& rule = source->relationRule();
    if (rule.table != cell.table->table || !check->info().applies.matches(doc)) continue;
    std::string at;
    if (rule.axis == RelationAxis::PerColumn) at = cell.column;
    else if (rule.axis == RelationAxis::PerRow) at = tmpl.rows[cell.row].key;
    if (rule.when) {
      const RelationResult condition = evaluateRelation(*rule.when, rule.axis, *cell.table, at);
      if (!condition.known || !condition.holds) continue;
    }
    for (const RelationExpr& expr : rule.asserts) {
      RelationResult result = evaluateRelation(expr, rule.axis, *cell.table, at);
      if (!result.known) continue;
      auto isCell = [&](const CellUse& use) { return use.cell == cell.cell; };
      if (std::none_of(result.lhsCells.begin(), result.lhsCells.end(), isCell) &&
          std::none_of(result.rhsCells.begin(), result.rhsCells.end(), isCell)) {
        continue;
      }
      out.push_back({&check->info(), &expr, at, std::move(result)});
    }
  }
  return out;
}

}  // namespace gklint
