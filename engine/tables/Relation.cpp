#include "engine/tables/Relation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

#include "engine/text/Decimal.h"

namespace gklint {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<RelationExpr> parse(std::string& error, size_t& offset) {
    RelationExpr expr;
    expr.text = std::string(s_);
    if (!parseSum(expr.lhs) || !parseComparison(expr.comparison) || !parseSum(expr.rhs)) {
      error = error_;
      offset = pos_;
      return std::nullopt;
    }
    skip();
    if (pos_ != s_.size()) {
      error = "unexpected '" + std::string(s_.substr(pos_, 1)) + "' after the relation";
      offset = pos_;
      return std::nullopt;
    }
    return expr;
  }

 private:
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  std::string key() {
    skip();
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' || s_[pos_] == '.')) {
      if (s_[pos_] == '.' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '.') break;  // a KEY..KEY range
      ++pos_;
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  bool parseSum(std::vector<RelationTerm>& terms) {
    int sign = 1;
    skip();
    if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) sign = s_[pos_++] == '-' ? -1 : 1;
    while (true) {
      RelationTerm term;
      term.sign = sign;
      if (!parseTerm(term)) return false;
      terms.push_back(std::move(term));
      skip();
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) {
        sign = s_[pos_++] == '-' ? -1 : 1;
        continue;
      }
      return true;
    }
  }

  bool parseTerm(RelationTerm& term) {
    skip();
    if (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      const size_t start = pos_;
      while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) {
        if (s_.substr(pos_, 2) == "..") break;
        ++pos_;
      }
      const std::optional<double> number = parseDecimal(s_.substr(start, pos_ - start));
      if (!number) {
        const std::string written(s_.substr(start, pos_ - start));
        pos_ = start;
        return fail("'" + written + "' is not a number: write digits with at most one decimal point, " +
                    std::to_string(kMaxDecimalDigits) + " digits at most");
      }
      term.isNumber = true;
      term.number = *number;
      return true;
    }
    std::string name = key();
    if (name.empty()) return fail("expected a cell key (R01, C7, R01.C3), a number or sum(...)");
    skip();
    if (name != "sum") {
      term.keys.push_back(name);
      return true;
    }
    if (pos_ >= s_.size() || s_[pos_] != '(') return fail("expected '(' after sum");
    ++pos_;
    std::string first = key();
    if (first.empty()) return fail("expected a range name, KEY..KEY or a list of keys inside sum(...)");
    skip();
    if (s_.substr(pos_, 2) == "..") {
      pos_ += 2;
      term.rangeFrom = first;
      term.rangeTo = key();
      if (term.rangeTo.empty()) return fail("expected a key after '..'");
    } else if (pos_ < s_.size() && s_[pos_] == ',') {
      term.keys.push_back(first);
      while (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        std::string next = key();
        if (next.empty()) return fail("expected a key after ','");
        term.keys.push_back(next);
        skip();
      }
    } else {
      term.range = first;
    }
    skip();
    if (pos_ >= s_.size() || s_[pos_] != ')') return fail("expected ')' to close sum(");
    ++pos_;
    return true;
  }

  bool parseComparison(Comparison& c) {
    skip();
    static const std::pair<std::string_view, Comparison> ops[] = {
        {"==", Comparison::Equal}, {"!=", Comparison::NotEqual}, {"<=", Comparison::LessEqual},
        {">=", Comparison::GreaterEqual}, {"<", Comparison::Less}, {">", Comparison::Greater}};
    for (const auto& [op, value] : ops) {
      if (s_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        c = value;
        return true;
      }
    }
    return fail("expected a comparison (==, !=, <=, >=, <, >)");
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

// The keys a term names in `tmpl`, ranges resolved (into `storage` when they must be built);
// `ok` false when a range is unknown.
const std::vector<std::string>& resolveKeys(const RelationTerm& term, RelationAxis axis, const TableTemplate& tmpl, bool& ok,
                                            std::vector<std::string>& storage) {
  ok = true;
  storage.clear();
  if (!term.range.empty()) {
    auto it = tmpl.ranges.find(term.range);
    if (it == tmpl.ranges.end()) {
      ok = false;
      return storage;
    }
    return it->second;
  }
  if (!term.rangeFrom.empty()) {
    std::vector<std::string>& keys = storage;
    const bool rows = axis == RelationAxis::PerColumn;
    const int from = rows ? tmpl.rowIndex(term.rangeFrom) : tmpl.columnIndex(term.rangeFrom);
    const int to = rows ? tmpl.rowIndex(term.rangeTo) : tmpl.columnIndex(term.rangeTo);
    if (from < 0 || to < 0 || from > to) {
      ok = false;
      return storage;
    }
    for (int i = from; i <= to; ++i) keys.push_back(rows ? tmpl.rows[static_cast<size_t>(i)].key : tmpl.columns[static_cast<size_t>(i)].key);
    return keys;
  }
  return term.keys;
}

// Splits "R01.C3" (Once) or maps a key to (row, column) given the axis position.
bool locate(const std::string& key, RelationAxis axis, const TableTemplate& tmpl, const std::string& at, int& row,
            std::string& column) {
  if (axis == RelationAxis::Once) {
    const size_t dot = key.find('.');
    if (dot == std::string::npos) return false;
    row = tmpl.rowIndex(key.substr(0, dot));
    column = key.substr(dot + 1);
  } else if (axis == RelationAxis::PerColumn) {
    row = tmpl.rowIndex(key);
    column = at;
  } else {
    row = tmpl.rowIndex(at);
    column = key;
  }
  return row >= 0 && tmpl.columnIndex(column) >= 0;
}

bool compare(double a, double b, Comparison c) {
  constexpr double kEpsilon = 1e-9;
  switch (c) {
    case Comparison::Equal: return std::fabs(a - b) < kEpsilon;
    case Comparison::NotEqual: return std::fabs(a - b) >= kEpsilon;
    case Comparison::Less: return a < b - kEpsilon;
    case Comparison::LessEqual: return a <= b + kEpsilon;
    case Comparison::Greater: return a > b + kEpsilon;
    case Comparison::GreaterEqual: return a >= b - kEpsilon;
  }
  return true;
}

// Sums one side; false when a referenced cell is unknown or the side names a column/row the
// position does not have (the relation then does not apply here).
bool sumSide(const std::vector<RelationTerm>& terms, RelationAxis axis, const BoundTable& table, const std::string& at,
             double& total, std::vector<CellUse>& uses, bool& applicable) {
  total = 0;
  for (const RelationTerm& term : terms) {
    if (term.isNumber) {
      total += term.sign * term.number;
      continue;
    }
    bool ok = true;
    std::vector<std::string> storage;
    for (const std::string& key : resolveKeys(term, axis, *table.tmpl, ok, storage)) {
      int row = -1;
      std::string column;
      if (!locate(key, axis, *table.tmpl, at, row, column)) {
        applicable = false;
        return false;
      }
      const std::vector<std::string>& columns = table.tmpl->columnsOf(table.tmpl->rows[static_cast<size_t>(row)]);
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        applicable = false;  // e.g. 行政许可 has no 本年废止件数 column
        return false;
      }
      const BoundCell* cell = table.cell(static_cast<size_t>(row), column);
      if (!cell || cell->state != CellState::Number) return false;
      total += term.sign * cell->value;
      uses.push_back({static_cast<size_t>(row), column, cell});
    }
    if (!ok) {
      applicable = false;
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<RelationExpr> parseRelation(std::string_view text, std::string& error, size_t& errorOffset) {
  return Parser(text).parse(error, errorOffset);
}

RelationResult evaluateRelation(const RelationExpr& expr, RelationAxis axis, const BoundTable& table, const std::string& at) {
  RelationResult r;
  if (!table.tmpl) return r;
  bool applicable = true;
  const bool left = sumSide(expr.lhs, axis, table, at, r.lhs, r.lhsCells, applicable);
  const bool right = applicable && sumSide(expr.rhs, axis, table, at, r.rhs, r.rhsCells, applicable);
  r.known = applicable && left && right;
  r.holds = !r.known || compare(r.lhs, r.rhs, expr.comparison);
  return r;
}

CompiledRelation::CompiledRelation(const RelationExpr& expr, RelationAxis axis, const TableTemplate& tmpl)
    : tmpl_(&tmpl), comparison_(expr.comparison) {
  std::vector<std::string> keys;
  if (axis == RelationAxis::PerColumn) {
    for (const TemplateColumn& c : tmpl.columns) keys.push_back(c.key);
  } else if (axis == RelationAxis::PerRow) {
    for (const TemplateRow& r : tmpl.rows) keys.push_back(r.key);
  } else {
    keys.push_back("");
  }
  for (const std::string& at : keys) {
    Position position;
    position.key = at;
    for (auto [terms, out] : {std::pair{&expr.lhs, &position.lhs}, std::pair{&expr.rhs, &position.rhs}}) {
      for (const RelationTerm& term : *terms) {
        if (term.isNumber) {
          Operand constant;
          constant.isNumber = true;
          constant.number = term.sign * term.number;
          out->push_back(constant);
          continue;
        }
        bool ok = true;
        std::vector<std::string> storage;
        for (const std::string& key : resolveKeys(term, axis, tmpl, ok, storage)) {
          Operand operand;
          operand.sign = term.sign;
          int row = -1;
          if (!locate(key, axis, tmpl, at, row, operand.column)) {
            position.applicable = false;
            break;
          }
          const std::vector<std::string>& columns = tmpl.columnsOf(tmpl.rows[static_cast<size_t>(row)]);
          auto it = std::find(columns.begin(), columns.end(), operand.column);
          if (it == columns.end()) {
            position.applicable = false;  // e.g. 行政许可 has no 本年废止件数 column
            break;
          }
          operand.row = static_cast<size_t>(row);
          operand.cell = static_cast<size_t>(it - columns.begin());
          out->push_back(std::move(operand));
        }
        if (!ok) position.applicable = false;
      }
    }
    positions_.push_back(std::move(position));
  }
}

RelationResult CompiledRelation::evaluate(const BoundTable& table, size_t index) const {
  RelationResult r;
  const Position& position = positions_[index];
  if (table.tmpl != tmpl_ || !position.applicable) return r;
  r.lhsCells.reserve(position.lhs.size());
  r.rhsCells.reserve(position.rhs.size());
  for (auto [operands, total, uses] : {std::tuple{&position.lhs, &r.lhs, &r.lhsCells},
                                       std::tuple{&position.rhs, &r.rhs, &r.rhsCells}}) {
    for (const Operand& o : *operands) {
      if (o.isNumber) {
        *total += o.number;
        continue;
      }
      const BoundRow& row = table.rows[o.row];
      if (!row.present || !row.countMatches()) return RelationResult{};
      const BoundCell& cell = row.cells[o.cell];
      if (cell.state != CellState::Number) return RelationResult{};
      *total += o.sign * cell.value;
      uses->push_back({o.row, o.column, &cell});
    }
  }
  r.known = true;
  r.holds = compare(r.lhs, r.rhs, comparison_);
  return r;
}

std::vector<std::string> unknownKeys(const RelationExpr& expr, RelationAxis axis, const TableTemplate& tmpl) {
  std::vector<std::string> unknown;
  for (const auto* side : {&expr.lhs, &expr.rhs}) {
    for (const RelationTerm& term : *side) {
      if (term.isNumber) continue;
      bool ok = true;
      std::vector<std::string> storage;
      const std::vector<std::string>& keys = resolveKeys(term, axis, tmpl, ok, storage);
      if (!ok) unknown.push_back(!term.range.empty() ? term.range : term.rangeFrom + ".." + term.rangeTo);
      for (const std::string& key : keys) {
        bool known = false;
        if (axis == RelationAxis::Once) {
          const size_t dot = key.find('.');
          known = dot != std::string::npos && tmpl.rowIndex(key.substr(0, dot)) >= 0 &&
                  tmpl.columnIndex(key.substr(dot + 1)) >= 0;
        } else if (axis == RelationAxis::PerColumn) {
          known = tmpl.rowIndex(key) >= 0;
        } else {
          known = tmpl.columnIndex(key) >= 0;
        }
        if (!known) unknown.push_back(key);
      }
    }
  }
  return unknown;
}

}  // namespace gklint
