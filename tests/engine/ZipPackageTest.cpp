// Tests for engine/read/ZipPackage: entries are read within the caps, whatever sizes the archive
// declares, and every way of failing says what is wrong.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "engine/read/ZipPackage.h"

using namespace gklint;

namespace {
std::string fixture(const std::string& name) {
  std::ifstream in(std::string(GKLINT_TEST_DIR) + "/fixtures/docx/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("a zip package's entries are read whole, and only within the caps", "[docx][zip]") {
  const std::string bytes = fixture("reports/compliant/compliant-2021.docx");
  SECTION("within the default caps") {
    ZipPackage zip(bytes);
    REQUIRE(zip.ok());
    CHECK(zip.has("word/document.xml"));
    CHECK(zip.has("/word/document.xml"));  // a part name as a relationship writes it
    CHECK_FALSE(zip.has("word/Document.xml"));
    const ZipEntryRead entry = zip.read("word/document.xml");
    CHECK(entry.found);
    CHECK(entry.problem == ZipEntryRead::Problem::None);
    CHECK(entry.bytes.rfind("<?xml", 0) == 0);
    CHECK_FALSE(zip.read("word/missing.xml").found);
  }
  SECTION("an entry larger than the per-entry cap") {
    ZipLimits limits;
    limits.maxEntryBytes = 1024;
    ZipPackage zip(bytes, limits);
    const ZipEntryRead entry = zip.read("word/document.xml");
    CHECK(entry.problem == ZipEntryRead::Problem::TooLarge);
    CHECK(entry.error == "the zip entry word/document.xml inflates to more than 1 KiB (a zip bomb, or not a report)");
    CHECK(entry.bytes.empty());
  }
  SECTION("the archive's total past its cap") {
    ZipLimits limits;
    limits.maxTotalBytes = 4096;
    ZipPackage zip(bytes, limits);
    CHECK(zip.read("word/styles.xml").problem == ZipEntryRead::Problem::None);
    CHECK(zip.read("word/numbering.xml").problem == ZipEntryRead::Problem::None);
    CHECK(zip.read("word/document.xml").problem == ZipEntryRead::Problem::TooLarge);
  }
  SECTION("the ratio, past its floor") {
    ZipLimits limits;
    limits.ratioFloor = 1024;
    limits.maxRatio = 2;
    ZipPackage zip(bytes, limits);
    const ZipEntryRead entry = zip.read("word/document.xml");
    CHECK(entry.problem == ZipEntryRead::Problem::TooLarge);
    CHECK(entry.error == "the zip entry word/document.xml inflates more than 2 times its compressed size (a zip bomb)");
  }
  SECTION("too many entries") {
    ZipLimits limits;
    limits.maxEntries = 3;
    ZipPackage zip(bytes, limits);
    CHECK_FALSE(zip.ok());
    CHECK(zip.error() == "the zip archive has 9 entries, more than the 3 a document may have");
  }
  SECTION("not a zip, or cut short") {
    CHECK(ZipPackage("PK\x03\x04 not really").error() ==
          "the zip package is truncated or damaged (its central directory, at the end of the file, is missing)");
    CHECK_FALSE(ZipPackage(std::string_view(bytes).substr(0, bytes.size() - 10)).ok());
  }
}
