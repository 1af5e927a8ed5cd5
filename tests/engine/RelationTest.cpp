// Tests for engine/tables/Relation: parsing with located errors, and evaluation rules.
#include <catch2/catch.hpp>

#include "engine/tables/Relation.h"

using namespace gklint;

namespace {

std::string parseError(const std::string& text, size_t& offset) {
  std::string error;
  CHECK_FALSE(parseRelation(text, error, offset));
  return error;
}

TableTemplate smallTemplate() {
  TableTemplate t;
  t.id = "test/t";
  t.table = "t3";
  t.columns = {{"C1", "甲", {}, {}}, {"C2", "乙", {}, {}}, {"C3", "合计", {}, {}}};
  for (const char* key : {"R01", "R02", "R03"}) {
    TemplateRow row;
    row.key = key;
    row.label = std::string("行") + key;
    t.rows.push_back(row);
  }
  t.ranges["parts"] = {"C1", "C2"};
  t.prepare();
  return t;
}

BoundTable bind(const TableTemplate& t, const std::vector<std::vector<const char*>>& values) {
  BoundTable b;
  b.tmpl = &t;
  b.table = t.table;
  b.rows.resize(t.rows.size());
  uint32_t offset = 0;
  for (size_t r = 0; r < values.size(); ++r) {
    b.rows[r].present = true;
    b.rows[r].expectedCells = t.columns.size();
    for (const char* v : values[r]) {
      BoundCell c;
      c.span = {offset, offset + 1};
      ++offset;
      if (std::string(v) == "") {
        c.state = CellState::Blank;
      } else {
        c.state = CellState::Number;
        c.value = std::stod(v);
        c.text = v;
      }
      b.rows[r].cells.push_back(c);
    }
  }
  b.boundRows = static_cast<int>(values.size());
  return b;
}

}  // namespace

TEST_CASE("relations parse: sums, ranges, lists, cell references", "[relation]") {
  std::string error;
  size_t offset = 0;
  auto e = parseRelation("R01 + R02 == R24 + R25", error, offset);
  REQUIRE(e);
  CHECK(e->lhs.size() == 2);
  CHECK(e->rhs.size() == 2);
  CHECK(e->comparison == Comparison::Equal);
  auto s = parseRelation("R24 == sum(leaves)", error, offset);
  REQUIRE(s);
  CHECK(s->rhs[0].range == "leaves");
  auto r = parseRelation("C3 <= sum(C1..C2) - 0", error, offset);
  REQUIRE(r);
  CHECK(r->rhs[0].rangeFrom == "C1");
  CHECK(r->rhs[0].rangeTo == "C2");
  CHECK(r->rhs[1].sign == -1);
  auto once = parseRelation("R01.C1 + R01.C2 == 0", error, offset);
  REQUIRE(once);
  CHECK(once->lhs[0].keys[0] == "R01.C1");
}

TEST_CASE("malformed relations are rejected with the offending position", "[relation]") {
  size_t offset = 0;
  CHECK(parseError("R01 + == R02", offset) == "expected a cell key (R01, C7, R01.C3), a number or sum(...)");
  CHECK(offset == 6);
  CHECK(parseError("R01 R02", offset) == "expected a comparison (==, !=, <=, >=, <, >)");
  CHECK(parseError("R01 == sum(leaves", offset) == "expected ')' to close sum(");
  CHECK(parseError("R01 == R02 )", offset) == "unexpected ')' after the relation");
  CHECK(offset == 11);
}

TEST_CASE("numbers in relations: malformed or too long ones are errors, not exceptions", "[relation]") {
  size_t offset = 0;
  std::string error;
  auto half = parseRelation("R01 == 0.5 + R02", error, offset);
  REQUIRE(half);
  CHECK(half->rhs[0].number == 0.5);
  CHECK(parseError("R01 == 1.2.3", offset) ==
        "'1.2.3' is not a number: write digits with at most one decimal point, 15 digits at most");
  CHECK(offset == 7);
  // Found by fuzz/relation: std::stod threw out_of_range on a 300-digit literal.
  const std::string huge(300, '3');
  CHECK(parseError("R01 < " + huge, offset) ==
        "'" + huge + "' is not a number: write digits with at most one decimal point, 15 digits at most");
  CHECK(offset == 6);
  CHECK(parseError("R01 == 3.", offset).starts_with("'3.' is not a number"));
}

TEST_CASE("relations evaluate per column, per row and once, and blanks make them unknown", "[relation]") {
  const TableTemplate t = smallTemplate();
  const BoundTable b = bind(t, {{"1", "2", "3"}, {"4", "5", "10"}, {"", "1", "1"}});
  std::string error;
  size_t offset = 0;
  auto rowTotal = *parseRelation("C3 == sum(parts)", error, offset);
  CHECK(evaluateRelation(rowTotal, RelationAxis::PerRow, b, "R01").holds);
  RelationResult bad = evaluateRelation(rowTotal, RelationAxis::PerRow, b, "R02");
  CHECK(bad.known);
  CHECK_FALSE(bad.holds);
  CHECK(bad.lhs == 10);
  CHECK(bad.rhs == 9);
  // R03 has a blank C1: unknown, never "holds because blank = 0".
  CHECK_FALSE(evaluateRelation(rowTotal, RelationAxis::PerRow, b, "R03").known);
  auto column = *parseRelation("R01 + R02 == 5", error, offset);
  CHECK(evaluateRelation(column, RelationAxis::PerColumn, b, "C1").holds);
  CHECK_FALSE(evaluateRelation(column, RelationAxis::PerColumn, b, "C2").holds);
  auto once = *parseRelation("R02.C3 == 10", error, offset);
  CHECK(evaluateRelation(once, RelationAxis::Once, b, "").holds);
}

TEST_CASE("unknown keys and ranges are found for rule validation", "[relation]") {
  const TableTemplate t = smallTemplate();
  std::string error;
  size_t offset = 0;
  auto e = *parseRelation("R09 + R01 == sum(nothing)", error, offset);
  CHECK(unknownKeys(e, RelationAxis::PerColumn, t) == std::vector<std::string>{"R09", "nothing"});
}
