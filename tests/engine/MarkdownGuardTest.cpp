// Tests for engine/read/MarkdownGuard: pathological nesting is refused before tree-sitter sees it.
#include <catch2/catch.hpp>

#include <string>

#include "engine/Analyzer.h"
#include "engine/read/MarkdownGuard.h"

using namespace gklint;

TEST_CASE("ordinary Markdown, lists and quotes pass the guard", "[markdown][guard]") {
  CHECK_FALSE(findMarkdownHazard("# 一、总体情况\n\n> 引用\n\n- 一是\n  - 二是\n1. 第一\n"));
  CHECK_FALSE(findMarkdownHazard(std::string(kMaxMarkdownNesting, '>') + " 刚好不超过\n"));
  CHECK_FALSE(findMarkdownHazard(""));
}

TEST_CASE("quotes nested beyond the limit are refused with the line", "[markdown][guard]") {
  const std::string text = "标题\n\n" + std::string(100000, '>') + " 一、总体情况\n";
  auto hazard = findMarkdownHazard(text);
  REQUIRE(hazard);
  CHECK(hazard->line == 3);
  CHECK(hazard->offset == 8);
  CHECK(hazard->message ==
        "line 3: Markdown quotes or lists nested more than 100 levels deep; this cannot be a report — check the "
        "file, or lint it as .txt");
}

TEST_CASE("list markers nested beyond the limit are refused", "[markdown][guard]") {
  std::string deepList;
  for (int i = 0; i < 50000; ++i) deepList += "- ";
  CHECK(findMarkdownHazard(deepList + "x\n"));
  std::string deepNumbers;
  for (int i = 0; i < 200; ++i) deepNumbers += "1. ";
  CHECK(findMarkdownHazard(deepNumbers + "x\n"));
}

TEST_CASE("analyzeBytes turns a hazard into an input error instead of crashing", "[markdown][guard]") {
  const RuleLoadResult rules = loadBuiltinRules();
  const std::string text = std::string(100000, '>') + " x\n";
  Analysis a = analyzeBytes("deep.md", text, DocumentFormat::Markdown, rules.rules);
  CHECK_FALSE(a.ok());
  CHECK(a.errorOffset == 0);
  CHECK_FALSE(a.source);
  // The same bytes as plain text are fine: nesting means nothing there.
  CHECK(analyzeBytes("deep.txt", text, DocumentFormat::Text, rules.rules).ok());
}
