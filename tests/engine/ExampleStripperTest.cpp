// Tests for engine/rules/ExampleStripper and RuleExamples::Skip: the built-in packs load to the
// same rules, at the same places, without their `tests:` examples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/rules/ExampleStripper.h"
#include "engine/ruleset/RuleSet.h"

using namespace gklint;

namespace {

size_t lineCount(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("withoutExamples blanks a tests block and keeps every other line in place", "[rules][examples]") {
  const std::string yaml =
      "rules:\n"
      "  - id: text/a\n"
      "    message: 有误\n"
      "    tests:   # examples\n"
      "      invalid:\n"
      "        - count: 1\n"
      "          text: |\n"
      "            第一行\n"
      "\n"
      "# a comment in the middle\n"
      "            第二行\n"
      "      valid:\n"
      "        - 正确\n"
      "    source: 条例第五十条\n"
      "  - id: text/b\n"
      "    tests:\n"
      "    - 同级的列表项\n"
      "    - 也是\n"
      "    summary: b\n"
      "  - id: text/c\n"
      "    tests: {valid: [x]}\n"
      "    retests: 1\n";
  const std::string expected =
      "rules:\n"
      "  - id: text/a\n"
      "    message: 有误\n"
      "\n\n\n\n\n\n\n\n\n\n"
      "    source: 条例第五十条\n"
      "  - id: text/b\n"
      "\n\n\n"
      "    summary: b\n"
      "  - id: text/c\n"
      "    tests: {valid: [x]}\n"
      "    retests: 1\n";
  CHECK(withoutExamples(yaml) == expected);
  CHECK(withoutExamples("tests:\n  - a") == "\n");  // no newline at the end
  CHECK(withoutExamples("") == "");
}

TEST_CASE("Built-in packs without examples load the same rules at the same places", "[rules][examples]") {
  const RuleLoadResult full = loadBuiltinRules(RuleExamples::Load);
  const RuleLoadResult lean = loadBuiltinRules(RuleExamples::Skip);
  REQUIRE(full.errors.empty());
  REQUIRE(lean.errors.empty());
  REQUIRE(full.rules.checks.size() == lean.rules.checks.size());
  size_t examples = 0;
  for (size_t i = 0; i < full.rules.checks.size(); ++i) {
    const RuleInfo& a = full.rules.checks[i]->info();
    const RuleInfo& b = lean.rules.checks[i]->info();
    INFO(a.id);
    CHECK(a.id == b.id);
    CHECK(a.kind == b.kind);
    CHECK(a.severity == b.severity);
    CHECK(a.summary == b.summary);
    CHECK(a.message == b.message);
    CHECK(a.description == b.description);
    CHECK(a.source == b.source);
    CHECK(a.mark.file == b.mark.file);
    CHECK(a.mark.line == b.mark.line);
    CHECK(a.mark.column == b.mark.column);
    CHECK(b.examples.empty());
    examples += a.examples.size();
  }
  CHECK(examples > 100);  // the full packs do have them
  CHECK(full.rules.outline.sections.size() == lean.rules.outline.sections.size());
  const auto fullFiles = builtinRuleFiles(RuleExamples::Load);
  const auto leanFiles = builtinRuleFiles(RuleExamples::Skip);
  REQUIRE(fullFiles.size() == leanFiles.size());
  for (size_t i = 0; i < fullFiles.size(); ++i) {
    INFO(fullFiles[i].name);
    CHECK(lineCount(fullFiles[i].content) == lineCount(leanFiles[i].content));
    CHECK(leanFiles[i].content.find("tests:") == std::string::npos);
  }
}
