// CellRelations: the bound table cell at a byte offset, and the relation rules of a rule set
// that involve it, evaluated — for tools that explain a cell (the language server's hover).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/Document.h"
#include "engine/rules/RuleInfo.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/tables/Relation.h"

namespace gklint {

// A value cell of a bound table. Pointers into the Document (and its templates): valid while
// it and its RuleSet live.
struct BoundCellRef {
  const BoundTable* table = nullptr;
  size_t row = 0;            // index into table->rows and table->tmpl->rows
  std::string column;        // template column key; "" when the row's cell count is wrong
  const BoundCell* cell = nullptr;
};

// The value cell whose span holds byte `offset` (a blank cell: its empty span at `offset`).
// Nothing for labels, headers, prose, and synthetic cells the source never wrote.
std::optional<BoundCellRef> boundCellAt(const Document& doc, uint32_t offset);

// One relation a cell takes part in, evaluated where the cell is (its column for per-column
// relations, its row for per-row ones).
struct CellRelation {
  const RuleInfo* rule = nullptr;   // owned by the RuleSet
  const RelationExpr* expr = nullptr;
  std::string at;                   // the column or row key evaluated; "" for once-per-table
  RelationResult result;            // known: every referenced cell holds a number
};

// The relations of the rules in `rules` that apply to `doc` and whose sides name the cell, in
// rule order. Relations whose `when` condition does not hold there are left out; relations
// that cannot be evaluated (a blank or non-numeric cell on either side) are left out too,
// since which cells they would name is not known. Pure.
std::vector<CellRelation> relationsOfCell(const RuleSet& rules, const Document& doc, const BoundCellRef& cell);

}  // namespace gklint
