// Tests for cli/RulesTestCommand (through gklint::cli::run): `gklint rules test` on rule
// examples (tests:) and annotated reports, with exact output and exit codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "engine/ruleset/RuleSet.h"
#include "tests/cli/CliTestSupport.h"
#include "tests/support/FixtureRunner.h"

using namespace gklint::clitest;

namespace {

std::string rulesDir() { return testPath("../rules"); }

// A local rule with passing examples: a snippet that fires, one that fires exactly twice, one
// that stays silent, and a report file beside the rule file.
const char* const kPassingRules = R"(rules:
  - id: local/draft-mark
    kind: forbidden-pattern
    severity: warning
    summary: 正文残留“（草稿）”“征求意见稿”字样
    message: "发布稿中不应出现“{match}”"
    patterns:
      - '（草稿）|征求意见稿'
    tests:
      invalid:
        - |
          石河乡人民政府2021年政府信息公开工作年度报告（草稿）
        - count: 2
          text: |
            （草稿）
            本报告为征求意见稿。
        - file: reports/draft.txt
      valid:
        - |
          石河乡人民政府2021年政府信息公开工作年度报告
)";

// The same rule with examples that fail in every way an example can.
const char* const kFailingRules = R"(rules:
  - id: local/draft-mark
    kind: forbidden-pattern
    severity: warning
    summary: 正文残留“（草稿）”字样
    message: "发布稿中不应出现“{match}”"
    patterns:
      - '（草稿）'
    tests:
      invalid:
        - |
          本报告为征求意见稿。
        - count: 1
          text: |
            （草稿）
            附件（草稿）
        - file: reports/missing.txt
      valid:
        - |
          石河乡人民政府2021年政府信息公开工作年度报告（草稿）
)";

}  // namespace

TEST_CASE("rules test passes a rule file whose examples hold", "[cli][rules-test]") {
  TempDir dir;
  const std::string rules = dir.write("local/draft.yaml", kPassingRules);
  dir.write("local/reports/draft.txt", "石河乡人民政府2021年政府信息公开工作年度报告\n\n（草稿）\n");
  const CliRun r = runGklint({"rules", "test", rules});
  CHECK(r.err == "");
  CHECK(r.out == "PASS  local/draft-mark  " + rules + ":11  invalid example\n"
                 "PASS  local/draft-mark  " + rules + ":13  invalid example (count: 2)\n"
                 "PASS  local/draft-mark  " + rules + ":17  invalid example reports/draft.txt\n"
                 "PASS  local/draft-mark  " + rules + ":19  valid example\n"
                 "4 cases: 4 passed, 0 failed\n");
  CHECK(r.code == 0);
}

TEST_CASE("rules test prints a diff of expected and actual findings for failing examples", "[cli][rules-test]") {
  TempDir dir;
  const std::string rules = dir.write("draft.yaml", kFailingRules);
  const std::string missing = (dir.path() / "reports/missing.txt").string();
  const CliRun r = runGklint({"rules", "test", rules});
  CHECK(r.err == "");
  CHECK(r.out == "FAIL  local/draft-mark  " + rules + ":11  invalid example\n"
                 "      - at least 1 finding\n"
                 "      + no finding\n"
                 "FAIL  local/draft-mark  " + rules + ":13  invalid example (count: 1)\n"
                 "      - 1 finding\n"
                 "      + 1:1: 发布稿中不应出现“（草稿）”\n"
                 "      + 2:3: 发布稿中不应出现“（草稿）”\n"
                 "FAIL  local/draft-mark  " + rules + ":17  invalid example reports/missing.txt\n"
                 "      error: cannot read " + missing + "\n"
                 "FAIL  local/draft-mark  " + rules + ":19  valid example\n"
                 "      - no finding\n"
                 "      + 1:25: 发布稿中不应出现“（草稿）”\n"
                 "4 cases: 0 passed, 4 failed\n");
  CHECK(r.code == 1);
}

