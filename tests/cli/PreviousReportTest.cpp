// Tests for `gklint check --previous`: arith/carry-over across two years' reports.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
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
