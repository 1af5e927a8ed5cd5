// The hover of a value cell in an official table (declared in lsp/Hover.h): its table, template
// row and column, what it holds, and each relation it takes part in with both sides' numbers.
#include <cmath>
#include <sstream>

#include "engine/checks/TableSelection.h"
#include "engine/ruleset/CellRelations.h"
#include "engine/tables/TableTemplate.h"
#include "lsp/Hover.h"

namespace gklint::lsp {
namespace {

std::string formatNumber(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

std::string_view trimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The two sides of a relation as written ("R24", "sum(leaves)"), split at its comparison.
std::pair<std::string, std::string> sidesOf(const std::string& text) {
  for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
    const size_t at = text.find(op);
    if (at == std::string::npos) continue;
    return {std::string(trimSpaces(std::string_view(text).substr(0, at))),
            std::string(trimSpaces(std::string_view(text).substr(at + op.size())))};
  }
  return {text, ""};
}

std::string cellState(const BoundCell& cell) {
  switch (cell.state) {
    case CellState::Number: return "数值 " + formatNumber(cell.value);
    case CellState::Blank: return "空白（未填写，不计为0；涉及它的勾稽关系不核对）";
    case CellState::Dash: return "“" + cell.text + "”（写明不适用，不是数值）";
    case CellState::Text: return "文字“" + cell.text + "”（不是数值）";
  }
  return "";
}

struct Line {
  std::string markdown, plaintext;
};

}  // namespace

std::vector<HoverSection> tableCellHover(const DocumentAnalysis& analysis, uint32_t offset) {
  if (!analysis.document || !analysis.rules) return {};
  const std::optional<BoundCellRef> ref = boundCellAt(*analysis.document, offset);
  if (!ref) return {};
  const BoundTable& table = *ref->table;
  const TableTemplate& tmpl = *table.tmpl;
  const TemplateRow& row = tmpl.rows[ref->row];
  const BoundRow& bound = table.rows[ref->row];
  const std::string tableName = tableDisplayName(table.table);
  const std::string rowName = row.label.empty() ? "数据行" : rowDisplayName(tmpl, ref->row);

  std::vector<Line> lines;
  std::string columnName;
  if (!ref->column.empty()) {
    columnName = tmpl.columns[static_cast<size_t>(tmpl.columnIndex(ref->column))].label;
  }
  Line head;
  head.markdown = "**" + tableName + " · " + rowName + (columnName.empty() ? "" : " · " + columnName) + "**";
  head.plaintext = tableName + " · " + rowName + (columnName.empty() ? "" : " · " + columnName);
  lines.push_back(head);

  Line where;
  where.markdown = "行 `" + row.key + "` “" + row.label + "”";
  where.plaintext = "行 " + row.key + " “" + row.label + "”";
  if (!bound.label.empty() && bound.labelIsVariant) {
    where.markdown += "（报告中写作“" + bound.label + "”）";
    where.plaintext += "（报告中写作“" + bound.label + "”）";
  }
  if (!ref->column.empty()) {
    where.markdown += " · 列 `" + ref->column + "` “" + columnName + "”";
    where.plaintext += " · 列 " + ref->column + " “" + columnName + "”";
  } else {
    const std::string counts = "列无法确定：该行有" + std::to_string(bound.cells.size()) + "个数值单元格，应为" +
                               std::to_string(bound.expectedCells) + "个";
    where.markdown += " · " + counts;
    where.plaintext += " · " + counts;
  }
  where.markdown += " · 模板 " + tmpl.id;
  where.plaintext += " · 模板 " + tmpl.id;
  lines.push_back(where);

  const std::string state = "单元格：" + cellState(*ref->cell);
  lines.push_back({state, state});

  const std::vector<CellRelation> relations = relationsOfCell(*analysis.rules, *analysis.document, *ref);
  if (!relations.empty()) lines.push_back({"勾稽关系：", "勾稽关系："});
  for (const CellRelation& relation : relations) {
    const auto [lhs, rhs] = sidesOf(relation.expr->text);
    const std::string numbers = lhs + " = " + formatNumber(relation.result.lhs) + "；" + rhs + " = " +
                                formatNumber(relation.result.rhs) + " " + (relation.result.holds ? "✓" : "✗");
    Line line;
    line.markdown = "- " + numbers + " — `" + relation.expr->text + "` · `" + relation.rule->id + "`";
    line.plaintext = "- " + numbers + " — " + relation.expr->text + " · " + relation.rule->id;
    lines.push_back(line);
  }

  HoverSection section;
  section.span = ref->cell->span;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool list = lines[i].markdown.rfind("- ", 0) == 0;
    if (i > 0) {
      section.markdown += list ? "\n" : "\n\n";
      section.plaintext += "\n";
    }
    section.markdown += lines[i].markdown;
    section.plaintext += lines[i].plaintext;
  }
  return {section};
}

}  // namespace gklint::lsp
