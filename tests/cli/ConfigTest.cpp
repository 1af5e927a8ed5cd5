// Tests for configuration: discovery, extends, severities, rule_paths, ignore, waivers, and
// the init / config show / rules validate commands.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/Cli.h"
#include "tests/cli/CliTestSupport.h"
#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;

namespace {

using Run = gklint::clitest::CliRun;
using gklint::clitest::runGklint;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A fresh folder holding seed 003 as report.txt.
fs::path workspace(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("gklint-config-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "report.txt", gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/corpus/seeds/003_8d3f9a9668695af1.txt"));
  return dir;
}

int countRule(const std::string& out, const std::string& rule) {
  int n = 0;
  for (size_t at = out.find("[" + rule + "]"); at != std::string::npos; at = out.find("[" + rule + "]", at + 1)) ++n;
  return n;
}

const char* kLocalRule = R"(rules:
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

}  // namespace

TEST_CASE("the nearest .gklint.yaml sets severities by id and by category glob", "[config]") {
  const fs::path dir = workspace("severities");
  const std::string report = (dir / "report.txt").string();
  Run before = runGklint({"check", "--fail-on", "never", report});
  CHECK(countRule(before.out, "text/halfwidth-punct") > 10);
  CHECK(before.out.find(":98:1: warning: “六、其他需要报告的事项”未说明信息处理费") != std::string::npos);

  write(dir / ".gklint.yaml", "rules:\n  content/fee-statement: error\n  text/*: off\n");
  Run after = runGklint({"check", report});
  CHECK(after.code == 1);  // the fee statement is now an error
  CHECK(after.out.find(report + ":98:1: error: “六、其他需要报告的事项”未说明信息处理费") != std::string::npos);
  CHECK(countRule(after.out, "text/halfwidth-punct") == 0);
  // --no-config ignores it.
  CHECK(countRule(runGklint({"check", "--no-config", "--fail-on", "never", report}).out, "text/halfwidth-punct") > 10);
}

TEST_CASE("extends chains, rule_paths add local rules, ignore skips files", "[config]") {
  const fs::path dir = workspace("extends");
  write(dir / "county" / "county.gklint.yaml", "rule_paths: [./rules]\nrules:\n  text/*: off\n");
  write(dir / "county" / "rules" / "county.yaml", kLocalRule);
  write(dir / ".gklint.yaml", "extends: [builtin:gov, ./county/county.gklint.yaml]\nignore: [\"drafts/**\"]\n");
  write(dir / "drafts" / "old.txt", "draft");
  Run run = runGklint({"check", "--fail-on", "never", dir.string()});
  CHECK(run.code == 0);
  CHECK(run.out.find("[local/work-points]") != std::string::npos);
  CHECK(run.out.find("drafts") == std::string::npos);
  CHECK(countRule(run.out, "text/halfwidth-punct") == 0);
}

TEST_CASE("configuration errors are located and stop the gate", "[config]") {
  const fs::path dir = workspace("errors");
  write(dir / ".gklint.yaml", "rules:\n  text/typoo: off\n  content/fee-statement: maybe\nextends: [./missing.yaml]\n");
  Run run = runGklint({"check", (dir / "report.txt").string()});
  CHECK(run.code == 2);
  const std::string config = fs::absolute(dir / ".gklint.yaml").lexically_normal().string();
  CHECK(run.err.find(config + ":4:11: error: cannot read config file '" + dir.string() + "/missing.yaml' [extends]") !=
        std::string::npos);
  CHECK(run.err.find(config + ":3:26: error: severity of 'content/fee-statement' must be off, info, warning or error") !=
        std::string::npos);
  CHECK(run.err.find(config + ":2:3: error: 'text/typoo' matches no rule") != std::string::npos);
  CHECK(run.out.empty());
}

TEST_CASE("a config that extends itself is a located cycle, not a hang", "[config]") {
  const fs::path dir = workspace("cycle");
  write(dir / ".gklint.yaml", "extends: [./.gklint.yaml]\n");
  Run run = runGklint({"check", (dir / "report.txt").string()});
  CHECK(run.code == 2);
  CHECK(run.err.find("extends itself") != std::string::npos);
}