TEST_CASE("rules test notes rules that lack an invalid or a valid example", "[cli][rules-test]") {
  TempDir dir;
  const std::string rules = dir.write("local.yaml", R"(rules:
  - id: local/draft-mark
    kind: forbidden-pattern
    severity: warning
    summary: 残留“（草稿）”
    message: "“{match}”"
    patterns: ['（草稿）']
    tests:
      invalid: ['（草稿）']
  - id: local/no-tests
    kind: forbidden-pattern
    severity: info
    summary: 示例
    message: "“{match}”"
    patterns: ['征求意见稿']
)");
  const CliRun r = runGklint({"rules", "test", rules});
  CHECK(r.out == "PASS  local/draft-mark  " + rules + ":9  invalid example\n"
                 "note: local/draft-mark has no valid example (" + rules + ":2)\n"
                 "note: local/no-tests has no tests: examples (" + rules + ":10)\n"
                 "1 case: 1 passed, 0 failed\n");
  CHECK(r.code == 0);
}

TEST_CASE("rules test exits 2 with located errors when a rule file does not load", "[cli][rules-test]") {
  TempDir dir;
  const std::string rules = dir.write("broken.yaml", R"(rules:
  - id: local/broken
    kind: forbidden-pattern
    severity: warning
    summary: 示例
    message: "“{match}”"
    patterns: ['x']
    tests:
      invalid:
        - txt: '（草稿）'
)");
  const CliRun r = runGklint({"rules", "test", rules});
  CHECK(r.out == "");
  CHECK(r.err == rules + ":10:11: error: an example needs exactly one of 'text' or 'file' [rules[0].tests.invalid[0]]\n" +
                     rules + ":10:11: error: unknown key 'txt' [rules[0].tests.invalid[0].txt]\n");
  CHECK(r.code == 2);
}

TEST_CASE("rules test exits 2 for paths that are missing or of the wrong type", "[cli][rules-test]") {
  TempDir dir;
  const std::string text = dir.write("report.txt", "报告\n");
  const std::string none = (dir.path() / "none.yaml").string();
  const CliRun r = runGklint({"rules", "test", none, text});
  CHECK(r.out == "");
  CHECK(r.err == "gklint: error: " + none + ": no such file or folder\n"
                 "gklint: error: " + text + ": not a rule file (.yaml, .yml) or an annotated report (.md)\n");
  CHECK(r.code == 2);
}

TEST_CASE("rules test checks expect and ok annotations in a report", "[cli][rules-test]") {
  TempDir dir;
  const std::string report = dir.write("typo.md", R"(# 青山县石河乡人民政府2021年政府信息公开工作年度报告

<!-- expect: text/typo -->
在政府门户网站设量政府信息公开专栏。

<!-- ok: text/typo -->
推动政务公开平台建设量质齐升。

<!-- expect: text/halfwidth-punct, text/typo -->

联系电话:0457-2190000,设量专栏。
)");
  const CliRun r = runGklint({"rules", "test", report});
  CHECK(r.err == "");
  CHECK(r.out == "PASS  text/typo  " + report + ":3  expect on line 4\n"
                 "PASS  text/typo  " + report + ":6  ok on line 7\n"
                 "PASS  text/halfwidth-punct  " + report + ":9  expect on line 11\n"
                 "PASS  text/typo  " + report + ":9  expect on line 11\n"
                 "4 cases: 4 passed, 0 failed\n");
  CHECK(r.code == 0);
}

TEST_CASE("rules test reports missed expects, broken oks and unexpected findings in a report", "[cli][rules-test]") {
  TempDir dir;
  const std::string report = dir.write("typo.md", R"(# 青山县石河乡人民政府2021年政府信息公开工作年度报告

<!-- expect: text/typo -->
在政府门户网站设置政府信息公开专栏。

<!-- ok: text/typo -->
在政府门户网站设量政府信息公开专栏。

另外设量了两个栏目。

<!-- expect: text/tpyo -->
在政府门户网站设置专栏。
<!-- expect: text/cjk-spacing -->
)");
  const CliRun r = runGklint({"rules", "test", report});
  CHECK(r.err == "");
  CHECK(r.out == "FAIL  text/typo  " + report + ":3  expect on line 4\n"
                 "      - 4: a finding of text/typo\n"
                 "      + 4: none\n"
                 "FAIL  text/typo  " + report + ":6  ok on line 7\n"
                 "      - 7: no finding of text/typo\n"
                 "      + 7:8: 疑似错别字“设量”，应为“设置”\n"
                 "FAIL  text/tpyo  " + report + ":11  expect\n"
                 "      error: no rule 'text/tpyo' is loaded (`gklint rules list` shows the rules)\n"
                 "FAIL  text/cjk-spacing  " + report + ":13  expect\n"
                 "      error: no line follows the annotation\n"
                 "FAIL  text/typo  " + report + ":9  unexpected finding (no expect for this line)\n"
                 "      - 9: no finding of text/typo\n"
                 "      + 9:3: 疑似错别字“设量”，应为“设置”\n"
                 "5 cases: 0 passed, 5 failed\n");
  CHECK(r.code == 1);
}

