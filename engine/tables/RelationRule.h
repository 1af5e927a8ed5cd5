// RelationRule: what a relation rule asserts (table, axis, relations, condition), readable
// by tools that explain a table cell without re-reading the rule's YAML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/tables/Relation.h"

namespace gklint {

struct RelationRule {
  std::string table;  // t2 | t3 | t4
  RelationAxis axis = RelationAxis::PerColumn;
  std::vector<RelationExpr> asserts;
  std::optional<RelationExpr> when;  // asserted only where this holds
};

// Implemented by the checks of kind `relation` (engine/checks/RelationCheck.cpp).
class RelationRuleSource {
 public:
  virtual ~RelationRuleSource() = default;
  virtual const RelationRule& relationRule() const = 0;
};

}  // namespace gklint
