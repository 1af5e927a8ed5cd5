// Tests for engine/lint/Suppressions: inline gklint-disable comments in Markdown.
#include <catch2/catch.hpp>

#include "engine/Analyzer.h"

using namespace gklint;

namespace {

std::vector<std::string> typoAndMeta(const std::string& markdown) {
  static const RuleLoadResult rules = loadBuiltinRules();
  Analysis a = analyzeBytes("t.md", markdown, DocumentFormat::Markdown, rules.rules);
  std::vector<std::string> out;
  for (const Finding& f : a.findings) {
    if (f.ruleId != "text/typo" && f.ruleId.rfind("meta/", 0) != 0) continue;
    const Position p = a.source->position(f.span.begin, ColumnUnit::CodePoints);
    out.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1) + " " + f.ruleId);
  }
  return out;
}

}  // namespace

TEST_CASE("disable-next-line silences the named rule on the next line only", "[suppressions]") {
  CHECK(typoAndMeta("我乡调整设量栏目。\n\n<!-- gklint-disable-next-line text/typo -- 原文引用 -->\n调整设量。\n\n又设量。\n") ==
        std::vector<std::string>{"1:5 text/typo", "6:2 text/typo"});
}

TEST_CASE("disable/enable ranges and category globs", "[suppressions]") {
  CHECK(typoAndMeta("<!-- gklint-disable text/* -->\n\n设量一。\n\n设量二。\n\n<!-- gklint-enable text/* -->\n\n设量三。\n") ==
        std::vector<std::string>{"9:1 text/typo"});
  // Without a rule, everything is disabled.
  CHECK(typoAndMeta("<!-- gklint-disable -->\n\n设量。\n").empty());
}

TEST_CASE("a suppression that suppresses nothing is reported", "[suppressions]") {
  CHECK(typoAndMeta("<!-- gklint-disable-next-line text/typo -->\n没有错别字。\n") ==
        std::vector<std::string>{"1:1 meta/unused-suppression"});
}

TEST_CASE("a suppression never hides another rule", "[suppressions]") {
  CHECK(typoAndMeta("<!-- gklint-disable-next-line text/cjk-spacing -->\n设量 2021年。\n") ==
        std::vector<std::string>{"2:1 text/typo"});
}
