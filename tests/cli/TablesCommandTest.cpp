// Tests for cli/TablesCommand (through gklint::cli::run): `gklint tables FILE` under the
// configuration that governs each file.
#include <catch2/catch.hpp>

#include <string>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("tables reads a report with the year its .gklint.yaml sets", "[cli][tables][config]") {
  TempDir dir;
  const std::string report = dir.write("county/report.txt", readBytes(seed004()));
  const CliRun plain = runGklint({"tables", report});
  CHECK(plain.code == 0);
  CHECK(firstLine(plain.out) == report + " (2021, gov-2021)");

  dir.write("county/.gklint.yaml", "year: 2020\n");
  const CliRun configured = runGklint({"tables", report});
  CHECK(configured.code == 0);
  CHECK(configured.err == "");
  CHECK(firstLine(configured.out) == report + " (2020, gov-2019)");
  CHECK(configured.out.find("  gov-2019/t3 at 59:1, one cell per line, 13/23 rows\n") != std::string::npos);
  CHECK(firstLine(runGklint({"tables", "--no-config", report}).out) == report + " (2021, gov-2021)");
}

TEST_CASE("tables stops on a broken configuration", "[cli][tables][config]") {
  TempDir dir;
  const std::string report = dir.write("report.txt", readBytes(seed004()));
  dir.write(".gklint.yaml", "year: twenty\n");
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"tables", "report.txt"});
  CHECK(r.code == 2);
  CHECK(r.out == "");
  CHECK(r.err.find(".gklint.yaml:1:7: error: ") == 0);
  CHECK(r.err.find("gklint: error: fix the configuration above (or use --no-config); no table was read\n") !=
        std::string::npos);
}
