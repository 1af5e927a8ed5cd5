// Tests for engine/lint/FindingCap: at most N findings per rule per file, then one closing finding.
#include <catch2/catch.hpp>

#include <string>

#include "engine/Analyzer.h"
#include "engine/lint/FindingCap.h"

using namespace gklint;

namespace {

const RuleSet& builtinRules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

std::vector<const Finding*> ofRule(const Analysis& a, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : a.findings) {
    if (f.ruleId == rule) out.push_back(&f);
  }
  return out;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string closingMessage(size_t more, size_t cap) {
  return "此处起还有 " + std::to_string(more) + " 处同类问题未列出（每条规则每个文件最多列出 " + std::to_string(cap) +
         " 处；用 --max-findings-per-rule 或 .gklint.yaml 的 max_findings_per_rule 调整，0 为不限）";
}

constexpr const char* kComma = "text/halfwidth-punct";

}  // namespace

TEST_CASE("the cap keeps 1,000 findings of a rule and closes with how many more there were", "[cap]") {
  // One line: 𠀋 then 2,500 × "测试,": comma k is at code-point column 1 + 3k.
  const std::string line = "𠀋" + repeat("测试,", 2500);
  const Analysis a = analyzeBytes("one-line.txt", line + "\n", DocumentFormat::Text, builtinRules());
  REQUIRE(a.ok());
  const std::vector<const Finding*> commas = ofRule(a, kComma);
  REQUIRE(commas.size() == 1001);
  CHECK(commas[0]->message == "中文语句中应使用全角标点：“,”应为“，”");
  CHECK(commas[999]->message == "中文语句中应使用全角标点：“,”应为“，”");
  const Finding& closing = *commas[1000];
  CHECK(closing.message == closingMessage(1500, 1000));
  CHECK(closing.severity == Severity::Info);
  CHECK_FALSE(closing.fix.has_value());  // --fix must not apply a fix to an unlisted finding
  // It stands where the first unlisted finding is: comma 1,001.
  const Position at = a.source->position(closing.span.begin, ColumnUnit::CodePoints);
  CHECK(at.line == 0);
  CHECK(at.column + 1 == 1 + 3 * 1001);
  CHECK(a.source->position(closing.span.begin, ColumnUnit::Utf16).column + 1 == 2 + 3 * 1001);
  // Other rules are capped on their own, and those with few findings are untouched.
  CHECK(ofRule(a, "structure/title-format").size() == 1);
}

TEST_CASE("max_findings_per_rule 0 lists every finding, and the option overrides the config", "[cap]") {
  const std::string text = repeat("测试,", 1200) + "\n";
  AnalyzeOptions all;
  all.maxFindingsPerRule = 0;
  CHECK(ofRule(analyzeBytes("a.txt", text, DocumentFormat::Text, builtinRules(), all), kComma).size() == 1200);

  Config config;
  config.maxFindingsPerRule = 5;
  AnalyzeOptions fromConfig;
  fromConfig.config = &config;
  const Analysis five = analyzeBytes("a.txt", text, DocumentFormat::Text, builtinRules(), fromConfig);
  const std::vector<const Finding*> commas = ofRule(five, kComma);
  REQUIRE(commas.size() == 6);
  CHECK(commas[5]->message == closingMessage(1195, 5));
  CHECK(five.source->position(commas[5]->span.begin, ColumnUnit::CodePoints).column + 1 == 18);

  fromConfig.maxFindingsPerRule = 2;  // the CLI's --max-findings-per-rule wins over the file
  CHECK(ofRule(analyzeBytes("a.txt", text, DocumentFormat::Text, builtinRules(), fromConfig), kComma).size() == 3);
  CHECK(effectiveFindingCap(nullptr, std::nullopt) == 1000);
  CHECK(effectiveFindingCap(&config, std::nullopt) == 5);
  CHECK(effectiveFindingCap(&config, 0) == 0);
}

TEST_CASE("suppressed findings do not use up the cap", "[cap][suppressions]") {
  // The commas of line 4 are suppressed; the cap of 3 then applies to those of line 5 (0-based 4).
  const std::string md = "# 某县人民政府2021年政府信息公开工作年度报告\n\n"
                         "<!-- gklint-disable-next-line text/halfwidth-punct -- 引文原样 -->\n" +
                         repeat("测试,", 10) + "\n" + repeat("测试,", 10) + "\n";
  AnalyzeOptions options;
  options.maxFindingsPerRule = 3;
  const Analysis a = analyzeBytes("a.md", md, DocumentFormat::Markdown, builtinRules(), options);
  REQUIRE(a.ok());
  const std::vector<const Finding*> commas = ofRule(a, kComma);
  REQUIRE(commas.size() == 4);
  for (const Finding* f : commas) CHECK(a.source->position(f->span.begin, ColumnUnit::Bytes).line == 4);
  CHECK(commas[3]->message == closingMessage(7, 3));
  CHECK(a.source->position(commas[3]->span.begin, ColumnUnit::CodePoints).column + 1 == 12);
  CHECK(ofRule(a, "meta/unused-suppression").empty());
}

TEST_CASE("a report with no more findings than the cap has no closing finding", "[cap]") {
  const Analysis a = analyzeBytes("a.txt", repeat("测试,", 1000) + "\n", DocumentFormat::Text, builtinRules());
  const std::vector<const Finding*> commas = ofRule(a, kComma);
  REQUIRE(commas.size() == 1000);
  CHECK(commas.back()->message == "中文语句中应使用全角标点：“,”应为“，”");
}
