// CheckPagesTest: every check kind of engine/checks/CheckKinds.def has its page,
// docs/checks/<kind>.md, linked from the table in docs/checks/README.md — the doc half of the
// "adding a check kind" recipe, which nothing else would notice missing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/checks/CheckRegistry.h"
#include "tests/support/FixtureRunner.h"

TEST_CASE("every check kind has a page in docs/checks, linked from its README", "[docs]") {
  const std::string folder = std::string(GKLINT_TEST_DIR) + "/../docs/checks/";
  const std::string index = gklint::test::readWholeFile(folder + "README.md");
  REQUIRE(!index.empty());
  for (const gklint::CheckKind& kind : gklint::checkKinds()) {
    const std::string name(kind.name);
    INFO(name);
    CHECK(std::filesystem::is_regular_file(folder + name + ".md"));
    CHECK(gklint::test::readWholeFile(folder + name + ".md").rfind("# " + name + "\n", 0) == 0);
    CHECK(index.find("| [" + name + "](" + name + ".md) |") != std::string::npos);
  }
}
