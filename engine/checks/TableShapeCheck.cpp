// table-shape: an official table's shape against its template. `report` selects the defect:
// missing (no table recognised in its section), rows-missing (template rows absent or the
// table cut off), value-count (a row with the wrong number of value cells; rows sharing one
// wrong count are reported once), template-mismatch (the other format's table).
#include <map>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/TableSelection.h"
#include "engine/structure/HeadingParser.h"

namespace gklint {
namespace {

enum class Mode { Missing, RowsMissing, ValueCount, TemplateMismatch };

// Rows sharing one wrong count: at least this many are reported as one finding.
constexpr size_t kAggregateRows = 3;

std::string formatName(TemplateId id) {
  return id == TemplateId::Gov2021 ? "2021年格式（国办公开办函〔2021〕30号）" : "试行格式（国办公开办函〔2019〕60号）";
}

class TableShapeCheck final : public Check {
 public:
  TableShapeCheck(RuleInfo info, Mode mode, TableSelection tables) : Check(std::move(info)), mode_(mode), tables_(std::move(tables)) {}

  void run(CheckContext& ctx) const override {
    for (const BoundTable& t : ctx.doc().boundTables) {
      if (!tables_.includes(t.table)) continue;
      switch (mode_) {
        case Mode::Missing: reportMissing(ctx, t); break;
        case Mode::RowsMissing: reportRowsMissing(ctx, t); break;
        case Mode::ValueCount: reportValueCount(ctx, t); break;
        case Mode::TemplateMismatch: reportMismatch(ctx, t); break;
      }
    }
  }

 private:
  // "表三“（七）总计”" or, for the unlabeled data row of 表四, "表四数据行".
  static std::string rowName(const BoundTable& t, size_t row) {
    if (t.tmpl->rows[row].label.empty()) return tableDisplayName(t.table) + "数据行";
    return tableDisplayName(t.table) + "“" + rowDisplayName(*t.tmpl, row) + "”";
  }

  static MessageArgs args(const BoundTable& t, std::string detail) {
    return {{"table", tableDisplayName(t.table)}, {"detail", std::move(detail)}};
  }

  void reportMissing(CheckContext& ctx, const BoundTable& t) const {
    if (t.boundRows > 0) return;
    ctx.report(t.anchor, args(t, t.regionFound ? "该部分的表格无法与" + tableDisplayName(t.table) + "模板对应（行标签均不匹配）"
                                        : "该部分没有" + tableDisplayName(t.table) + "（" + t.tmpl->title + "）"));
  }

  void reportRowsMissing(CheckContext& ctx, const BoundTable& t) const {
    if (t.boundRows == 0) return;
    size_t lastPresent = 0;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      if (t.rows[i].present) lastPresent = i;
    }
    std::vector<size_t> missing;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      if (!t.rows[i].present) missing.push_back(i);
    }
    if (missing.empty()) return;
    const TableTemplate& tmpl = *t.tmpl;
    const bool truncated = missing.front() > lastPresent;
    std::string detail;
    if (truncated) {
      detail = tableDisplayName(t.table) + "在“" + rowDisplayName(tmpl, lastPresent) + "”之后中断，缺少" +
               std::to_string(missing.size()) + "行（“" + rowDisplayName(tmpl, missing.front()) + "”至“" +
               rowDisplayName(tmpl, missing.back()) + "”）";
    } else {
      detail = tableDisplayName(t.table) + "缺少" + std::to_string(missing.size()) + "行：";
      for (size_t k = 0; k < missing.size() && k < 5; ++k) detail += (k ? "、" : "") + std::string("“") + rowDisplayName(tmpl, missing[k]) + "”";
      if (missing.size() > 5) detail += "等";
    }
    if (truncated) {
      const ByteSpan at = t.rows[lastPresent].labelSpan;
      ctx.report(at.empty() ? t.rows[lastPresent].span : at, args(t, detail));
      return;
    }
    // Rows missing inside the table: at the row that follows the first gap, with the rows
    // that follow the other gaps as related locations.
    Finding& f = ctx.report(labelOf(t, nextPresent(t, missing.front())), args(t, detail));
    for (size_t k = 1; k < missing.size(); ++k) {
      const size_t next = nextPresent(t, missing[k]);
      if (next == nextPresent(t, missing[k - 1])) continue;  // the same gap
      if (next >= t.rows.size()) {
        // The table also stops early: the remaining missing rows all follow the last present one.
        f.related.push_back({labelOf(t, lastPresent), "此行之后缺少“" + rowDisplayName(tmpl, missing[k]) + "”"});
        break;
      }
      f.related.push_back({labelOf(t, next), "此行之前缺少“" + rowDisplayName(tmpl, missing[k]) + "”"});
    }
  }