TEST_CASE("waivers silence a finding until they expire, then both are reported", "[config][waivers]") {
  const fs::path dir = workspace("waivers");
  write(dir / ".gklint.yaml", "rules:\n  text/*: off\n");
  write(dir / ".gklint-waivers.yaml", R"(waivers:
  - file: report.txt
    rule: content/contact-missing
    match: 电子邮箱
    reason: 乡政府未开设电子邮箱
    approved_by: 县政务公开办 张三
    expires: 2025-12-31
)");
  const std::string report = (dir / "report.txt").string();
  setenv("GKLINT_TODAY", "2025-06-01", 1);
  Run valid = runGklint({"check", "--fail-on", "never", report});
  CHECK(valid.out.find("[content/contact-missing]") == std::string::npos);
  CHECK(valid.err.find(report + ": waived 1 finding(s) (.gklint-waivers.yaml)") != std::string::npos);
  setenv("GKLINT_TODAY", "2026-01-01", 1);
  Run expired = runGklint({"check", "--fail-on", "never", report});
  unsetenv("GKLINT_TODAY");
  CHECK(expired.out.find(report + ":3:1: info: 未提供联系方式中的电子邮箱 [content/contact-missing]") != std::string::npos);
  CHECK(expired.out.find(report + ":3:1: warning: 豁免已于2025-12-31过期（乡政府未开设电子邮箱；批准：县政务公开办 张三），该问题重新报告 "
                                  "[meta/expired-waiver]") != std::string::npos);
}

TEST_CASE("a broken waiver file is a located error", "[config][waivers]") {
  const fs::path dir = workspace("badwaiver");
  write(dir / ".gklint.yaml", "waivers: ./w.yaml\n");
  write(dir / "w.yaml", "waivers:\n  - file: report.txt\n    rule: text/typo\n    expires: 31/12/2025\n");
  Run run = runGklint({"check", (dir / "report.txt").string()});
  CHECK(run.code == 2);
  CHECK(run.err.find("w.yaml:2:5: error: missing required key 'reason' [waivers[0].reason]") != std::string::npos);
  CHECK(run.err.find("w.yaml:4:14: error: 'expires' must be a date written YYYY-MM-DD [waivers[0].expires]") != std::string::npos);
}

TEST_CASE("init writes a starter once and config show names where each setting comes from", "[config]") {
  const fs::path dir = workspace("init");
  Run init = runGklint({"init", dir.string()});
  CHECK(init.code == 0);
  CHECK(fs::exists(dir / ".gklint.yaml"));
  CHECK(runGklint({"init", dir.string()}).code == 2);  // never overwrites
  // The starter is valid as written and changes nothing.
  Run show = runGklint({"config", "show", (dir / "report.txt").string()});
  CHECK(show.code == 0);
  CHECK(show.out.find("content/fee-statement        warning  builtin:gov/content.yaml:") != std::string::npos);
  write(dir / ".gklint.yaml", "rules:\n  content/fee-statement: error\n  text/*: off\n");
  show = runGklint({"config", "show", (dir / "report.txt").string()});
  const std::string config = fs::absolute(dir / ".gklint.yaml").lexically_normal().string();
  CHECK(show.out.find("content/fee-statement        error    " + config + ":2 (content/fee-statement)") != std::string::npos);
  CHECK(show.out.find("text/typo                    off      " + config + ":3 (text/*)") != std::string::npos);
}

TEST_CASE("rules validate reports located errors and rules that can never fire", "[config][rules]") {
  const fs::path dir = workspace("validate");
  write(dir / "ok" / "county.yaml", kLocalRule);
  Run ok = runGklint({"rules", "validate", (dir / "ok").string()});
  CHECK(ok.code == 0);
  CHECK(ok.out == "1 rule file(s), 1 rule(s): no problems\n");
  write(dir / "bad.yaml", "rules:\n  - id: local/x\n    kind: forbidden-pattern\n    severity: info\n    summary: s\n"
                          "    message: m\n    applies: {template: gov-2019, year: \">=2021\"}\n    patterns: [\"(?<=a)b\"]\n");
  Run bad = runGklint({"rules", "validate", (dir / "bad.yaml").string()});
  CHECK(bad.code == 2);
  const std::string file = (dir / "bad.yaml").string();
  CHECK(bad.err.find(file + ":7:15: error: template gov-2019 is never used in the years this rule applies to: the rule can "
                            "never fire [rules[0].applies.template]") != std::string::npos);
  CHECK(bad.err.find(file + ":8:16: error: invalid pattern /(?<=a)b/: invalid perl operator: (?<") != std::string::npos);
}

TEST_CASE("publish/late checks the publish date against the body's deadline", "[config][publish]") {
  const fs::path dir = workspace("publish");
  const std::string report = (dir / "report.txt").string();  // 交岔乡人民政府, 2021: a township, due 2022-01-31
  CHECK(runGklint({"check", "--fail-on", "never", report}).out.find("[publish/late]") == std::string::npos);
  Run late = runGklint({"check", "--fail-on", "never", "--published", "2022-02-15", report});
  CHECK(late.out.find(report + ":3:1: warning: 报告发布日期2022-02-15晚于期限2022-01-31 [publish/late]") != std::string::npos);
  CHECK(runGklint({"check", "--fail-on", "never", "--published", "2022-01-31", report}).out.find("[publish/late]") ==
        std::string::npos);
  // The config gives per-file dates and can move a kind of body's deadline.
  write(dir / ".gklint.yaml", "publish:\n  dates: {\"report.txt\": \"2022-02-15\"}\n  deadlines: {township: \"03-31\"}\n");
  CHECK(runGklint({"check", "--fail-on", "never", report}).out.find("[publish/late]") == std::string::npos);
  write(dir / ".gklint.yaml", "publish:\n  date: 2022-04-01\n");
  CHECK(runGklint({"check", "--fail-on", "never", report}).out.find("晚于期限2022-01-31 [publish/late]") != std::string::npos);
  write(dir / ".gklint.yaml", "publish:\n  date: 1.4.2022\n");
  Run bad = runGklint({"check", report});
  CHECK(bad.code == 2);
  CHECK(bad.err.find(":2:9: error: 'date' must be written YYYY-MM-DD [publish.date]") != std::string::npos);
}

