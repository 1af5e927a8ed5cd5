#include "cli/ReportedTables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/ruleset/CellRelations.h"
#include "engine/tables/TableTemplate.h"

namespace gklint::cli {
namespace {

const char* stateName(CellState s) {
  switch (s) {
    case CellState::Number: return "number";
    case CellState::Blank: return "blank";
    case CellState::Dash: return "dash";
    case CellState::Text: return "text";
  }
  return "text";
}

const char* comparisonBroken(Comparison c) {  // what is written when the comparison fails
  switch (c) {
    case Comparison::Equal: return "≠";
    case Comparison::NotEqual: return "=";
    case Comparison::Less: return "≥";
    case Comparison::LessEqual: return ">";
    case Comparison::Greater: return "≤";
    case Comparison::GreaterEqual: return "<";
  }
  return "≠";
}

std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// One side of a relation: its cell's name when it is one cell, else "N项之和".
std::string sideName(const BoundTable& table, const std::vector<CellUse>& cells, const std::string& at) {
  if (cells.size() != 1) return std::to_string(cells.size()) + "项之和";
  const CellUse& use = cells.front();
  const bool dataRow = table.tmpl->rows[use.row].dataRow;  // 表四's one row: its columns name it
  std::string name = dataRow || table.tmpl->rows[use.row].key == at ? std::string() : table.tmpl->displayNameOf(use.row);
  if (use.column != at) {  // a per-row relation names columns; a single cell names both
    const int column = table.tmpl->columnIndex(use.column);
    if (column >= 0) {
      if (!name.empty()) name += "·";
      name += table.tmpl->columns[static_cast<size_t>(column)].label;
    }
  }
  return name;
}

}  // namespace

std::vector<ReportedTable> reportedTables(const Document& doc, const Source& source, const RuleSet& rules,
                                          const std::vector<Finding>& findings) {
  // Which cells each finding names: its own span and its related spans.
  std::map<const BoundCell*, std::set<std::string>> flagged, related;
  std::map<const BoundCell*, BoundCellRef> flaggedRefs;
  std::map<const BoundCell*, std::set<std::string>> arithRules;
  for (const Finding& f : findings) {
    if (auto ref = boundCellAt(doc, f.span.begin)) {
      flagged[ref->cell].insert(f.ruleId);
      flaggedRefs.emplace(ref->cell, *ref);
      if (f.ruleId.rfind("arith/", 0) == 0) arithRules[ref->cell].insert(f.ruleId);
    }
    for (const RelatedSpan& r : f.related) {
      if (auto ref = boundCellAt(doc, r.span.begin)) related[ref->cell].insert(f.ruleId);
    }
  }
  std::vector<ReportedTable> out;
  for (const BoundTable& t : doc.boundTables) {
    ReportedTable table;
    table.table = t.table;
    table.title = t.tmpl->title;
    table.line = static_cast<int>(source.position(t.anchor.begin, ColumnUnit::CodePoints).line) + 1;
    for (const TemplateColumn& c : t.tmpl->columns) table.columns.emplace_back(c.key, c.label);
    std::set<std::string> brokenSeen;
    for (size_t row = 0; row < t.rows.size(); ++row) {
      const BoundRow& r = t.rows[row];
      const TemplateRow& tr = t.tmpl->rows[row];
      ReportedTableRow shown;
      shown.key = tr.key;
      shown.label = t.tmpl->displayNameOf(row);
      shown.present = r.present;
      shown.expectedCells = r.expectedCells;
      if (r.present) shown.line = static_cast<int>(source.position(r.span.begin, ColumnUnit::CodePoints).line) + 1;
      for (size_t i = 0; i < r.cells.size(); ++i) {
        const BoundCell& c = r.cells[i];
        ReportedCell cell;
        if (r.countMatches() && i < tr.columnKeys.size()) cell.column = tr.columnKeys[i];
        cell.text = c.text;
        cell.state = stateName(c.state);
        if (!c.synthetic) {
          const Position p = source.position(c.span.begin, ColumnUnit::CodePoints);
          cell.line = static_cast<int>(p.line) + 1;
          cell.column1 = static_cast<int>(p.column) + 1;
        }
        if (auto it = flagged.find(&c); it != flagged.end()) cell.flaggedBy.assign(it->second.begin(), it->second.end());
        if (auto it = related.find(&c); it != related.end()) cell.relatedTo.assign(it->second.begin(), it->second.end());
        if (auto it = arithRules.find(&c); it != arithRules.end()) {
          for (const CellRelation& rel : relationsOfCell(rules, doc, flaggedRefs.at(&c))) {
            if (!rel.result.known || rel.result.holds || !it->second.count(rel.rule->id)) continue;
            std::string where;  // the column or row the relation was evaluated at
            if (const int column = t.tmpl->columnIndex(rel.at); column >= 0) {
              where = "“" + t.tmpl->columns[static_cast<size_t>(column)].label + "”列：";
            } else if (const int at = t.tmpl->rowIndex(rel.at); at >= 0 && !t.tmpl->rows[static_cast<size_t>(at)].dataRow) {
              where = "“" + t.tmpl->displayNameOf(static_cast<size_t>(at)) + "”行：";
            }
            const std::string text = where + sideName(t, rel.result.lhsCells, rel.at) + " " + number(rel.result.lhs) + " " +
                                     comparisonBroken(rel.expr->comparison) + " " +
                                     sideName(t, rel.result.rhsCells, rel.at) + " " + number(rel.result.rhs);
            if (brokenSeen.insert(rel.rule->id + "\n" + text).second) table.broken.push_back({rel.rule->id, text});
          }
        }
        shown.cells.push_back(std::move(cell));
      }
      table.rows.push_back(std::move(shown));
    }
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace gklint::cli
