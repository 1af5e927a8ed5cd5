// Relation: arithmetic over template cells ("R01 + R02 == R24 + R25", "C7 == sum(applicants)",
// "R01.C3 == 0"), parsed once when rules load and evaluated against bound tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/BoundTable.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

// What a key in the expression names: rows (evaluated once per column), columns (once per
// row), or both as ROW.COLUMN (evaluated once).
enum class RelationAxis { PerColumn, PerRow, Once };

enum class Comparison { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

// One operand: a number, a key, or sum(...) of keys / a named range / KEY..KEY.
struct RelationTerm {
  int sign = 1;
  double number = 0;
  bool isNumber = false;
  std::vector<std::string> keys;  // one key, "R01.C3", or the keys of a sum
  std::string range;              // a named range resolved per template; empty if none
  std::string rangeFrom, rangeTo; // KEY..KEY resolved per template
};

struct RelationExpr {
  std::vector<RelationTerm> lhs, rhs;
  Comparison comparison = Comparison::Equal;
  std::string text;  // as written
};

// Parses `text`; on failure returns nothing and sets `error` to what is wrong and where
// (a 0-based character offset into the text).
std::optional<RelationExpr> parseRelation(std::string_view text, std::string& error, size_t& errorOffset);

// A known cell taking part in an evaluation.
struct CellUse {
  size_t row = 0;
  std::string column;
  const BoundCell* cell = nullptr;
};

struct RelationResult {
  bool known = false;   // every referenced cell holds a number
  bool holds = true;
  double lhs = 0, rhs = 0;
  std::vector<CellUse> lhsCells, rhsCells;
};

// Evaluates `expr` over `table` at one position of the axis: `at` is the column key
// (PerColumn), the row key (PerRow) or unused (Once). Unknown (known == false) when a cell
// is absent, blank, not a number, or its row has the wrong number of cells.
RelationResult evaluateRelation(const RelationExpr& expr, RelationAxis axis, const BoundTable& table,
                                const std::string& at);

// A relation resolved against one template once (keys, ranges and cell positions), so that
// evaluating it for each report is index arithmetic. evaluate() gives exactly what
// evaluateRelation gives for a table bound to the same template.
class CompiledRelation {
 public:
  CompiledRelation(const RelationExpr& expr, RelationAxis axis, const TableTemplate& tmpl);

  const TableTemplate& tmpl() const { return *tmpl_; }
  // The positions of the axis, in evaluation order: column keys (PerColumn), row keys
  // (PerRow) or a single "" (Once).
  size_t positionCount() const { return positions_.size(); }
  const std::string& positionKey(size_t position) const { return positions_[position].key; }
  RelationResult evaluate(const BoundTable& table, size_t position) const;

 private:
  struct Operand {
    bool isNumber = false;
    double number = 0;         // sign applied
    int sign = 1;
    size_t row = 0;            // template row
    size_t cell = 0;           // index among the row's value cells
    std::string column;        // column key
  };
  struct Position {
    std::string key;
    bool applicable = true;    // every key resolves to a cell this row/column has
    std::vector<Operand> lhs, rhs;
  };
  const TableTemplate* tmpl_;
  Comparison comparison_;
  std::vector<Position> positions_;
};

// The keys the expression names that `tmpl` lacks (ranges resolved), for validation.
std::vector<std::string> unknownKeys(const RelationExpr& expr, RelationAxis axis, const TableTemplate& tmpl);

}  // namespace gklint
