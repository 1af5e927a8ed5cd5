// Tests for cli/CheckCommand (through gklint::cli::run): exit codes, --fail-on, unreadable and
// undecodable inputs, folders, the JSON report and positions in code points.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;
using nlohmann::json;

namespace {

const std::string kExport = "export it as .txt or .md (UTF-8) first";

std::string summary(int errors, int warnings, int infos, int files) {
  return std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s), " +
         std::to_string(infos) + " info in " + std::to_string(files) + " file(s)";
}

json parseJson(const std::string& text) {
  INFO(text);
  REQUIRE(json::accept(text));
  return json::parse(text);
}

std::set<std::string> keysOf(const json& object) {
  std::set<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
  return keys;
}

std::vector<std::string> jsonPaths(const json& report) {
  std::vector<std::string> paths;
  for (const json& f : report["files"]) paths.push_back(f["path"].get<std::string>());
  return paths;
}

}  // namespace

TEST_CASE("a compliant report exits 0 and prints only the summary", "[cli][check]") {
  const std::string path = cliFixture("clean-2021.txt");
  for (const char* failOn : {"error", "warning", "info", "never"}) {
    INFO(failOn);
    const CliRun r = runGklint({"check", "--fail-on", failOn, path});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == summary(0, 0, 0, 1) + "\n");
  }
}

TEST_CASE("a finding at the default threshold (error) exits 1", "[cli][check]") {
  const std::string path = cliFixture("section-missing-2021.txt");
  const CliRun r = runGklint({"check", path});
  CHECK(r.code == 1);
  CHECK(r.out == path + ":74:1: error: 缺少第五部分“存在的主要问题及改进情况” [structure/section-missing]\n");
  CHECK(r.err == summary(1, 0, 0, 1) + "\n");
}

TEST_CASE("check --fail-on sets the lowest severity that fails", "[cli][check]") {
  struct Case {
    std::string path;
    int error, warning, info, never;  // expected exit code per threshold
  };
  const std::vector<Case> cases = {
      {cliFixture("clean-2021.txt"), 0, 0, 0, 0},
      {cliFixture("info-only-2021.txt"), 0, 0, 1, 0},  // one text/typo (info)
      {cliFixture("warning-only-2021.txt"), 0, 1, 1, 0},  // one structure/heading-numbering (warning)
      {cliFixture("section-missing-2021.txt"), 1, 1, 1, 0},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    CHECK(runGklint({"check", "--fail-on", "error", c.path}).code == c.error);
    CHECK(runGklint({"check", "--fail-on", "warning", c.path}).code == c.warning);
    CHECK(runGklint({"check", "--fail-on", "info", c.path}).code == c.info);
    CHECK(runGklint({"check", "--fail-on", "never", c.path}).code == c.never);
  }
  // Many files: the worst one decides.
  CHECK(runGklint({"check", "--fail-on", "warning", cliFixture("clean-2021.txt"), cliFixture("info-only-2021.txt")})
            .code == 0);
  CHECK(runGklint({"check", "--fail-on", "info", cliFixture("clean-2021.txt"), cliFixture("info-only-2021.txt")})
            .code == 1);
}

