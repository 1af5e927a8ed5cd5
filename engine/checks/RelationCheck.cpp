// relation: an arithmetic relation (勾稽关系) over the cells of an official table, evaluated
// per column, per row or once. Blank or non-numeric cells make it unknown (table/blank-cell
// and table/non-numeric-cell report those), never 0. A failure is reported at one cell:
// with `cross` relations of the other orientation, at the cell where this failing column
// (row) crosses the only row (column) that also fails; else at the first cell of the left
// side, or with `locate: nonzero` at the first non-zero cell. `when` restricts the relation
// to positions where another relation holds.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/TableSelection.h"
#include "engine/tables/Relation.h"
#include "engine/tables/RelationRule.h"
#include "engine/text/Decimal.h"

namespace gklint {
namespace {

struct Assertion {
  RelationExpr expr;
  SourceMark mark;
};

class RelationCheck final : public Check, public RelationRuleSource {
 public:
  RelationCheck(RuleInfo info, std::string table, RelationAxis axis, std::vector<Assertion> asserts,
                std::vector<RelationExpr> cross, std::optional<RelationExpr> when, bool locateNonZero)
      : Check(std::move(info)),
        table_(std::move(table)),
        axis_(axis),
        asserts_(std::move(asserts)),
        cross_(std::move(cross)),
        when_(std::move(when)),
        locateNonZero_(locateNonZero) {
    rule_ = {table_, axis_, {}, when_};
    for (const Assertion& a : asserts_) rule_.asserts.push_back(a.expr);
  }

  const RelationRule& relationRule() const override { return rule_; }

  void validateAgainst(const TemplateCatalog& templates, std::vector<RuleDiagnostic>& errors) const override {
    bool anyTemplate = false;
    for (const TableTemplate& t : templates.templates) {
      if (t.table != table_ || !appliesTo(t)) continue;
      anyTemplate = true;
      for (const Assertion& a : asserts_) {
        for (const std::string& key : unknownKeys(a.expr, axis_, t)) {
          errors.push_back({a.mark, info().id, "relation '" + a.expr.text + "' names '" + key + "', which template " +
                                                   t.id + " does not define"});
        }
      }
    }
    if (!anyTemplate) {
      errors.push_back({info().mark, info().id,
                        "rule '" + info().id + "' names table '" + table_ + "', which no template " +
                            (info().applies.templates.empty() ? "" : "of the formats in its 'applies' ") + "defines"});
    }
  }

  // A rule limited to some report formats (`applies: {template: …}`) is checked and compiled
  // only against those formats' templates: a trial-only relation may name trial-only keys.
  bool appliesTo(const TableTemplate& t) const {
    const std::vector<TemplateId>& formats = info().applies.templates;
    return formats.empty() || std::find(formats.begin(), formats.end(), t.reportTemplate) != formats.end();
  }

  // Notes the templates to compile against; each is compiled the first time a document's table
  // is bound to it (a report without that table never pays for it: start-up).
  void compileAgainst(const TemplateCatalog& templates) override {
    compiled_.clear();
    for (const TableTemplate& t : templates.templates) {
      if (t.table == table_ && appliesTo(t)) compiled_.push_back(std::make_unique<LazyCompiled>(&t));
    }
  }

  void run(CheckContext& ctx) const override {
    const BoundTable* table = ctx.doc().boundTable(table_);
    if (!table || !table->tmpl || table->boundRows == 0) return;
    const Compiled* compiled = compiledFor(*table->tmpl);
    std::map<std::string, bool> crossFails;  // cross relations, each position evaluated once
    const std::vector<std::string> keys = positions(*table);
    for (size_t p = 0; p < keys.size(); ++p) {
      if (when_) {
        RelationResult w = compiled ? compiled->when->evaluate(*table, p) : evaluateRelation(*when_, axis_, *table, keys[p]);
        if (!w.known || !w.holds) continue;
      }
      for (size_t a = 0; a < asserts_.size(); ++a) {
        RelationResult r = compiled ? compiled->asserts[a].evaluate(*table, p)
                                    : evaluateRelation(asserts_[a].expr, axis_, *table, keys[p]);
        if (!r.known || r.holds) continue;
        report(ctx, *table, keys[p], r, crossFails, compiled);
      }
    }
  }

 private:
  // The relations resolved against one template of the table (compileAgainst).
  struct Compiled {
    std::vector<CompiledRelation> asserts, cross;
    std::optional<CompiledRelation> when;
  };
  struct LazyCompiled {
    explicit LazyCompiled(const TableTemplate* t) : tmpl(t) {}
    const TableTemplate* tmpl;
    std::once_flag once;
    std::optional<Compiled> compiled;
  };

