// Tests for `gklint check --previous`: arith/carry-over across two years' reports.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "tests/cli/CliTestSupport.h"
#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;

TEST_CASE("check --previous compares this year's 上年结转 with last year's 结转下年", "[cli][carry-over]") {
  const std::string dir = std::string(GKLINT_TEST_DIR) + "/fixtures/reports/compliant/";
  std::string report = gklint::test::readWholeFile(dir + "compliant-2021.txt");
  // The same body a year later, with 上年结转 = 1 0 0 0 0 0 1 while 2021 carried 1 0 0 0 0 1 2 over.
  for (size_t at = report.find("2021"); at != std::string::npos; at = report.find("2021", at)) report.replace(at, 4, "2022");
  const fs::path path = fs::temp_directory_path() / "gklint-carry-2022.txt";
  std::ofstream(path) << report;
  const std::string previous = dir + "compliant-2021.txt";
  const char* argv[] = {"gklint", "check", "--fail-on", "never", path.c_str(), "--previous", previous.c_str()};
  std::ostringstream out, err;
  CHECK(gklint::cli::run(7, argv, out, err) == 0);
  const std::string p = path.string();
  CHECK(out.str() == p + ":42:29: warning: 表三“其他”列上年结转为0，而2021年度报告的结转下年度继续办理为1 [arith/carry-over]\n" +
                         p + ":42:31: warning: 表三“总计”列上年结转为1，而2021年度报告的结转下年度继续办理为2 [arith/carry-over]\n");
  // Without --previous the rule stays silent.
  const char* alone[] = {"gklint", "check", "--fail-on", "never", path.c_str()};
  std::ostringstream out2, err2;
  CHECK(gklint::cli::run(5, alone, out2, err2) == 0);
  CHECK(out2.str().empty());
  // An unreadable previous report is an input error, exit 2.
  const char* missing[] = {"gklint", "check", path.c_str(), "--previous", "/nonexistent/2021.txt"};
  std::ostringstream out3, err3;
  CHECK(gklint::cli::run(5, missing, out3, err3) == 2);
  CHECK(err3.str() == "/nonexistent/2021.txt: error: cannot read the previous year's report: cannot open the file for reading\n");
}

namespace {

using Run = gklint::clitest::CliRun;
using gklint::clitest::runGklint;

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

// A fresh folder with 石河乡's 2021 report and its 2022 report (上年结转 differs from 2021's
// 结转下年 in two columns).
fs::path carryOverFolder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("gklint-previous-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string report2021 =
      gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/fixtures/reports/compliant/compliant-2021.txt");
  std::ofstream(dir / "shihe-2021.txt") << report2021;
  std::ofstream(dir / "shihe-2022.txt") << replaceAll(report2021, "2021", "2022");
  return dir;
}

}  // namespace

TEST_CASE("check --previous skips carry-over, with a warning, when last year's report is another body's",
          "[cli][carry-over]") {
  const fs::path dir = carryOverFolder("organ");
  std::ofstream(dir / "hexi-2021.txt")
      << replaceAll(gklint::test::readWholeFile((dir / "shihe-2021.txt").string()), "青山县石河乡人民政府2021年", "青山县河西乡人民政府2021年");
  const std::string report = (dir / "shihe-2022.txt").string();
  const std::string previous = (dir / "hexi-2021.txt").string();
  const Run r = runGklint({"check", "--previous", previous, report});
  CHECK(r.code == 0);
  CHECK(r.out == "");
  CHECK(r.err == report + ": warning: carry-over not checked: --previous " + previous +
                     " is the report of 青山县河西乡人民政府, not of 青山县石河乡人民政府\n"
                     "0 error(s), 0 warning(s), 0 info in 1 file(s)\n");
  // The JSON output carries the warning with the file.
  const Run json = runGklint({"check", "--format", "json", "--previous", previous, report});
  CHECK(json.out.find("\"warnings\":[\"carry-over not checked: --previous " + previous +
                      " is the report of 青山县河西乡人民政府, not of 青山县石河乡人民政府\"]") != std::string::npos);
}

TEST_CASE("check --previous skips carry-over, with a warning, when last year's report is not the year before",
          "[cli][carry-over]") {
  const fs::path dir = carryOverFolder("year");
  const std::string report = (dir / "shihe-2022.txt").string();
  // The same report as its own predecessor, and a report two years back.
  Run same = runGklint({"check", "--previous", report, report});
  CHECK(same.code == 0);
  CHECK(same.out == "");
  CHECK(same.err == report + ": warning: carry-over not checked: --previous " + report +
                        " is a 2022 report; a 2022 report carries over from 2021\n"
                        "0 error(s), 0 warning(s), 0 info in 1 file(s)\n");
  std::ofstream(dir / "shihe-2020.txt") << replaceAll(gklint::test::readWholeFile((dir / "shihe-2021.txt").string()), "2021", "2020");
  const std::string old = (dir / "shihe-2020.txt").string();
  Run twoBack = runGklint({"check", "--previous", old, report});
  CHECK(twoBack.out == "");
  CHECK(twoBack.err == report + ": warning: carry-over not checked: --previous " + old +
                           " is a 2020 report; a 2022 report carries over from 2021\n"
                           "0 error(s), 0 warning(s), 0 info in 1 file(s)\n");
  // The right year and body: the two findings, and no warning.
  Run right = runGklint({"check", "--previous", (dir / "shihe-2021.txt").string(), report});
  CHECK(right.out == report + ":42:29: warning: 表三“其他”列上年结转为0，而2021年度报告的结转下年度继续办理为1 [arith/carry-over]\n" +
                         report + ":42:31: warning: 表三“总计”列上年结转为1，而2021年度报告的结转下年度继续办理为2 [arith/carry-over]\n");
  CHECK(right.err == "0 error(s), 2 warning(s), 0 info in 1 file(s)\n");
}

TEST_CASE("check --previous reads last year's report under its configuration", "[cli][carry-over][config]") {
  const fs::path dir = carryOverFolder("config");
  const std::string report = (dir / "shihe-2022.txt").string();
  // Last year's report in its own folder, under a configuration that sets its year: the config
  // is read (a broken one stops the run), but its `year:` is for the reports it governs.
  fs::create_directories(dir / "2021");
  fs::rename(dir / "shihe-2021.txt", dir / "2021" / "shihe-2021.txt");
  const std::string previous = (dir / "2021" / "shihe-2021.txt").string();
  std::ofstream(dir / "2021" / ".gklint.yaml") << "rules:\n  arith/carry-overr: off\n";
  Run broken = runGklint({"check", "--previous", previous, report});
  CHECK(broken.code == 2);
  CHECK(broken.out == "");
  CHECK(broken.err == (dir / "2021" / ".gklint.yaml").string() +
                          ":2:3: error: 'arith/carry-overr' matches no rule (gklint rules list shows every id; globs look "
                          "like text/*) [rules.arith/carry-overr]\n"
                          "gklint: error: fix the configuration of the previous year's report above; nothing was checked\n");
  std::ofstream(dir / "2021" / ".gklint.yaml") << "year: 2019\nrules:\n  text/*: off\n";  // a wrong year, unused
  Run ok = runGklint({"check", "--fail-on", "never", "--previous", previous, report});
  CHECK(ok.code == 0);
  CHECK(ok.err == "0 error(s), 2 warning(s), 0 info in 1 file(s)\n");
  // --no-config reads both without any configuration.
  std::ofstream(dir / "2021" / ".gklint.yaml") << "rules:\n  arith/carry-overr: off\n";
  CHECK(runGklint({"check", "--no-config", "--previous", previous, report}).code == 0);
}