TEST_CASE("rules test lints annotated reports with the given rule files too", "[cli][rules-test]") {
  TempDir dir;
  const std::string rules = dir.write("pack/draft.yaml", kPassingRules);
  dir.write("pack/reports/draft.txt", "（草稿）\n");
  dir.write("pack/README.md", "说明：没有注释的 Markdown 文件被跳过。\n");
  const std::string report = dir.write("pack/fixtures/draft.md", R"(# 石河乡人民政府2021年政府信息公开工作年度报告

<!-- expect: local/draft-mark -->
本报告为征求意见稿。

<!-- ok: local/draft-mark -->
本报告为正式稿。
)");
  const CliRun r = runGklint({"rules", "test", (dir.path() / "pack").string()});
  CHECK(r.err == "");
  CHECK(r.out == "PASS  local/draft-mark  " + rules + ":11  invalid example\n"
                 "PASS  local/draft-mark  " + rules + ":13  invalid example (count: 2)\n"
                 "PASS  local/draft-mark  " + rules + ":17  invalid example reports/draft.txt\n"
                 "PASS  local/draft-mark  " + rules + ":19  valid example\n"
                 "PASS  local/draft-mark  " + report + ":3  expect on line 4\n"
                 "PASS  local/draft-mark  " + report + ":6  ok on line 7\n"
                 "6 cases: 6 passed, 0 failed\n");
  CHECK(r.code == 0);
}

TEST_CASE("rules test notes a named report without annotations", "[cli][rules-test]") {
  TempDir dir;
  const std::string report = dir.write("plain.md", "# 报告\n\n正文。\n");
  const CliRun r = runGklint({"rules", "test", report});
  CHECK(r.out == "note: " + report + " has no <!-- expect: RULE-ID --> or <!-- ok: RULE-ID --> annotations\n"
                 "0 cases: 0 passed, 0 failed\n");
  CHECK(r.code == 0);
}

TEST_CASE("rules test runs every built-in rule's examples, all passing", "[cli][rules-test]") {
  const CliRun r = runGklint({"rules", "test", "--rules-dir", rulesDir()});
  INFO(r.out);
  CHECK(r.err == "");
  CHECK(r.code == 0);
  CHECK(r.out.find("FAIL") == std::string::npos);
  CHECK(r.out.find("PASS  text/typo  builtin:gov/text.yaml:") != std::string::npos);
  CHECK(r.out.find("invalid example (count: 1) ../../tests/fixtures/reports/structure/section-missing-review.txt") !=
        std::string::npos);
  // Every rule of rules/gov has both kinds of example, except where a note says why not.
  const gklint::RuleLoadResult builtin = gklint::loadBuiltinRules();
  for (const auto& check : builtin.rules.checks) {
    const gklint::RuleInfo& rule = check->info();
    if (rule.id.rfind("meta/", 0) == 0) continue;  // engine-made findings: no report text can show them
    INFO(rule.id);
    bool invalid = false, valid = false;
    for (const gklint::RuleExample& e : rule.examples) {
      if (e.shouldFire) invalid = true;
      else valid = true;
    }
    CHECK(valid);
    // Examples cannot give last year's report or a publish date.
    if (rule.id != "arith/carry-over" && rule.id != "publish/late") CHECK(invalid);
  }
}

TEST_CASE("rules test without the repository's files fails the built-in file examples clearly", "[cli][rules-test]") {
  TempDir dir;
  const std::string nowhere = (dir.path() / "nowhere").string();
  const std::string fixture = (dir.path() / "tests/fixtures/reports/structure/section-missing-review.txt").string();
  const CliRun r = runGklint({"rules", "test", "--rules-dir", nowhere});
  CHECK(r.code == 1);
  CHECK(r.out.find("  invalid example (count: 1) ../../tests/fixtures/reports/structure/section-missing-review.txt\n"
                   "      error: cannot read " + fixture +
                   " (built-in rules' example files are read relative to --rules-dir " + nowhere + ")\n") !=
        std::string::npos);
  CHECK(r.out.find("PASS  text/typo  builtin:gov/text.yaml:") != std::string::npos);  // snippets still run
}

