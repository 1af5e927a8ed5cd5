// The same report as .txt and as a published HTML page (tests/fixtures/html/render.py: portal
// chrome, CMS soup, GBK, rowspan/colspan) gives the same findings: rule ids and messages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/Analyzer.h"
#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

std::vector<std::string> ruleMessages(const std::string& path, Analysis* keep = nullptr) {
  static const RuleLoadResult rules = loadBuiltinRules();
  const std::string bytes = test::readWholeFile(path);
  Analysis analysis = analyzeBytes(path, bytes, *formatFromPath(path), rules.rules);
  std::vector<std::string> out;
  if (!analysis.ok()) return {"error: " + analysis.error};
  for (const Finding& f : analysis.findings) out.push_back(f.ruleId + " " + f.message);
  std::sort(out.begin(), out.end());
  if (keep) *keep = std::move(analysis);
  return out;
}

// The .txt a page was rendered from: pages/<dir>/<name>[.style].html ← reports/<dir>/<name>.txt,
// pages/seeds/NNN.html ← corpus/seeds/NNN_*.txt.
std::string sourceOf(const fs::path& page) {
  const std::string dir = page.parent_path().filename().string();
  std::string stem = page.stem().string();
  if (dir == "seeds") {
    for (const auto& e : fs::directory_iterator(kTests + "/corpus/seeds")) {
      if (e.path().filename().string().rfind(stem + "_", 0) == 0) return e.path().string();
    }
    return "";
  }
  if (const size_t dot = stem.find('.'); dot != std::string::npos) stem.resize(dot);
  return kTests + "/fixtures/reports/" + dir + "/" + stem + ".txt";
}

}  // namespace

TEST_CASE("every rendered page gives the findings of its .txt", "[html][equivalence]") {
  std::vector<fs::path> pages;
  for (const auto& e : fs::recursive_directory_iterator(kTests + "/fixtures/html/pages")) {
    if (e.path().extension() == ".html") pages.push_back(e.path());
  }
  std::sort(pages.begin(), pages.end());
  REQUIRE(pages.size() >= 137);
  size_t defective = 0;
  std::map<std::string, size_t> rulesSeen;
  for (const fs::path& page : pages) {
    const std::string source = sourceOf(page);
    INFO("page: " << page.string() << "\nsource: " << source);
    REQUIRE(fs::exists(source));
    const auto fromText = ruleMessages(source);
    const auto fromPage = ruleMessages(page.string());
    CHECK(fromPage == fromText);
    if (!fromText.empty()) ++defective;
    for (const std::string& f : fromText) ++rulesSeen[f.substr(0, f.find(' '))];
  }
  // Structure, content, text, every table kind and the arithmetic relations are all covered.
  CHECK(defective >= 12);
  for (const char* rule : {"structure/section-missing", "structure/section-order", "structure/title-format",
                           "content/township-rules", "text/typo", "text/cjk-spacing", "table/missing",
                           "table/value-count", "table/blank-cell", "arith/t3-result-sum", "arith/t3-row-total",
                           "arith/t4-sum", "arith/t3-balance", "arith/t3-zero-column", "table/label-nonstandard",
                           "table/rows-missing", "table/unit", "text/markup-residue"}) {
    INFO(rule);
    CHECK(rulesSeen[rule] > 0);
  }
}

TEST_CASE("the compliant report stays silent on every kind of page", "[html][equivalence]") {
  size_t pages = 0;
  for (const auto& e : fs::directory_iterator(kTests + "/fixtures/html/pages/compliant")) {
    INFO(e.path().string());
    Analysis analysis;
    CHECK(ruleMessages(e.path().string(), &analysis).empty());
    CHECK(analysis.source->text().find("网站标识码") == std::string_view::npos);
    ++pages;
  }
  CHECK(pages == 7);
}
