// Tests for engine/tables/CellRelations: finding the bound cell at an offset, and the relation
// rules that name it, evaluated where it is — with the built-in rules on a report's 表三.
#include <catch2/catch.hpp>

#include "engine/Analyzer.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/ruleset/CellRelations.h"

using namespace gklint;

namespace {

// 表三 (2021) with one applicant column filled in: new 5, carried over 1, 4 made public,
// total 4, carried forward 2 — so the balance holds and “总计 = 各项之和” holds.
std::string report() {
  std::string text =
      "某县人民政府2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n";
  const char* rows[] = {"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
                        "（七）总计", "四、结转下年度继续办理"};
  const char* values[] = {"5", "1", "4", "4", "2"};
  for (int i = 0; i < 5; ++i) text += std::string(rows[i]) + "\t" + values[i] + "\t0\t0\t0\t0\t0\t" + values[i] + "\n";
  return text;
}

}  // namespace

TEST_CASE("the bound cell at an offset, and the relations that name it", "[engine][tables]") {
  const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  const Source source("r.txt", report());
  const Document doc = readDocument(source, DocumentFormat::Text, loaded.rules);
  const std::string text(source.text());

  // The label is not a cell.
  CHECK_FALSE(boundCellAt(doc, static_cast<uint32_t>(text.find("（七）总计"))));

  // “（七）总计” for 自然人: 4.
  const auto total = static_cast<uint32_t>(text.find("（七）总计\t4") + std::string("（七）总计\t").size());
  const std::optional<BoundCellRef> cell = boundCellAt(doc, total);
  REQUIRE(cell);
  CHECK(cell->table->table == "t3");
  CHECK(cell->table->tmpl->rows[cell->row].key == "R24");
  CHECK(cell->column == "C1");
  CHECK(cell->cell->value == 4);
  CHECK(boundCellAt(doc, total + 1));  // the end of the cell's text still counts

  const std::vector<CellRelation> relations = relationsOfCell(loaded.rules, doc, *cell);
  std::vector<std::string> seen;
  for (const CellRelation& r : relations) {
    seen.push_back(r.rule->id + " @" + r.at + ": " + std::to_string(static_cast<int>(r.result.lhs)) + " vs " +
                   std::to_string(static_cast<int>(r.result.rhs)) + (r.result.holds ? " holds" : " fails"));
  }
  // Rows the report leaves out are blank: relations over them cannot be evaluated and are
  // left out; the balance and the row total can.
  CHECK(seen == std::vector<std::string>{"arith/t3-balance @C1: 6 vs 6 holds", "arith/t3-row-total @R24: 4 vs 4 holds"});
}