TEST_CASE("usage errors exit 2", "[cli][check][usage]") {
  SECTION("unknown flag") {
    const CliRun r = runGklint({"check", "--bogus", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err.find("The following argument was not expected: --bogus") != std::string::npos);
  }
  SECTION("no path") {
    const CliRun r = runGklint({"check"});
    CHECK(r.code == 2);
    CHECK(r.err.find("paths is required") != std::string::npos);
  }
  SECTION("unknown --format") {
    const CliRun r = runGklint({"check", "--format", "xml", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "gklint: error: unknown output format 'xml' (use text, json, sarif, junit, html, github or gitlab)\n");
  }
  SECTION("unknown --fail-on") {
    const CliRun r = runGklint({"check", "--fail-on", "fatal", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
    CHECK(r.err.find("--fail-on") != std::string::npos);
  }
  SECTION("unknown --encoding") {
    const CliRun r = runGklint({"check", "--encoding", "latin1", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
    CHECK(r.err == "gklint: error: unknown encoding 'latin1' (use auto, utf-8, utf-16 or gb18030)\n");
  }
  SECTION("--year out of range") {
    const CliRun r = runGklint({"check", "--year", "1800", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
    CHECK(r.err.find("--year") != std::string::npos);
  }
  SECTION("no command") {
    const CliRun r = runGklint({});
    CHECK(r.code == 2);
    CHECK(r.err.find("A subcommand is required") != std::string::npos);
  }
  SECTION("unknown command") {
    const CliRun r = runGklint({"lint", cliFixture("clean-2021.txt")});
    CHECK(r.code == 2);
  }
}

TEST_CASE("a path that does not exist exits 2 and names the path", "[cli][check]") {
  const std::string missing = testPath("fixtures/cli/no-such-report.txt");
  SECTION("alone") {
    const CliRun r = runGklint({"check", missing});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == missing + ": error: no such file or folder\n" + summary(0, 0, 0, 1) +
                       "; 1 file(s) could not be read\n");
  }
  SECTION("json lists it as unreadable") {
    const CliRun r = runGklint({"check", "--format", "json", missing});
    CHECK(r.code == 2);
    const json report = parseJson(r.out);
    CHECK(report["files"] == json::array({{{"path", missing}, {"error", "no such file or folder"}}}));
    CHECK(report["summary"] == json{{"files", 1}, {"errors", 0}, {"warnings", 0}, {"info", 0}, {"unreadable", 1}});
  }
  SECTION("beside a report with findings: the other report is still linted, exit 2 wins") {
    const std::string report = cliFixture("section-missing-2021.txt");
    const CliRun r = runGklint({"check", missing, report});
    CHECK(r.code == 2);
    CHECK(r.out == report + ":74:1: error: 缺少第五部分“存在的主要问题及改进情况” [structure/section-missing]\n");
    CHECK(r.err == missing + ": error: no such file or folder\n" + summary(1, 0, 0, 2) +
                       "; 1 file(s) could not be read\n");
  }
}

TEST_CASE("an unsupported extension exits 2 with advice", "[cli][check]") {
  TempDir dir;
  const std::string odt = dir.write("报告.odt", std::string("PK\x03\x04\x14\x00", 6));
  const CliRun r = runGklint({"check", odt});
  CHECK(r.code == 2);
  CHECK(r.err == odt + ": error: unsupported file type; gklint reads .txt, .md, .html/.htm, .docx and .pdf reports\n" +
                     summary(0, 0, 0, 1) + "; 1 file(s) could not be read\n");
}

TEST_CASE("a binary file named .txt exits 2 naming what it is", "[cli][check]") {
  TempDir dir;
  const std::string zip = dir.write("report.txt", std::string("PK\x03\x04\x14\x00\x06\x00word/document.xml", 25));
  const std::string nul = dir.write("nul.txt", std::string("一、总体情况\n\0", 20));
  SECTION("text") {
    const CliRun r = runGklint({"check", zip, nul});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == zip + ": error: binary content: this looks like a ZIP archive (.docx, .xlsx or .zip), not a text "
                         "report; " + kExport + "\n" +
                       nul + ": error: binary content at byte offset 19 (byte 0x00): this is not a text report; " +
                       kExport + "\n" + summary(0, 0, 0, 2) + "; 2 file(s) could not be read\n");
  }
  SECTION("json") {
    const CliRun r = runGklint({"check", "--format", "json", zip});
    CHECK(r.code == 2);
    const json report = parseJson(r.out);
    REQUIRE(report["files"].size() == 1);
    CHECK(report["files"][0] ==
          json{{"path", zip},
               {"error", "binary content: this looks like a ZIP archive (.docx, .xlsx or .zip), not a text report; " +
                             kExport}});
    CHECK(report["summary"] == json{{"files", 1}, {"errors", 0}, {"warnings", 0}, {"info", 0}, {"unreadable", 1}});
  }
}

TEST_CASE("a truncated UTF-8 report exits 2 and is left untouched", "[cli][check]") {
  TempDir dir;
  const std::string original = readBytes(testPath("fixtures/encodings/report.truncated.txt"));
  REQUIRE(original.size() == 2998);
  const std::string path = dir.write("cut.txt", original);
  const auto modified = std::filesystem::last_write_time(path);
  const std::string expected = path + ": error: invalid UTF-8 at byte offset 2997 (line 70): the file ends in the "
                                      "middle of a UTF-8 character (it was cut off); re-save the report as UTF-8, or "
                                      "name its encoding with --encoding\n" +
                               summary(0, 0, 0, 1) + "; 1 file(s) could not be read\n";
  SECTION("check") {
    const CliRun r = runGklint({"check", path});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == expected);
  }
  SECTION("check --fix") {
    const CliRun r = runGklint({"check", "--fix", path});
    CHECK(r.code == 2);
    CHECK(r.err == expected);
  }
  CHECK(readBytes(path) == original);
  CHECK(std::filesystem::last_write_time(path) == modified);
}

TEST_CASE("check --encoding forces the decoder", "[cli][check]") {
  const std::string gb = testPath("fixtures/encodings/report.gb18030.txt");
  SECTION("the GB18030 copy of a report has the same findings as the UTF-8 original") {
    const CliRun original = runGklint({"check", "--format", "json", seed004()});
    const json utf8 = parseJson(original.out);
    REQUIRE(utf8["files"][0]["findings"].size() >= 10);
    const CliRun detected = runGklint({"check", "--format", "json", gb});
    const CliRun forced = runGklint({"check", "--format", "json", "--encoding", "gbk", gb});
    CHECK(detected.code == original.code);
    CHECK(forced.code == original.code);
    for (const json& report : {parseJson(detected.out), parseJson(forced.out)}) {
      CHECK(report["files"][0]["encoding"] == "gb18030");
      CHECK(report["files"][0]["findings"] == utf8["files"][0]["findings"]);
    }
  }
  SECTION("forcing UTF-8 on it fails cleanly") {
    const CliRun r = runGklint({"check", "--encoding", "utf-8", gb});
    CHECK(r.code == 2);
    CHECK(r.err == gb + ": error: invalid UTF-8 at byte offset 0 (line 1): byte 0xCB is not valid UTF-8; re-save "
                        "the report as UTF-8, or name its encoding with --encoding\n" +
                       summary(0, 0, 0, 1) + "; 1 file(s) could not be read\n");
  }
  SECTION("UTF-16 with a BOM is detected") {
    const json utf8 = parseJson(runGklint({"check", "--format", "json", seed004()}).out);
    for (const char* file : {"report.utf16le.txt", "report.utf16be.txt"}) {
      INFO(file);
      const json report = parseJson(runGklint({"check", "--format", "json", testPath("fixtures/encodings/") + file}).out);
      CHECK(report["files"][0]["encoding"] == (std::string(file) == "report.utf16le.txt" ? "utf-16le" : "utf-16be"));
      CHECK(report["files"][0]["findings"] == utf8["files"][0]["findings"]);
    }
  }
}

TEST_CASE("a folder is searched recursively for .txt and .md, in sorted order", "[cli][check][folder]") {
  TempDir dir;
  const std::string clean = readBytes(cliFixture("clean-2021.txt"));
  const std::string cleanMarkdown = readBytes(cliFixture("clean-2021.md"));
  const std::string infoOnly = readBytes(cliFixture("info-only-2021.txt"));
  dir.write("b.txt", clean);
  dir.write("a.md", cleanMarkdown);
  dir.write("sub/c.txt", infoOnly);
  dir.write("sub/deeper/e.markdown", cleanMarkdown);
  dir.write("Z.TXT", clean);                            // extensions are case-insensitive
  dir.write("sub/d.odt", "PK\x03\x04");                 // not a report format: skipped, not an error
  dir.write("notes.rtf", "{\\rtf1}");
  dir.write(".hidden/x.txt", std::string(10, '\0'));   // hidden folders are skipped
  dir.write(".draft.txt", std::string(10, '\0'));      // hidden files too
  dir.write("node_modules/pkg/readme.md", std::string(10, '\0'));
  const std::string root = dir.path().string();

  const CliRun r = runGklint({"check", "--format", "json", "--fail-on", "info", root});
  CHECK(r.code == 1);  // the typo in sub/c.txt
  const json report = parseJson(r.out);
  CHECK(jsonPaths(report) == std::vector<std::string>{root + "/Z.TXT", root + "/a.md", root + "/b.txt",
                                                      root + "/sub/c.txt", root + "/sub/deeper/e.markdown"});
  CHECK(report["summary"] == json{{"files", 5}, {"errors", 0}, {"warnings", 0}, {"info", 1}, {"unreadable", 0}});
  CHECK(report["files"][3]["findings"].size() == 1);

  SECTION("parallel and serial runs print the same, in the same order") {
    const CliRun serial = runGklint({"check", "--jobs", "1", "--fail-on", "info", root});
    const CliRun parallel = runGklint({"check", "--jobs", "2", "--fail-on", "info", root});
    CHECK(serial.code == 1);
    CHECK(serial.out == root + "/sub/c.txt:13:37: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
    CHECK(parallel.out == serial.out);
    CHECK(parallel.err == serial.err);
  }
  SECTION("a folder without reports exits 2") {
    TempDir empty;
    empty.write("report.odt", "PK\x03\x04");
    const CliRun none = runGklint({"check", empty.path().string()});
    CHECK(none.code == 2);
    CHECK(none.err == "gklint: error: no reports (.txt, .md, .html, .htm, .docx, .pdf) found in the given folders\n");
  }
}

TEST_CASE("files given one by one keep the order of the command line", "[cli][check][folder]") {
  const std::string a = cliFixture("section-missing-2021.txt");
  const std::string b = cliFixture("info-only-2021.txt");
  const json report = parseJson(runGklint({"check", "--format", "json", b, a}).out);
  CHECK(jsonPaths(report) == std::vector<std::string>{b, a});
}

TEST_CASE("check --format json has the documented shape", "[cli][check][json]") {
  const CliRun r = runGklint({"check", "--format", "json", "--fail-on", "never", seed004()});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  const json report = parseJson(r.out);
  CHECK(keysOf(report) == std::set<std::string>{"files", "summary"});
  REQUIRE(report["files"].size() == 1);
  const json& file = report["files"][0];
  CHECK(keysOf(file) == std::set<std::string>{"path", "year", "template", "encoding", "format", "findings"});
  CHECK(file["format"] == "txt");
  CHECK(file["path"] == seed004());
  CHECK(file["year"] == 2021);
  CHECK(file["template"] == "gov-2021");
  CHECK(file["encoding"] == "utf-8");
  REQUIRE(file["findings"].size() >= 10);
  const std::set<std::string> findingKeys = {"rule", "severity", "message", "line", "column", "endLine", "endColumn"};
  int errors = 0, warnings = 0, infos = 0;
  for (const json& f : file["findings"]) {
    INFO(f.dump());
    std::set<std::string> keys = keysOf(f);
    keys.erase("fix");
    CHECK(keys == findingKeys);
    CHECK(f["rule"].is_string());
    CHECK(f["message"].is_string());
    CHECK(f["line"].is_number_integer());
    CHECK(f["column"].is_number_integer());
    CHECK(f["line"].get<int>() >= 1);
    CHECK(f["column"].get<int>() >= 1);
    CHECK((f["endLine"].get<int>() > f["line"].get<int>() ||
           (f["endLine"] == f["line"] && f["endColumn"].get<int>() >= f["column"].get<int>())));
    const std::string severity = f["severity"].get<std::string>();
    CHECK(std::set<std::string>{"error", "warning", "info"}.count(severity) == 1);
    errors += severity == "error";
    warnings += severity == "warning";
    infos += severity == "info";
  }
  CHECK(report["summary"] ==
        json{{"files", 1}, {"errors", errors}, {"warnings", warnings}, {"info", infos}, {"unreadable", 0}});

  // Line 9: "(三)政府信息管理情况。我乡根据《中华人民共和国政府信息公开条例》和年度重点工作任务，调整设量相关栏目"
  const json typo = {{"rule", "text/typo"},
                     {"severity", "info"},
                     {"message", "疑似错别字“设量”，应为“设置”"},
                     {"line", 9},
                     {"column", 46},
                     {"endLine", 9},
                     {"endColumn", 48},
                     {"fix",
                      {{"title", "改为“设置”"},
                       {"safe", true},
                       {"edits", json::array({{{"line", 9}, {"column", 46}, {"endLine", 9}, {"endColumn", 48},
                                              {"replacement", "设置"}}})}}}};
  CHECK(std::count(file["findings"].begin(), file["findings"].end(), typo) == 1);
  // A finding about the whole report sits on the title, which spans the first two lines.
  const json assessment = {{"rule", "content/assessment-results"},
                           {"severity", "warning"},
                           {"message", "未报告政府信息公开工作考核、社会评议和责任追究结果情况"},
                           {"line", 1},
                           {"column", 1},
                           {"endLine", 2},
                           {"endColumn", 18}};  // "2021年政府信息公开工作年度报告" is 17 code points
  CHECK(file["findings"][0] == assessment);
}

TEST_CASE("JSON columns count code points: 𠀋 before a finding counts once", "[cli][check][json]") {
  // Line 13 of the fixture: "（三）政府信息管理。严格执行信息发布审核制度，及时清理更新过时信息，𠀋字调整设量相关栏目。":
  // 设 is the 39th code point (it would be UTF-16 column 40, byte column 116).
  const std::string path = cliFixture("non-bmp-2021.txt");
  const CliRun r = runGklint({"check", "--format", "json", "--fail-on", "info", path});
  CHECK(r.code == 1);
  const json report = parseJson(r.out);
  REQUIRE(report["files"][0]["findings"].size() == 1);
  const json& f = report["files"][0]["findings"][0];
  CHECK(f["rule"] == "text/typo");
  CHECK(f["line"] == 13);
  CHECK(f["column"] == 39);
  CHECK(f["endLine"] == 13);
  CHECK(f["endColumn"] == 41);
  CHECK(f["fix"]["edits"][0]["line"] == 13);
  CHECK(f["fix"]["edits"][0]["column"] == 39);
  CHECK(f["fix"]["edits"][0]["endColumn"] == 41);
  // The text reporter uses the same columns.
  CHECK(runGklint({"check", "--fail-on", "info", path}).out ==
        path + ":13:39: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
}

TEST_CASE("check --year overrides the detected year and with it the template and year rules", "[cli][check]") {
  const json detected = parseJson(runGklint({"check", "--format", "json", seed004()}).out);
  const json overridden = parseJson(runGklint({"check", "--format", "json", "--year", "2020", seed004()}).out);
  CHECK(detected["files"][0]["year"] == 2021);
  CHECK(detected["files"][0]["template"] == "gov-2021");
  CHECK(overridden["files"][0]["year"] == 2020);
  CHECK(overridden["files"][0]["template"] == "gov-2019");
  auto hasRule = [](const json& report, const std::string& rule) {
    for (const json& f : report["files"][0]["findings"]) {
      if (f["rule"] == rule) return true;
    }
    return false;
  };
  // The fee statement is required from 2021 only.
  CHECK(hasRule(detected, "content/fee-statement"));
  CHECK_FALSE(hasRule(overridden, "content/fee-statement"));
}

TEST_CASE("check --color always paints text output, tests and pipes get none by default", "[cli][check]") {
  const std::string path = cliFixture("info-only-2021.txt");
  CHECK(runGklint({"check", "--color", "always", path}).out ==
        "\033[1m" + path + ":13:37\033[0m: \033[1;36minfo\033[0m: 疑似错别字“设量”，应为“设置” \033[2m[text/typo]\033[0m\n");
  CHECK(runGklint({"check", path}).out.find('\033') == std::string::npos);
}

TEST_CASE("json: rows missing in several gaps name the rows after the other gaps as related places", "[cli][check][json]") {
  const std::string md002 = std::string(GKLINT_TEST_DIR) + "/corpus/seeds-md/002_093c900e5eacee9f.md";
  const CliRun r = runGklint({"check", "--format", "json", "--fail-on", "never", md002});
  const json report = parseJson(r.out);
  std::vector<json> missing;
  for (const json& f : report["files"][0]["findings"]) {
    if (f["rule"] == "table/rows-missing") missing.push_back(f);
  }
  REQUIRE(missing.size() == 2);
  // 表二: one gap, no related places.
  CHECK(missing[0]["line"] == 32);
  CHECK_FALSE(missing[0].contains("related"));
  // 表三: the first gap at the row after it ((三)2 at 80:9), the other three gaps related.
  CHECK(missing[1]["line"] == 80);
  CHECK(missing[1]["column"] == 9);
  CHECK(missing[1]["related"] ==
        json::array({{{"line", 95}, {"column", 9}, {"endLine", 95}, {"endColumn", 23},
                      {"message", "此行之前缺少“（四）无法提供1.本机关不掌握相关政府信息”"}},
                     {{"line", 106}, {"column", 9}, {"endLine", 106}, {"endColumn", 15},
                      {"message", "此行之前缺少“（五）不予处理1.信访举报投诉类申请”"}},
                     {{"line", 119}, {"column", 9}, {"endLine", 119}, {"endColumn", 48},
                      {"message", "此行之前缺少“（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”"}}}));
}