  // The first present row after `row`; t.rows.size() when none follows (the table stops early).
  static size_t nextPresent(const BoundTable& t, size_t row) {
    size_t next = row + 1;
    while (next < t.rows.size() && !t.rows[next].present) ++next;
    return next;
  }

  static ByteSpan labelOf(const BoundTable& t, size_t row) {
    return t.rows[row].labelSpan.empty() ? t.rows[row].span : t.rows[row].labelSpan;
  }

  void reportValueCount(CheckContext& ctx, const BoundTable& t) const {
    std::map<size_t, std::vector<size_t>> byCount;  // wrong count → rows
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const BoundRow& r = t.rows[i];
      if (r.present && !r.countMatches()) byCount[r.cells.size()].push_back(i);
    }
    for (const auto& [count, rows] : byCount) {
      const BoundRow& first = t.rows[rows.front()];
      const ByteSpan at = first.labelSpan.empty() ? first.span : first.labelSpan;
      std::string detail;
      if (rows.size() >= kAggregateRows) {
        detail = tableDisplayName(t.table) + "有" + std::to_string(rows.size()) + "行只有" + std::to_string(count) +
                 "个数值单元格，应为" + std::to_string(first.expectedCells) + "个（表格缺列或串列，无法核对勾稽关系）";
      } else {
        detail = rowName(t, rows.front()) + "有" + std::to_string(count) + "个数值单元格，应为" +
                 std::to_string(first.expectedCells) + "个";
      }
      Finding& f = ctx.report(at, args(t, detail));
      for (size_t k = 1; k < rows.size(); ++k) {
        const BoundRow& r = t.rows[rows[k]];
        f.related.push_back({r.labelSpan.empty() ? r.span : r.labelSpan, rowDisplayName(*t.tmpl, rows[k])});
      }
      if (rows.size() < kAggregateRows) {
        for (size_t k = 1; k < rows.size(); ++k) {
          const BoundRow& r = t.rows[rows[k]];
          ctx.report(r.labelSpan.empty() ? r.span : r.labelSpan,
                     args(t, rowName(t, rows[k]) + "有" + std::to_string(count) + "个数值单元格，应为" +
                                 std::to_string(r.expectedCells) + "个"));
        }
      }
    }
  }

  void reportMismatch(CheckContext& ctx, const BoundTable& t) const {
    if (!t.betterTemplate) return;
    ctx.report(t.anchor, args(t, tableDisplayName(t.table) + "使用的是" + formatName(t.betterTemplate->reportTemplate) +
                                     "，" + std::to_string(ctx.doc().year) + "年度报告应使用" +
                                     formatName(ctx.doc().templateId)));
  }

  Mode mode_;
  TableSelection tables_;
};

}  // namespace

std::unique_ptr<Check> createTableShapeCheck(RuleInfo info, OptionReader& options) {
  const std::string mode = options.string("report", "");
  Mode m;
  if (mode == "missing") m = Mode::Missing;
  else if (mode == "rows-missing") m = Mode::RowsMissing;
  else if (mode == "value-count") m = Mode::ValueCount;
  else if (mode == "template-mismatch") m = Mode::TemplateMismatch;
  else {
    options.error("report", "'report' must be missing, rows-missing, value-count or template-mismatch");
    return nullptr;
  }
  TableSelection tables;
  if (!tables.read(options)) return nullptr;
  return std::make_unique<TableShapeCheck>(std::move(info), m, std::move(tables));
}

}  // namespace gklint
