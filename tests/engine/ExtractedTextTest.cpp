// ExtractedTextTest: reports rendered as published PDFs and extracted again (pdftotext -layout,
// plain pdftotext, a browser copy; tests/fixtures/extracted/make.py) read as the report says:
// the same findings as the original .txt, and nothing at warning or error on the compliant one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;
using gklint::test::readWholeFile;
using gklint::test::renderFindings;

namespace {

const std::string kTests = GKLINT_TEST_DIR;
const std::string kExtracted = kTests + "/fixtures/extracted/";

// "12:5: warning: message [rule]" -> "warning: message [rule]": positions differ by rendering.
std::vector<std::string> withoutPositions(const std::vector<std::string>& findings) {
  std::vector<std::string> out;
  for (const std::string& f : findings) {
    const size_t second = f.find(": ");
    out.push_back(second == std::string::npos ? f : f.substr(second + 2));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool atWarningOrError(const std::string& finding) {
  return finding.find(": warning: ") != std::string::npos || finding.find(": error: ") != std::string::npos;
}

std::string listed(const std::vector<std::string>& lines) {
  std::ostringstream s;
  for (const std::string& l : lines) s << "  " << l << "\n";
  return s.str();
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kExtracted)) {
    if (e.path().extension() == ".source") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string sourceOf(const std::string& name) {
  std::string rel = readWholeFile(kExtracted + name + ".source");
  while (!rel.empty() && (rel.back() == '\n' || rel.back() == '\r')) rel.pop_back();
  return kTests + "/" + rel;
}

}  // namespace

TEST_CASE("extracted renderings give the findings of the original report", "[extracted]") {
  const std::vector<std::string> names = cases();
  REQUIRE(names.size() >= 13);
  for (const std::string& name : names) {
    const std::vector<std::string> original = withoutPositions(renderFindings(sourceOf(name)));
    for (const char* rendering : {"layout", "raw", "browser"}) {
      DYNAMIC_SECTION(name << "." << rendering) {
        const std::string path = kExtracted + name + "." + rendering + ".txt";
        REQUIRE(fs::exists(path));
        const std::vector<std::string> actual = withoutPositions(renderFindings(path));
        INFO("original:\n" << listed(original) << "rendering:\n" << listed(actual));
        CHECK(actual == original);
      }
    }
  }
}

TEST_CASE("the compliant report has no finding at warning or error in any rendering", "[extracted]") {
  for (const char* rendering : {"layout", "raw", "browser"}) {
    DYNAMIC_SECTION(rendering) {
      std::vector<std::string> findings = renderFindings(kExtracted + "compliant-2021." + rendering + ".txt");
      findings.erase(std::remove_if(findings.begin(), findings.end(), [](const std::string& f) { return !atWarningOrError(f); }),
                     findings.end());
      INFO(listed(findings));
      CHECK(findings.empty());
    }
  }
}
