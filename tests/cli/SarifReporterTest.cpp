// Tests for cli/SarifReporter (through gklint::cli::run): `gklint check --format sarif`. The
// official schema is checked by the sarif-schema test (tests/sarif/check-sarif-schema.sh);
// these pin the content: rules, levels, regions in code points, related locations, fixes, URIs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "engine/ruleset/RuleSet.h"
#include "cli/Version.h"
#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;
using nlohmann::json;

namespace {

const std::string kRepo = std::filesystem::canonical(std::string(GKLINT_TEST_DIR) + "/..").string();

json sarifOf(const std::vector<std::string>& args, int expectedCode) {
  std::vector<std::string> all = {"check", "--format", "sarif"};
  all.insert(all.end(), args.begin(), args.end());
  const CliRun r = runGklint(all);
  CHECK(r.code == expectedCode);
  REQUIRE(json::accept(r.out));
  return json::parse(r.out);
}

json locationIn(const std::string& uri, int line, int column, int endLine, int endColumn) {
  return {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}},
          {"region", {{"startLine", line}, {"startColumn", column}, {"endLine", endLine}, {"endColumn", endColumn}}}};
}

}  // namespace

TEST_CASE("sarif: the log, the run and the tool", "[cli][sarif]") {
  WorkingFolder here(kRepo);
  const json log = sarifOf({"tests/fixtures/cli/clean-2021.txt"}, 0);
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["originalUriBaseIds"] == json{{"%SRCROOT%", {{"uri", "file://" + kRepo + "/"}}}});
  CHECK(run["results"] == json::array());
  CHECK(run["invocations"] == json::array({{{"executionSuccessful", true}}}));
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "gklint");
  CHECK(driver["version"] == "0.1.0");
  if (gklint::cli::hasDocumentationUri()) {
    CHECK(driver["informationUri"] == gklint::cli::kDocumentationUri);
  } else {
    CHECK_FALSE(driver.contains("informationUri"));  // no published documentation to point at
  }
  // Every built-in rule, sorted by id, each with its level and documentation page.
  const gklint::RuleLoadResult builtin = gklint::loadBuiltinRules();
  CHECK(driver["rules"].size() == builtin.rules.checks.size());
  const auto typo = std::find_if(driver["rules"].begin(), driver["rules"].end(), [](const json& r) { return r["id"] == "text/typo"; });
  REQUIRE(typo != driver["rules"].end());
  CHECK((*typo)["shortDescription"] == json{{"text", "常见错别字（可由上级政务公开办维护的词表）"}});
  CHECK((*typo)["defaultConfiguration"] == json{{"level", "note"}});
  if (gklint::cli::hasDocumentationUri()) {
    CHECK((*typo)["helpUri"] == std::string(gklint::cli::kDocumentationUri) + "docs/rules/text/typo.md");
  } else {
    CHECK_FALSE(typo->contains("helpUri"));
  }
  CHECK((*typo)["properties"]["kind"] == "forbidden-pattern");
  for (size_t i = 1; i < driver["rules"].size(); ++i) CHECK(driver["rules"][i - 1]["id"] < driver["rules"][i]["id"]);
}

TEST_CASE("sarif: a finding after CJK and a non-BMP character has code-point columns and its fix", "[cli][sarif]") {
  WorkingFolder here(kRepo);
  const json log = sarifOf({"--fail-on", "never", "tests/fixtures/cli/non-bmp-2021.txt"}, 0);
  const json& run = log["runs"][0];
  REQUIRE(run["results"].size() == 1);
  const std::string uri = "tests/fixtures/cli/non-bmp-2021.txt";
  // Line 13: "（三）政府信息管理。…𠀋字调整设量相关栏目。" — 𠀋 (U+2000B) is one code point.
  json expected = {{"ruleId", "text/typo"},
                   {"level", "note"},
                   {"message", {{"text", "疑似错别字“设量”，应为“设置”"}}},
                   {"locations", json::array({{{"physicalLocation", locationIn(uri, 13, 39, 13, 41)}}})},
                   {"fixes", json::array({{{"description", {{"text", "改为“设置”"}}},
                                           {"artifactChanges",
                                            json::array({{{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}},
                                                          {"replacements", json::array({{{"deletedRegion",
                                                                                          locationIn(uri, 13, 39, 13, 41)["region"]},
                                                                                         {"insertedContent", {{"text", "设置"}}}}})}}})}}})}};
  const json& rules = run["tool"]["driver"]["rules"];
  const json& result = run["results"][0];
  REQUIRE(result.contains("ruleIndex"));
  CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == "text/typo");
  json withoutIndex = result;
  withoutIndex.erase("ruleIndex");
  CHECK(withoutIndex == expected);
}

