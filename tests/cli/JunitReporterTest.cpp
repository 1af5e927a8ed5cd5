// Tests for cli/JunitReporter (through gklint::cli::run): `gklint check --format junit`.
#include <catch2/catch.hpp>

#include <string>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

// Two reports under a configuration that leaves two rules on, so the whole XML fits a test.
void writeReports(const TempDir& dir) {
  dir.write(".gklint.yaml", "rules:\n  \"*\": off\n  text/typo: info\n  structure/heading-numbering: warning\n");
  dir.write("non-bmp-2021.txt", readBytes(cliFixture("non-bmp-2021.txt")));
  dir.write("warning-only-2021.txt", readBytes(cliFixture("warning-only-2021.txt")));
}

}  // namespace

TEST_CASE("junit: a suite per report, a case per rule that ran, a failure per finding at or above --fail-on",
          "[cli][junit]") {
  TempDir dir;
  writeReports(dir);
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"check", "-f", "junit", "--fail-on", "warning", "non-bmp-2021.txt", "warning-only-2021.txt"});
  CHECK(r.code == 1);
  CHECK(r.err == "");
  CHECK(r.out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"gklint\">\n"
        "  <testsuite name=\"non-bmp-2021.txt\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"structure/heading-numbering\" classname=\"non-bmp-2021.txt\"/>\n"
        "    <testcase name=\"text/typo\" classname=\"non-bmp-2021.txt\">\n"
        "      <system-out>non-bmp-2021.txt:13:39: info: 疑似错别字“设量”，应为“设置” [text/typo]\n"
        "</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"warning-only-2021.txt\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"structure/heading-numbering\" classname=\"warning-only-2021.txt\">\n"
        "      <failure message=\"一级标题编号“5、”应为“五、”\" type=\"warning\">warning-only-2021.txt:74:1: warning: "
        "一级标题编号“5、”应为“五、” [structure/heading-numbering]</failure>\n"
        "    </testcase>\n"
        "    <testcase name=\"text/typo\" classname=\"warning-only-2021.txt\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("junit: --fail-on info makes the non-BMP line's typo a failure at column 39", "[cli][junit]") {
  TempDir dir;
  writeReports(dir);
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"check", "-f", "junit", "--fail-on", "info", "non-bmp-2021.txt"});
  CHECK(r.code == 1);
  CHECK(r.out.find("  <testsuite name=\"non-bmp-2021.txt\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                   "    <testcase name=\"structure/heading-numbering\" classname=\"non-bmp-2021.txt\"/>\n"
                   "    <testcase name=\"text/typo\" classname=\"non-bmp-2021.txt\">\n"
                   "      <failure message=\"疑似错别字“设量”，应为“设置”\" type=\"info\">non-bmp-2021.txt:13:39: info: "
                   "疑似错别字“设量”，应为“设置” [text/typo]</failure>\n"
                   "    </testcase>\n") != std::string::npos);
  // --fail-on never: nothing fails, the findings stay visible as output.
  const CliRun never = runGklint({"check", "-f", "junit", "--fail-on", "never", "warning-only-2021.txt"});
  CHECK(never.code == 0);
  CHECK(never.out.find("failures=\"0\"") != std::string::npos);
  CHECK(never.out.find("<failure") == std::string::npos);
  CHECK(never.out.find("      <system-out>warning-only-2021.txt:74:1: warning: 一级标题编号“5、”应为“五、” "
                       "[structure/heading-numbering]\n</system-out>\n") != std::string::npos);
}

TEST_CASE("junit: an unreadable report is a suite with an error, and text is escaped", "[cli][junit]") {
  TempDir dir;
  dir.write("a&b.txt", "\x89PNG\r\n\x1a\n");
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"check", "-f", "junit", "a&b.txt"});
  CHECK(r.code == 2);
  CHECK(r.out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"gklint\">\n"
        "  <testsuite name=\"a&amp;b.txt\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase name=\"read\" classname=\"a&amp;b.txt\">\n"
        "      <error message=\"binary content: this looks like an image, not a text report; export it as .txt or .md "
        "(UTF-8) first\" type=\"unreadable\"/>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}