TEST_CASE("rules test takes a built-in pack's file on disk in place of the embedded copy", "[cli][rules-test]") {
  TempDir dir;
  // A copy of the rules folder where text.yaml gains a failing example: it replaces the
  // embedded text.yaml (no duplicate-id errors) and only its rules are tested.
  std::filesystem::copy(rulesDir(), dir.path() / "rules", std::filesystem::copy_options::recursive);
  const std::string text = (dir.path() / "rules/gov/text.yaml").string();
  std::string yaml = readBytes(text);
  const std::string anchor = "    tests:\n      invalid:\n";
  const size_t at = yaml.find(anchor);
  REQUIRE(at != std::string::npos);
  yaml.insert(at + anchor.size(), "        - |\n          全部使用全角标点，没有问题。\n");
  const std::string line = std::to_string(std::count(yaml.begin(), yaml.begin() + static_cast<long>(at + anchor.size()), '\n') + 1);
  writeBytes(text, yaml);
  const CliRun r = runGklint({"rules", "test", "--rules-dir", (dir.path() / "rules").string(), text});
  CHECK(r.err == "");
  CHECK(r.code == 1);
  CHECK(r.out.find("FAIL  text/halfwidth-punct  " + text + ":" + line + "  invalid example\n"
                   "      - at least 1 finding\n"
                   "      + no finding\n") != std::string::npos);
  CHECK(r.out.find("structure/") == std::string::npos);
  CHECK(r.out.find("PASS  text/typo  " + text + ":") != std::string::npos);
}

TEST_CASE("rules test gives examples last year's report and a publish date", "[cli][rules-test]") {
  TempDir dir;
  const std::string examples = testPath("../docs/checks/examples/");
  dir.write("local/reports/shihe-2022.txt", gklint::test::readWholeFile(examples + "shihe-2022.txt"));
  dir.write("local/reports/shihe-2021.txt", gklint::test::readWholeFile(examples + "compliant-2021.txt"));
  const std::string rules = dir.write("local/yearly.yaml", R"(rules:
  - id: local/carry-over
    kind: carry-over
    severity: warning
    summary: 上年结转与上年报告不一致
    message: "{column}：{value}≠{previous}"
    table: t3
    row: R02
    previous_row: R25
    tests:
      invalid:
        - {file: reports/shihe-2022.txt, previous: reports/shihe-2021.txt, count: 2}
      valid:
        - {file: reports/shihe-2022.txt}
  - id: local/late
    kind: publish-deadline
    severity: warning
    summary: 发布晚于期限
    message: "{date}>{deadline}"
    deadlines: {government: "03-31", township: "01-31", department: "01-31"}
    tests:
      invalid:
        - {file: reports/shihe-2021.txt, published: 2022-02-01}
      valid:
        - {file: reports/shihe-2021.txt, published: 2022-01-31}
)");
  const CliRun r = runGklint({"rules", "test", rules});
  CHECK(r.err == "");
  CHECK(r.out ==
        "PASS  local/carry-over  " + rules + ":12  invalid example (count: 2) reports/shihe-2022.txt (previous: reports/shihe-2021.txt)\n"
        "PASS  local/carry-over  " + rules + ":14  valid example reports/shihe-2022.txt\n"
        "PASS  local/late  " + rules + ":23  invalid example reports/shihe-2021.txt (published 2022-02-01)\n"
        "PASS  local/late  " + rules + ":25  valid example reports/shihe-2021.txt (published 2022-01-31)\n"
        "4 cases: 4 passed, 0 failed\n");
  CHECK(r.code == 0);

  // A date that is not YYYY-MM-DD is a located error; a missing previous report says which.
  const std::string broken = dir.write("local/broken.yaml", R"(rules:
  - id: local/late
    kind: publish-deadline
    severity: warning
    summary: 发布晚于期限
    message: "{date}>{deadline}"
    tests:
      invalid:
        - {file: reports/shihe-2021.txt, published: 2022.2.1}
)");
  const CliRun bad = runGklint({"rules", "test", broken});
  CHECK(bad.err == broken + ":9:42: error: 'published' must be a date written YYYY-MM-DD [rules[0].tests.invalid[0].published]\n");
  CHECK(bad.code == 2);
}