TEST_CASE("sarif: relation findings carry the cells they relate as related locations", "[cli][sarif]") {
  WorkingFolder here(kRepo);
  const json log = sarifOf({"docs/checks/examples/tab-t3-balance.txt"}, 1);
  const std::string uri = "docs/checks/examples/tab-t3-balance.txt";
  const json& results = log["runs"][0]["results"];
  const auto balance = std::find_if(results.begin(), results.end(), [](const json& r) { return r["ruleId"] == "arith/t3-balance"; });
  REQUIRE(balance != results.end());
  CHECK((*balance)["level"] == "error");
  CHECK((*balance)["message"]["text"] == "表三“商业企业”列：新收与上年结转之和为6，办理结果总计与结转下年之和为4，二者应相等");
  CHECK((*balance)["locations"][0]["physicalLocation"] == locationIn(uri, 41, 22, 41, 23));
  CHECK((*balance)["relatedLocations"] ==
        json::array({{{"id", 1}, {"message", {{"text", "“二、上年结转政府信息公开申请数量”的“商业企业”：1"}}}, {"physicalLocation", locationIn(uri, 42, 21, 42, 22)}},
                     {{"id", 2}, {"message", {{"text", "“（七）总计”的“商业企业”：4"}}}, {"physicalLocation", locationIn(uri, 64, 11, 64, 12)}},
                     {{"id", 3}, {"message", {{"text", "“四、结转下年度继续办理”的“商业企业”：0"}}}, {"physicalLocation", locationIn(uri, 65, 16, 65, 17)}}}));
  CHECK_FALSE((*balance).contains("fixes"));
}

TEST_CASE("sarif: file URIs — percent-encoded names, absolute outside the working folder, and unreadable files are notifications",
          "[cli][sarif]") {
  TempDir dir;
  dir.write("reports/石河乡 2022.txt", readBytes(cliFixture("non-bmp-2021.txt")));
  const std::string outside = dir.write("outside.txt", readBytes(cliFixture("non-bmp-2021.txt")));
  WorkingFolder here(dir.path() / "reports");
  const json log = sarifOf({"--fail-on", "never", "石河乡 2022.txt", outside, "nothere.txt"}, 2);
  const json& run = log["runs"][0];
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "%E7%9F%B3%E6%B2%B3%E4%B9%A1%202022.txt"}, {"uriBaseId", "%SRCROOT%"}});
  const std::string canonicalOutside = std::filesystem::canonical(outside).string();
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"] == json{{"uri", "file://" + canonicalOutside}});
  CHECK(run["invocations"] ==
        json::array({{{"executionSuccessful", false},
                      {"toolExecutionNotifications",
                       json::array({{{"level", "error"},
                                     {"message", {{"text", "no such file or folder"}}},
                                     {"locations", json::array({{{"physicalLocation",
                                                                  {{"artifactLocation", {{"uri", "nothere.txt"}, {"uriBaseId", "%SRCROOT%"}}}}}}})}}})}}}));
}

TEST_CASE("check --output writes the report to a file, and an unwritable one is an error", "[cli][sarif]") {
  TempDir dir;
  const std::string out = (dir.path() / "gklint.sarif").string();
  const CliRun r = runGklint({"check", "-f", "sarif", "--output", out, "--fail-on", "never", cliFixture("non-bmp-2021.txt")});
  CHECK(r.code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "");
  const std::string written = readBytes(out);
  REQUIRE(json::accept(written));
  CHECK(json::parse(written)["runs"][0]["results"].size() == 1);
  // Text to a file: no colour codes, the summary still on standard error.
  const std::string text = (dir.path() / "findings.txt").string();
  const CliRun t = runGklint({"check", "--color", "always", "-o", text, "--fail-on", "never", cliFixture("non-bmp-2021.txt")});
  CHECK(readBytes(text) == cliFixture("non-bmp-2021.txt") + ":13:39: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
  CHECK(t.err == "0 error(s), 0 warning(s), 1 info in 1 file(s)\n");
  const std::string bad = (dir.path() / "no" / "such" / "folder.sarif").string();
  const CliRun b = runGklint({"check", "-f", "sarif", "--output", bad, cliFixture("clean-2021.txt")});
  CHECK(b.code == 2);
  CHECK(b.out == "");
  CHECK(b.err == bad + ": error: cannot write the report here (--output); check the folder exists and is writable\n");
}
