// table-cells: the value cells of the official tables. `report` selects the defect: blank
// (nothing written where 0 is expected; a column blank in every row is reported once),
// non-numeric ("/", "—", "无", text), bad-number (negative, fractional or otherwise outside
// the cell's value domain), unit (an amount stated in 元 where the template wants 万元).
#include <re2/re2.h>

#include <optional>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/TableSelection.h"
#include "engine/tables/LabelText.h"
#include "engine/text/Decimal.h"

namespace gklint {
namespace {

enum class Mode { Blank, NonNumeric, BadNumber, Unit };

// The number of digits of a cell written as a plain number too long to be one ("99999…" of
// more than kMaxDecimalDigits digits, separators and a point allowed); 0 for any other text.
size_t overlongDigits(std::string_view text) {
  size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != ',' && c != '.') return 0;
  }
  return digits > kMaxDecimalDigits ? digits : 0;
}

class TableCellsCheck final : public Check {
 public:
  TableCellsCheck(RuleInfo info, Mode mode, TableSelection tables) : Check(std::move(info)), mode_(mode), tables_(std::move(tables)) {}

  void run(CheckContext& ctx) const override {
    for (const BoundTable& t : ctx.doc().boundTables) {
      if (!tables_.includes(t.table) || !t.tmpl) continue;
      switch (mode_) {
        case Mode::Blank: reportBlank(ctx, t); break;
        case Mode::NonNumeric:
        case Mode::BadNumber: reportCells(ctx, t); break;
        case Mode::Unit: reportUnit(ctx, t); break;
      }
    }
  }

 private:
  struct CellRef {
    size_t row;
    std::string_view column;  // key, owned by the template
    const BoundCell* cell;
  };

