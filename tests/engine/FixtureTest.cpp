// FixtureTest: every report fixture has its expected findings beside it, and the seed reports
// have hand-reviewed golden lists; the engine must produce exactly those, nothing more.
//
// A fixture `name.txt`/`name.md` under tests/fixtures/ is checked against `name.expected`;
// a seed tests/corpus/seeds/NNN_*.txt against tests/golden/NNN.expected (.md variants of
// the seeds against NNN.md.expected). Expectation lines: "LINE:COL: SEVERITY: MESSAGE [RULE]";
// '#' lines are reviewer notes. An empty expectation file means: must stay silent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;
using gklint::test::readExpectations;
using gklint::test::renderFindings;
using gklint::test::reportFilesUnder;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

std::string join(const std::vector<std::string>& lines) {
  std::ostringstream s;
  for (const auto& l : lines) s << "  " << l << "\n";
  return s.str();
}

void checkAgainst(const std::string& report, const std::string& expectedPath) {
  INFO("report: " << report << "\nexpectations: " << expectedPath);
  REQUIRE(fs::exists(expectedPath));
  const std::vector<std::string> expected = readExpectations(expectedPath);
  const std::vector<std::string> actual = renderFindings(report);
  INFO("expected:\n" << join(expected) << "actual:\n" << join(actual));
  CHECK(actual == expected);
}

std::string seedNumber(const std::string& path) { return fs::path(path).filename().string().substr(0, 3); }

}  // namespace

TEST_CASE("seed reports produce exactly their reviewed golden findings", "[golden][seeds]") {
  const auto seeds = reportFilesUnder(kTests + "/corpus/seeds");
  REQUIRE(seeds.size() == 5);
  for (const std::string& seed : seeds) {
    DYNAMIC_SECTION(fs::path(seed).filename().string()) {
      checkAgainst(seed, kTests + "/golden/" + seedNumber(seed) + ".expected");
    }
  }
}

TEST_CASE("Markdown versions of the seeds produce their golden findings", "[golden][markdown]") {
  const auto seeds = reportFilesUnder(kTests + "/corpus/seeds-md");
  REQUIRE(seeds.size() == 5);
  for (const std::string& seed : seeds) {
    DYNAMIC_SECTION(fs::path(seed).filename().string()) {
      checkAgainst(seed, kTests + "/golden/" + seedNumber(seed) + ".md.expected");
    }
  }
}

TEST_CASE("every rule fixture produces exactly its expected findings", "[fixtures]") {
  const auto fixtures = reportFilesUnder(kTests + "/fixtures/reports");
  REQUIRE_FALSE(fixtures.empty());
  for (const std::string& fixture : fixtures) {
    const fs::path p(fixture);
    DYNAMIC_SECTION(p.parent_path().filename().string() + "/" + p.filename().string()) {
      checkAgainst(fixture, (p.parent_path() / p.stem()).string() + ".expected");
    }
  }
}
