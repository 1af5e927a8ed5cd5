// Tests for cli/RulesCommand (through gklint::cli::run): `rules list` and `explain`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ruleset/RuleSet.h"
#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> builtinIds() {
  const gklint::RuleLoadResult builtin = gklint::loadBuiltinRules();
  std::vector<std::string> ids;
  for (const auto& check : builtin.rules.checks) ids.push_back(check->info().id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("rules list prints every built-in rule once, sorted by id", "[cli][rules]") {
  const CliRun r = runGklint({"rules", "list"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  const std::vector<std::string> ids = builtinIds();
  REQUIRE(ids.size() >= 25);
  const std::vector<std::string> printed = lines(r.out);
  REQUIRE(printed.size() == ids.size());
  size_t width = 0;
  for (const std::string& id : ids) width = std::max(width, id.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(printed[i]);
    CHECK(printed[i].rfind(ids[i] + std::string(width + 2 - ids[i].size(), ' '), 0) == 0);
  }
  const std::string id = "content/period-missing";
  CHECK(std::count(printed.begin(), printed.end(),
                   id + std::string(width + 2 - id.size(), ' ') + "warning  没有说明数据统计期限") == 1);
}

TEST_CASE("rules list --format json lists id, severity, kind and summary", "[cli][rules]") {
  const CliRun r = runGklint({"rules", "list", "--format", "json"});
  CHECK(r.code == 0);
  REQUIRE(nlohmann::json::accept(r.out));
  const nlohmann::json list = nlohmann::json::parse(r.out);
  REQUIRE(list.is_array());
  std::vector<std::string> ids;
  for (const auto& rule : list) ids.push_back(rule["id"].get<std::string>());
  CHECK(ids == builtinIds());
  const auto it = std::find_if(list.begin(), list.end(), [](const auto& rule) { return rule["id"] == "text/typo"; });
  REQUIRE(it != list.end());
  CHECK(*it == nlohmann::json{{"id", "text/typo"},
                              {"severity", "info"},
                              {"kind", "forbidden-pattern"},
                              {"summary", "常见错别字（可由上级政务公开办维护的词表）"}});
}

TEST_CASE("rules list with an unknown format exits 2", "[cli][rules]") {
  const CliRun r = runGklint({"rules", "list", "--format", "yaml"});
  CHECK(r.code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "gklint: error: unknown output format 'yaml' (use text or json)\n");
}

TEST_CASE("rules without a subcommand exits 2", "[cli][rules]") {
  CHECK(runGklint({"rules"}).code == 2);
}

TEST_CASE("explain prints a rule's documentation", "[cli][explain]") {
  const CliRun r = runGklint({"explain", "content/period-missing"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "content/period-missing — 没有说明数据统计期限\n"
        "\n"
        "severity:  warning\n"
        "kind:      statistics-period\n"
        "applies:   every report\n"
        "source:    惯例（国办公开办函〔2021〕30号格式的通行写法）\n"
        "defined:   builtin:gov/content.yaml:3\n"
        "\n"
        "报告通常在开头或第六部分说明“本报告中所列数据统计期限自YYYY年1月1日起至YYYY年\n"
        "12月31日止”。没有这句话，读者无法确认表格数据的统计口径。\n");
}

TEST_CASE("explain describes when a rule applies", "[cli][explain]") {
  CHECK(lines(runGklint({"explain", "content/fee-statement"}).out).at(4) == "applies:   years from 2021");
  CHECK(lines(runGklint({"explain", "content/overview-topics"}).out).at(4) == "applies:   template gov-2021");
  CHECK(lines(runGklint({"explain", "content/assessment-results"}).out).at(4) ==
        "applies:   governments (人民政府, 乡镇, 街道)");
  CHECK(lines(runGklint({"explain", "text/markup-residue"}).out).at(4) == "applies:   format txt, html, docx, pdf");
}

TEST_CASE("explain of an unknown rule exits 2 and points to rules list", "[cli][explain]") {
  const CliRun r = runGklint({"explain", "content/nope"});
  CHECK(r.code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "gklint: error: no rule 'content/nope'; `gklint rules list` shows every rule\n");
  CHECK(runGklint({"explain"}).code == 2);
}

namespace {

const char* kCountyRule = R"(rules:
  - id: local/work-points
    kind: required-pattern
    severity: warning
    summary: 第六部分须报告落实上级政务公开工作要点情况
    message: "“六、其他需要报告的事项”未报告落实上级年度政务公开工作要点的情况"
    scope: section:other
    mode: any
    require:
      - {name: 工作要点, pattern: '工作要点'}
)";

// A county office's folder: its .gklint.yaml raises one rule, turns a category off and adds a
// rule of its own.
void writeCountyConfig(const TempDir& dir) {
  dir.write(".gklint.yaml", "rule_paths: [./rules]\nrules:\n  content/fee-statement: error\n  text/*: off\n");
  dir.write("rules/county.yaml", kCountyRule);
}

std::string lineOf(const std::string& text, const std::string& start) {
  for (const std::string& line : lines(text)) {
    if (line.rfind(start, 0) == 0) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("rules list shows the severities of the working folder's .gklint.yaml and where they were set",
          "[cli][rules][config]") {
  TempDir dir;
  writeCountyConfig(dir);
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"rules", "list"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(lineOf(r.out, "content/fee-statement ") ==
        "content/fee-statement        error    2021年起的报告第六部分没有说明信息处理费情况  ← .gklint.yaml:3 "
        "(content/fee-statement)");
  CHECK(lineOf(r.out, "text/typo ") ==
        "text/typo                    off      常见错别字（可由上级政务公开办维护的词表）  ← .gklint.yaml:4 (text/*)");
  // Rules of rule_paths are listed; rules no setting touches keep their own severity, unmarked.
  CHECK(lineOf(r.out, "local/work-points ") ==
        "local/work-points            warning  第六部分须报告落实上级政务公开工作要点情况");
  CHECK(lineOf(r.out, "content/period-missing ") ==
        "content/period-missing       warning  没有说明数据统计期限");
  CHECK(lines(r.out).size() == builtinIds().size() + 1);

  // --no-config: the built-in rules as shipped.
  const CliRun builtin = runGklint({"rules", "list", "--no-config"});
  CHECK(lineOf(builtin.out, "text/typo ") == "text/typo                    info     常见错别字（可由上级政务公开办维护的词表）");
  CHECK(lineOf(builtin.out, "local/") == "");
}

TEST_CASE("rules list --format json gives the effective severity, the default and the setting", "[cli][rules][config]") {
  TempDir dir;
  writeCountyConfig(dir);
  const std::string config = (dir.path() / ".gklint.yaml").string();  // --config from anywhere
  const CliRun r = runGklint({"rules", "list", "--format", "json", "--config", config});
  CHECK(r.code == 0);
  const nlohmann::json list = nlohmann::json::parse(r.out);
  auto rule = [&](const std::string& id) {
    for (const auto& entry : list) {
      if (entry["id"] == id) return entry;
    }
    return nlohmann::json();
  };
  CHECK(rule("text/typo") == nlohmann::json{{"id", "text/typo"},
                                            {"severity", "off"},
                                            {"defaultSeverity", "info"},
                                            {"setIn", {{"file", config}, {"line", 4}, {"pattern", "text/*"}}},
                                            {"kind", "forbidden-pattern"},
                                            {"summary", "常见错别字（可由上级政务公开办维护的词表）"}});
  CHECK(rule("local/work-points")["severity"] == "warning");
  CHECK_FALSE(rule("local/work-points").contains("setIn"));
}

TEST_CASE("explain knows the rules of the configuration and its severities", "[cli][explain][config]") {
  TempDir dir;
  writeCountyConfig(dir);
  WorkingFolder here(dir.path());
  const CliRun local = runGklint({"explain", "local/work-points"});
  CHECK(local.code == 0);
  CHECK(local.err == "");
  CHECK(local.out ==
        "local/work-points — 第六部分须报告落实上级政务公开工作要点情况\n"
        "\n"
        "severity:  warning\n"
        "kind:      required-pattern\n"
        "applies:   every report\n"
        "defined:   rules/county.yaml:2\n");
  CHECK(lines(runGklint({"explain", "text/typo"}).out).at(2) ==
        "severity:  off (set by text/* in .gklint.yaml:4; default info)");
  CHECK(lines(runGklint({"explain", "content/fee-statement"}).out).at(2) ==
        "severity:  error (set by content/fee-statement in .gklint.yaml:3; default warning)");
  // Without the configuration the local rule does not exist.
  const CliRun none = runGklint({"explain", "--no-config", "local/work-points"});
  CHECK(none.code == 2);
  CHECK(none.err == "gklint: error: no rule 'local/work-points'; `gklint rules list` shows every rule\n");
}

TEST_CASE("rules list and explain refuse a broken configuration with located errors", "[cli][rules][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", "rules:\n  text/typoo: off\n");
  WorkingFolder here(dir.path());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"rules", "list"},
                                               std::vector<std::string>{"explain", "text/typo"}}) {
    const CliRun r = runGklint(args);
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          ".gklint.yaml:2:3: error: 'text/typoo' matches no rule (gklint rules list shows every id; globs look like "
          "text/*) [rules.text/typoo]\n"
          "gklint: error: fix the configuration above (gklint config show shows it; --no-config ignores it)\n");
  }
  CHECK(runGklint({"rules", "list", "--no-config"}).code == 0);
}