  // Every value cell whose position is known (rows with the right number of cells), as
  // BoundTable::cell finds them.
  static std::vector<CellRef> cells(const BoundTable& t) {
    std::vector<CellRef> out;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const BoundRow& row = t.rows[i];
      if (!row.present || !row.countMatches()) continue;
      const std::vector<std::string>& keys = t.tmpl->columnsOf(t.tmpl->rows[i]);
      for (size_t k = 0; k < keys.size(); ++k) out.push_back({i, keys[k], &row.cells[k]});
    }
    return out;
  }

  static std::string columnName(const BoundTable& t, std::string_view key) {
    const int c = t.tmpl->columnIndex(key);
    return c < 0 ? std::string(key) : t.tmpl->columns[static_cast<size_t>(c)].label;
  }

  static std::string where(const BoundTable& t, const CellRef& ref) {
    const bool singleColumn = t.tmpl->columnsOf(t.tmpl->rows[ref.row]).size() == 1;
    if (t.tmpl->rows[ref.row].label.empty()) return tableDisplayName(t.table) + "“" + columnName(t, ref.column) + "”";
    std::string s = tableDisplayName(t.table) + "“" + rowDisplayName(*t.tmpl, ref.row) + "”";
    if (!singleColumn || t.tmpl->rows[ref.row].label.empty()) s += "“" + columnName(t, ref.column) + "”";
    return s;
  }

  // Filling in 0 is right when every other cell of the cell's row and column is 0 or blank:
  // each relation sums cells of one row or one column, so all of them then hold.
  static bool zeroIsRight(const BoundTable& t, const CellRef& ref) {
    if (ref.cell->synthetic) return false;
    auto zeroOrBlank = [](const BoundCell* c) {
      return !c || c->state == CellState::Blank || (c->state == CellState::Number && c->value == 0);
    };
    for (const BoundCell& c : t.rows[ref.row].cells) {
      if (!zeroOrBlank(&c)) return false;
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (!zeroOrBlank(t.cell(r, ref.column))) return false;
    }
    return true;
  }

  static std::optional<Fix> zeroFix(const BoundTable& t, const std::vector<const CellRef*>& refs) {
    Fix fix{"填入0", {}, true};
    for (const CellRef* ref : refs) {
      if (!zeroIsRight(t, *ref)) return std::nullopt;
      fix.edits.push_back({ref->cell->span, "0"});
    }
    return fix;
  }

  void reportBlank(CheckContext& ctx, const BoundTable& t) const {
    const std::vector<CellRef> all = cells(t);
    // Columns blank in every row that has them (three at least): one finding per column.
    const size_t columnCount = t.tmpl->columns.size();
    std::vector<int> columnOf(all.size());
    std::vector<size_t> total(columnCount), blank(columnCount);
    for (size_t k = 0; k < all.size(); ++k) {
      columnOf[k] = t.tmpl->columnIndex(all[k].column);
      if (columnOf[k] < 0) continue;
      ++total[static_cast<size_t>(columnOf[k])];
      blank[static_cast<size_t>(columnOf[k])] += all[k].cell->state == CellState::Blank;
    }
    std::vector<bool> wholeColumn(columnCount);
    for (size_t c = 0; c < columnCount; ++c) {
      wholeColumn[c] = total[c] >= 3 && blank[c] == total[c];
      if (!wholeColumn[c]) continue;
      const std::string& key = t.tmpl->columns[c].key;
      std::vector<const CellRef*> column;
      for (size_t k = 0; k < all.size(); ++k) {
        if (columnOf[k] == static_cast<int>(c)) column.push_back(&all[k]);
      }
      const CellRef* first = column.front();
      Finding& f = ctx.report(first->cell->span,
                              {{"cell", tableDisplayName(t.table) + "“" + columnName(t, key) + "”列"},
                               {"detail", tableDisplayName(t.table) + "“" + columnName(t, key) + "”列" +
                                              std::to_string(column.size()) + "个单元格全部空白，没有发生的应填0"}});
      for (const CellRef* ref : column) {
        if (ref != first) f.related.push_back({ref->cell->span, rowDisplayName(*t.tmpl, ref->row)});
      }
      f.fix = zeroFix(t, column);
    }
    for (size_t k = 0; k < all.size(); ++k) {
      const CellRef& ref = all[k];
      if (ref.cell->state != CellState::Blank) continue;
      if (columnOf[k] >= 0 && wholeColumn[static_cast<size_t>(columnOf[k])]) continue;
      Finding& f = ctx.report(ref.cell->span, {{"cell", where(t, ref)}, {"detail", where(t, ref) + "为空，没有发生的应填0"}});
      f.fix = zeroFix(t, {&ref});
    }
  }

  void reportCells(CheckContext& ctx, const BoundTable& t) const {
    for (const CellRef& ref : cells(t)) {
      const BoundCell& c = *ref.cell;
      if (mode_ == Mode::NonNumeric) {
        if (c.state != CellState::Dash && c.state != CellState::Text) continue;
        if (const size_t digits = overlongDigits(c.text)) {
          ctx.report(c.span, {{"cell", where(t, ref)},
                              {"detail", where(t, ref) + "填写了" + std::to_string(digits) + "位数字“" +
                                             c.text.substr(0, 6) + "…”，超出可核对的数值（最多" +
                                             std::to_string(kMaxDecimalDigits) + "位）"}});
          continue;
        }
        ctx.report(c.span, {{"cell", where(t, ref)},
                            {"detail", where(t, ref) + "填写了“" + c.text + "”，应填写阿拉伯数字" +
                                           (c.state == CellState::Dash ? "（没有发生的填0）" : "（说明文字请写在表外）")}});
        continue;
      }
      if (c.state != CellState::Number) continue;
      const ValueDomain domain = t.tmpl->domainOf(t.tmpl->rows[ref.row], ref.column);
      std::string problem;
      if (c.negative && domain != ValueDomain::SignedCount) problem = "不能为负数";
      else if (!c.integer && domain != ValueDomain::Amount) problem = "应为整数";
      if (problem.empty()) continue;
      ctx.report(c.span, {{"cell", where(t, ref)}, {"detail", where(t, ref) + "为“" + c.text + "”，" + problem}});
    }
  }

  void reportUnit(CheckContext& ctx, const BoundTable& t) const {
    static const RE2 yuanHeader(R"(单位[:：]?元)");
    static const RE2 yuanCell(R"(^[0-9.,，]+元$)");
    const std::string region = normalizeLabel(ctx.textOf(t.span));
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const TemplateRow& row = t.tmpl->rows[i];
      if (row.unit != "万元" || !t.rows[i].present) continue;
      const CellRef ref{i, t.tmpl->columnsOf(row).front(), nullptr};
      for (const BoundCell& c : t.rows[i].cells) {
        if (RE2::FullMatch(c.text, yuanCell)) {
          ctx.report(c.span, {{"cell", where(t, ref)}, {"detail", where(t, ref) + "写作“" + c.text + "”，金额单位应为万元"}});
        }
      }
      if (RE2::PartialMatch(region, yuanHeader)) {
        ctx.report(t.rows[i].labelSpan, {{"cell", where(t, ref)}, {"detail", where(t, ref) + "的单位写作“元”，应为“万元”"}});
      }
    }
  }

  Mode mode_;
  TableSelection tables_;
};

}  // namespace

std::unique_ptr<Check> createTableCellsCheck(RuleInfo info, OptionReader& options) {
  const std::string mode = options.string("report", "");
  Mode m;
  if (mode == "blank") m = Mode::Blank;
  else if (mode == "non-numeric") m = Mode::NonNumeric;
  else if (mode == "bad-number") m = Mode::BadNumber;
  else if (mode == "unit") m = Mode::Unit;
  else {
    options.error("report", "'report' must be blank, non-numeric, bad-number or unit");
    return nullptr;
  }
  TableSelection tables;
  if (!tables.read(options)) return nullptr;
  return std::make_unique<TableCellsCheck>(std::move(info), m, std::move(tables));
}

}  // namespace gklint