  // Null for a template the check was not compiled against (the table was bound with another
  // rule set's templates): evaluation then resolves keys as it goes. Compiles on first use,
  // whichever thread asks first.
  const Compiled* compiledFor(const TableTemplate& t) const {
    for (const std::unique_ptr<LazyCompiled>& lazy : compiled_) {
      if (lazy->tmpl != &t) continue;
      std::call_once(lazy->once, [&] {
        const RelationAxis other = axis_ == RelationAxis::PerColumn ? RelationAxis::PerRow : RelationAxis::PerColumn;
        Compiled c;
        for (const Assertion& a : asserts_) c.asserts.emplace_back(a.expr, axis_, t);
        for (const RelationExpr& e : cross_) c.cross.emplace_back(e, other, t);
        if (when_) c.when.emplace(*when_, axis_, t);
        lazy->compiled = std::move(c);
      });
      return &*lazy->compiled;
    }
    return nullptr;
  }

  // Columns (PerColumn), rows (PerRow) or a single empty position (Once).
  std::vector<std::string> positions(const BoundTable& t) const {
    std::vector<std::string> out;
    if (axis_ == RelationAxis::PerColumn) {
      for (const TemplateColumn& c : t.tmpl->columns) out.push_back(c.key);
    } else if (axis_ == RelationAxis::PerRow) {
      for (const TemplateRow& r : t.tmpl->rows) out.push_back(r.key);
    } else {
      out.push_back("");
    }
    return out;
  }

  std::string cellName(const BoundTable& t, const CellUse& use) const {
    const int c = t.tmpl->columnIndex(use.column);
    const std::string& column = c < 0 ? use.column : t.tmpl->columns[static_cast<size_t>(c)].label;
    if (t.tmpl->rows[use.row].label.empty()) return column;
    const std::string& row = rowDisplayName(*t.tmpl, use.row);
    std::string name;
    name.reserve(row.size() + column.size() + 12);
    name.append("“").append(row).append("”的“").append(column).append("”");
    return name;
  }

  std::string whereName(const BoundTable& t, const std::string& at) const {
    const std::string table = tableDisplayName(t.table);
    if (axis_ == RelationAxis::PerColumn) {
      const int c = t.tmpl->columnIndex(at);
      return table + "“" + t.tmpl->columns[static_cast<size_t>(c)].label + "”列";
    }
    if (axis_ == RelationAxis::PerRow) {
      const int r = t.tmpl->rowIndex(at);
      if (t.tmpl->rows[static_cast<size_t>(r)].label.empty()) return table;
      return table + "“" + rowDisplayName(*t.tmpl, static_cast<size_t>(r)) + "”行";
    }
    return table;
  }

  // The cell to blame: where this failure crosses the only failing line of the other
  // orientation, else the rule's default.
  const CellUse* blame(const BoundTable& t, const std::string& at, const RelationResult& r,
                       std::map<std::string, bool>& crossFails, const Compiled* compiled) const {
    std::vector<const CellUse*> involved;
    for (const CellUse& u : r.lhsCells) involved.push_back(&u);
    for (const CellUse& u : r.rhsCells) involved.push_back(&u);
    if (!cross_.empty() && axis_ != RelationAxis::Once) {
      const RelationAxis other = axis_ == RelationAxis::PerColumn ? RelationAxis::PerRow : RelationAxis::PerColumn;
      std::vector<const CellUse*> failing;
      for (const CellUse* u : involved) {
        const std::string crossAt = other == RelationAxis::PerRow ? t.tmpl->rows[u->row].key : u->column;
        auto cached = crossFails.find(crossAt);
        if (cached == crossFails.end()) {
          bool fails = false;
          // Positions of the other orientation are template rows or columns, in order.
          const size_t crossPosition = other == RelationAxis::PerRow ? u->row
                                                                     : static_cast<size_t>(t.tmpl->columnIndex(u->column));
          for (size_t c = 0; c < cross_.size(); ++c) {
            RelationResult cr = compiled ? compiled->cross[c].evaluate(t, crossPosition)
                                         : evaluateRelation(cross_[c], other, t, crossAt);
            if (cr.known && !cr.holds) {
              fails = true;
              break;
            }
          }
          cached = crossFails.emplace(crossAt, fails).first;
        }
        if (cached->second) failing.push_back(u);
      }
      if (failing.size() == 1) return failing.front();
    }
    (void)at;
    if (locateNonZero_) {
      for (const CellUse* u : involved) {
        if (std::fabs(u->cell->value) > 1e-9) return u;
      }
    }
    return involved.empty() ? nullptr : involved.front();
  }

