// Tests for engine/tables/CellValue: the states of a value cell, kept distinct.
#include <catch2/catch.hpp>

#include "engine/tables/CellValue.h"

using namespace gklint;

namespace {
BoundCell parsed(std::string_view text) {
  BoundCell c;
  parseCell(text, c);
  return c;
}
}  // namespace

TEST_CASE("numbers, including full-width digits, separators and signs", "[cells]") {
  CHECK(parsed("12").state == CellState::Number);
  CHECK(parsed("12").value == 12);
  CHECK_FALSE(parsed("12").reformatted);
  CHECK(parsed("１２").value == 12);
  CHECK(parsed("１２").reformatted);
  CHECK(parsed("1,200").value == 1200);
  CHECK(parsed("-3").negative);
  CHECK(parsed("+2").value == 2);
  CHECK_FALSE(parsed("0.35").integer);
  CHECK(parsed("2.0").integer);
}

TEST_CASE("blank, dash and text stay distinct from 0", "[cells]") {
  CHECK(parsed("").state == CellState::Blank);
  CHECK(parsed(" \u00a0").state == CellState::Blank);
  for (const char* dash : {"/", "—", "-", "无", "不适用", "／"}) {
    INFO(dash);
    CHECK(parsed(dash).state == CellState::Dash);
  }
  CHECK(parsed("22（其中修订16件）").state == CellState::Text);
  CHECK(parsed("1,20").state == CellState::Text);  // not a thousands separator
}

TEST_CASE("a cell with more digits than a count can have is text, not a crash", "[cells]") {
  CHECK(parsed("999999999999999").state == CellState::Number);  // 15 digits
  CHECK(parsed("9999999999999999").state == CellState::Text);
  CHECK(parsed(std::string(400, '9')).state == CellState::Text);  // std::stod threw out_of_range
  CHECK(parsed(std::string(400, '9') + ".5").state == CellState::Text);
}

TEST_CASE("value-like cells versus list-marker labels", "[cells]") {
  CHECK(looksLikeValue("0"));
  CHECK(looksLikeValue("22（其中修订16件）"));
  CHECK(looksLikeValue("/"));
  CHECK(looksLikeValue("1.5"));
  CHECK_FALSE(looksLikeValue("3. 其他"));
  CHECK_FALSE(looksLikeValue("1.属于国家秘密"));
  CHECK_FALSE(looksLikeValue("4、无法提供"));
  CHECK_FALSE(looksLikeValue("行政许可"));
}
