// carry-over: a row of this year's table continues a row of last year's report of the same
// body, column by column — this year's 上年结转 (R02) is last year's 结转下年度继续办理 (R25).
// Runs only when the previous report is given (gklint check --previous FILE).
#include <cmath>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/TableSelection.h"

namespace gklint {
namespace {

class CarryOverCheck final : public Check {
 public:
  CarryOverCheck(RuleInfo info, std::string table, std::string row, std::string previousRow)
      : Check(std::move(info)), table_(std::move(table)), row_(std::move(row)), previousRow_(std::move(previousRow)) {}

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    if (!doc.previous) return;
    const BoundTable* now = doc.boundTable(table_);
    const BoundTable* before = doc.previous->boundTable(table_);
    if (!now || !before || !now->tmpl || !before->tmpl) return;
    const int row = now->tmpl->rowIndex(row_);
    const int previousRow = before->tmpl->rowIndex(previousRow_);
    if (row < 0 || previousRow < 0) return;
    for (const TemplateColumn& column : now->tmpl->columns) {
      const BoundCell* cell = now->cell(static_cast<size_t>(row), column.key);
      const BoundCell* last = before->cell(static_cast<size_t>(previousRow), column.key);
      if (!cell || !last || cell->state != CellState::Number || last->state != CellState::Number) continue;
      if (std::fabs(cell->value - last->value) < 1e-9) continue;
      ctx.report(cell->span, {{"column", column.label},
                              {"value", cell->text},
                              {"previous", last->text},
                              {"previous_year", doc.previous->year > 0 ? std::to_string(doc.previous->year) : "上一"},
                              {"table", tableDisplayName(table_)}});
    }
  }

 private:
  std::string table_, row_, previousRow_;
};

}  // namespace

std::unique_ptr<Check> createCarryOverCheck(RuleInfo info, OptionReader& options) {
  const std::string table = options.requiredString("table").value_or("");
  const std::string row = options.requiredString("row").value_or("");
  const std::string previous = options.requiredString("previous_row").value_or("");
  if (table.empty() || row.empty() || previous.empty()) return nullptr;
  return std::make_unique<CarryOverCheck>(std::move(info), table, row, previous);
}

}  // namespace gklint