  void report(CheckContext& ctx, const BoundTable& t, const std::string& at, const RelationResult& r,
              std::map<std::string, bool>& crossFails, const Compiled* compiled) const {
    const CellUse* cell = blame(t, at, r, crossFails, compiled);
    if (!cell) return;
    Finding& f = ctx.report(cell->cell->span, {{"where", whereName(t, at)},
                                               {"lhs", formatDecimal(r.lhs)},
                                               {"rhs", formatDecimal(r.rhs)},
                                               {"cell", cellName(t, *cell)},
                                               {"value", formatDecimal(cell->cell->value)},
                                               {"table", tableDisplayName(t.table)}});
    for (const auto* side : {&r.lhsCells, &r.rhsCells}) {
      for (const CellUse& u : *side) {
        if (u.cell != cell->cell) f.related.push_back({u.cell->span, cellName(t, u) + "：" + formatDecimal(u.cell->value)});
      }
    }
  }

  std::string table_;
  RelationAxis axis_;
  std::vector<Assertion> asserts_;
  std::vector<RelationExpr> cross_;
  std::optional<RelationExpr> when_;
  bool locateNonZero_;
  RelationRule rule_;  // the same, for tools that explain a cell (engine/ruleset/CellRelations.h)
  std::vector<std::unique_ptr<LazyCompiled>> compiled_;
};

std::optional<RelationExpr> readExpression(OptionReader& options, const YamlNode& node, const std::string& key) {
  if (!node.isScalar()) {
    options.error(node, key, "'" + key + "' must be a relation such as R01 + R02 == R24 + R25");
    return std::nullopt;
  }
  std::string error;
  size_t offset = 0;
  auto expr = parseRelation(node.scalar(), error, offset);
  if (!expr) options.error(node, key, "bad relation '" + std::string(node.scalar()) + "' at character " + std::to_string(offset + 1) + ": " + error);
  return expr;
}

}  // namespace

std::unique_ptr<Check> createRelationCheck(RuleInfo info, OptionReader& options) {
  bool ok = true;
  const std::string table = options.requiredString("table").value_or("");
  const std::string forEach = options.string("for_each", "column");
  RelationAxis axis = RelationAxis::PerColumn;
  if (forEach == "column") axis = RelationAxis::PerColumn;
  else if (forEach == "row") axis = RelationAxis::PerRow;
  else if (forEach == "none") axis = RelationAxis::Once;
  else {
    options.error("for_each", "'for_each' must be column, row or none");
    ok = false;
  }
  std::vector<Assertion> asserts;
  YamlNode assertNode = options.node("assert");
  if (!assertNode.defined()) {
    options.error("id", "a relation rule needs 'assert': one relation or a list of them");
    return nullptr;
  }
  std::vector<YamlNode> items;
  if (assertNode.isSequence()) {
    for (const YamlNode n : assertNode) items.push_back(n);
  } else {
    items.push_back(assertNode);
  }
  for (const YamlNode n : items) {
    auto expr = readExpression(options, n, "assert");
    if (expr) asserts.push_back({std::move(*expr), options.markOf(n)});
    else ok = false;
  }
  std::vector<RelationExpr> cross;
  YamlNode crossNode = options.node("cross");
  if (crossNode.defined()) {
    std::vector<YamlNode> crossItems;
    if (crossNode.isSequence()) {
      for (const YamlNode n : crossNode) crossItems.push_back(n);
    } else {
      crossItems.push_back(crossNode);
    }
    for (const YamlNode n : crossItems) {
      auto expr = readExpression(options, n, "cross");
      if (expr) cross.push_back(std::move(*expr));
      else ok = false;
    }
    if (axis == RelationAxis::Once) {
      options.error(crossNode, "cross", "'cross' needs for_each: column or row");
      ok = false;
    }
  }
  std::optional<RelationExpr> when;
  YamlNode whenNode = options.node("when");
  if (whenNode.defined()) {
    when = readExpression(options, whenNode, "when");
    ok = ok && when.has_value();
  }
  const std::string locate = options.string("locate", "first");
  if (locate != "first" && locate != "nonzero") {
    options.error("locate", "'locate' must be first or nonzero");
    ok = false;
  }
  if (!ok || table.empty()) return nullptr;
  return std::make_unique<RelationCheck>(std::move(info), table, axis, std::move(asserts), std::move(cross),
                                         std::move(when), locate == "nonzero");
}

}  // namespace gklint