TEST_CASE("a publish date glob inherited through extends is relative to the file that wrote it", "[config][publish][paths]") {
  const fs::path dir = workspace("publish-extends");
  const std::string report = (dir / "town" / "report.txt").string();  // a township's 2021 report, due 2022-01-31
  write(dir / "town" / "report.txt", gklint::test::readWholeFile((dir / "report.txt").string()));
  // The county's file names its reports relative to its own folder (the workspace root).
  write(dir / "county.yaml", "publish:\n  dates: {\"town/*.txt\": \"2022-02-15\"}\n");
  write(dir / "town" / ".gklint.yaml", "extends: [../county.yaml]\n");
  Run late = runGklint({"check", "--fail-on", "never", report});
  CHECK(late.out.find(report + ":3:1: warning: 报告发布日期2022-02-15晚于期限2022-01-31 [publish/late]") != std::string::npos);
  // Relative to the nearest config (town/) the glob would name town/town/*.txt: no date, silent.
  write(dir / "town" / ".gklint.yaml", "publish:\n  dates: {\"town/*.txt\": \"2022-02-15\"}\n");
  CHECK(runGklint({"check", "--fail-on", "never", report}).out.find("[publish/late]") == std::string::npos);
}

TEST_CASE("config show and configuration errors name files relative to the working folder", "[config][paths]") {
  const fs::path dir = workspace("relative");
  write(dir / "county" / "base.yaml", "rules:\n  text/*: off\n");
  write(dir / ".gklint.yaml", "extends: [./county/base.yaml]\nrules:\n  content/fee-statement: error\nignore: [\"drafts/**\"]\n");
  const fs::path saved = fs::current_path();
  fs::current_path(dir);
  Run show = runGklint({"config", "show", "report.txt"});
  write(dir / ".gklint.yaml", "extends: [./county/missing.yaml]\n");
  Run broken = runGklint({"check", "report.txt"});
  fs::current_path(saved);

  CHECK(show.code == 0);
  CHECK(show.err == "");
  CHECK(show.out.rfind("report:   report.txt\n"
                       "config:   .gklint.yaml ← extends county/base.yaml\n"
                       "packs:    builtin:gov\n"
                       "ignore:   drafts/**\n\n", 0) == 0);
  CHECK(show.out.find("\ncontent/fee-statement        error    .gklint.yaml:3 (content/fee-statement)\n") !=
        std::string::npos);
  CHECK(show.out.find("\ntext/typo                    off      county/base.yaml:2 (text/*)\n") != std::string::npos);

  CHECK(broken.code == 2);
  CHECK(broken.err ==
        ".gklint.yaml:1:11: error: cannot read config file 'county/missing.yaml' [extends]\n"
        "gklint: error: fix the configuration above (gklint config show REPORT shows what applies); nothing was checked\n");
}

TEST_CASE("an ignore glob inherited through extends is relative to the file that wrote it", "[config][paths]") {
  const fs::path dir = workspace("ignore-extends");
  write(dir / "county" / "county.gklint.yaml", "ignore: [\"drafts/**\"]\nrules:\n  \"*\": off\n");
  write(dir / ".gklint.yaml", "extends: [./county/county.gklint.yaml]\nignore: [\"old/*.txt\"]\n");
  const std::string seed = gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/corpus/seeds/003_8d3f9a9668695af1.txt");
  write(dir / "county" / "drafts" / "a.txt", seed);  // county/drafts/**: ignored
  write(dir / "drafts" / "b.txt", seed);             // not under county/: linted
  write(dir / "old" / "c.txt", seed);                // old/*.txt of the nearest config: ignored
  Run run = runGklint({"check", "--fail-on", "never", dir.string()});
  CHECK(run.code == 0);
  CHECK(run.out == "");
  CHECK(run.err == "0 error(s), 0 warning(s), 0 info in 2 file(s)\n");  // drafts/b.txt and report.txt

  Run show = runGklint({"config", "show", (dir / "report.txt").string()});
  CHECK(show.out.find("ignore:   drafts/** (relative to " + (dir / "county").string() + "/)\nignore:   old/*.txt\n") !=
        std::string::npos);
}
