// Tests for the tree-builder half of engine/read/HtmlGuard (engine/read/HtmlOpenElements): pages
// that keep thousands of elements open are refused before gumbo parses them; no real page is.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/read/HtmlGuard.h"
#include "engine/read/HtmlOpenElements.h"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string hostileMessage(size_t open, std::string_view tag) {
  return "the page keeps " + std::to_string(open) + " elements open at <" + std::string(tag) +
         "> (line 2), so that the HTML parser would search or copy them at every tag, for minutes; no report page "
         "does: is this really a report? Save the article as .txt and check that";
}

}  // namespace

TEST_CASE("the open-element model closes what the tree builder closes", "[html][guard]") {
  HtmlOpenElements m;
  m.start(GUMBO_TAG_DIV, "");
  m.start(GUMBO_TAG_P, "");
  m.start(GUMBO_TAG_FONT, " size=3");
  CHECK(m.load() == 4);  // div p font, and font in the formatting list
  m.end(GUMBO_TAG_P);    // closes the font with it; the font stays active
  CHECK(m.load() == 2);
  m.start(GUMBO_TAG_P, "");
  m.start(GUMBO_TAG_P, "");  // closes its open sibling
  CHECK(m.load() == 3);
  m.start(GUMBO_TAG_SPAN, "");
  m.end(GUMBO_TAG_DIV);  // closes through the div
  CHECK(m.load() == 1);
  m.end(GUMBO_TAG_FONT);  // leaves the formatting list
  CHECK(m.load() == 0);
  // Cells: a marker hides the formatting elements outside it, and closing the cell restores them.
  m.start(GUMBO_TAG_B, "");
  m.start(GUMBO_TAG_TABLE, "");
  m.start(GUMBO_TAG_TR, "");
  m.start(GUMBO_TAG_TD, "");
  CHECK(m.load() == 4);  // b table tr td; b is behind the td's marker
  m.start(GUMBO_TAG_TD, "");  // closes the open cell
  CHECK(m.load() == 4);
  m.end(GUMBO_TAG_TABLE);
  CHECK(m.load() == 2);
  // Noah's ark: at most three identical formatting elements stay active.
  HtmlOpenElements ark;
  for (int i = 0; i < 10; ++i) {
    ark.start(GUMBO_TAG_P, "");
    ark.start(GUMBO_TAG_FONT, " color=red");
  }
  ark.end(GUMBO_TAG_P);
  CHECK(ark.load() == 3);
  // "Any other end tag" does not search past a special element.
  HtmlOpenElements spans;
  spans.start(GUMBO_TAG_SPAN, "");
  spans.start(GUMBO_TAG_DIV, "");
  spans.end(GUMBO_TAG_SPAN);
  CHECK(spans.load() == 2);
  // Unclosed headings do not nest.
  HtmlOpenElements headings;
  for (int i = 0; i < 10; ++i) headings.start(i % 2 ? GUMBO_TAG_H2 : GUMBO_TAG_H3, "");
  CHECK(headings.load() == 1);
}

TEST_CASE("pages that keep thousands of elements open are refused before parsing", "[html][guard][bad-input]") {
  const std::string head = "<html><body>\n<p>一、总体情况</p>";
  SECTION("1,400 distinct formatting elements left open: gumbo copies them into every paragraph") {
    // 174 KB; gumbo took 60 s and 8 GB (28 million elements) before this guard.
    std::string page = "<html><body>\n<p>一、总体情况";
    for (int i = 0; i < 1400; ++i) page += "<b id=" + std::to_string(i) + ">";
    page += "</p>" + repeat("<p>x</p>", 20000);
    const auto hazard = findHtmlHazard(page);
    REQUIRE(hazard);
    CHECK(hazard->line == 2);
    CHECK(hazard->message == hostileMessage(1400, "/p"));
  }
  SECTION("end tags searched through 1,400 open elements, 3 million times") {
    // 12 MB; 12 s of gumbo and of the pre-scan before this guard.
    const std::string page = head + repeat("<div>", 1400) + repeat("</i>", 3'000'000);
    const auto hazard = findHtmlHazard(page);
    REQUIRE(hazard);
    CHECK(hazard->offset < page.size() / 100);  // refused early, not at the end
    CHECK(hazard->message == hostileMessage(1400, "/i"));
  }
  SECTION("unclosed spans under paragraph ends") {
    const std::string page = head + repeat("<span>", 1400) + repeat("</p>", 100'000);
    const auto hazard = findHtmlHazard(page);
    REQUIRE(hazard);
    CHECK(hazard->message == hostileMessage(1400, "/p"));
  }
  SECTION("a formatting element closed below a block leaves the blocks open") {
    const std::string page = head + repeat("<b><div>", 1400) + "</b>" + repeat("</p>", 100'000);
    const auto hazard = findHtmlHazard(page);
    REQUIRE(hazard);
    CHECK(hazard->message == hostileMessage(2801, "/p"));  // 2,799 open, two <b> active
  }
}

TEST_CASE("sloppy but real markup is priced low and never refused", "[html][guard]") {
  // Old CMS pages: unclosed <font> and <p> in every paragraph, <li> without </li>, cells
  // without </td>, misnested <strong><p>.
  const std::string page =
      "<html><body>\n" +
      repeat("<h3>标题<p><font size=3 face=宋体>正文<strong><p>加粗</strong></p><li>条目<li>条目<a href=1>链接", 20000) +
      repeat("<table><tr><td>1<td>2<tr><td>3<td>4</table>", 5000);
  HtmlTreeBuilderWork measured;
  CHECK_FALSE(findHtmlHazard(page, &measured));
  CHECK(measured.tags > 200'000);
  CHECK(measured.work < 10 * measured.tags);
}

TEST_CASE("Word's Save as Web Page markup is priced low", "[html][guard]") {
  // MSO HTML: a span per run, <o:p> inside every paragraph, a paragraph inside every cell.
  const std::string para =
      "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>主动公开<span "
      "lang=EN-US>12</span>条。<o:p></o:p></span></p>\n";
  const std::string cell =
      "<td width=60 valign=top><p class=MsoNormal align=center><span lang=EN-US>0<o:p></o:p></span></p></td>";
  const std::string page = "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body><div class=WordSection1>" +
                           repeat(para, 4000) + "<table class=MsoTableGrid>" + repeat("<tr>" + repeat(cell, 8) + "</tr>", 1000) +
                           "</table></div></body></html>";
  HtmlTreeBuilderWork measured;
  CHECK_FALSE(findHtmlHazard(page, &measured));
  CHECK(measured.tags > 90'000);
  CHECK(measured.work < 10 * measured.tags);
}

TEST_CASE("every fixture and seed page is priced far below the bound", "[html][guard]") {
  size_t pages = 0;
  double worst = 0;
  for (const auto& e : fs::recursive_directory_iterator(kTests + "/fixtures")) {
    if (!e.is_regular_file() || (e.path().extension() != ".html" && e.path().extension() != ".htm")) continue;
    HtmlTreeBuilderWork measured;
    const std::string page = slurp(e.path());
    INFO(e.path().string());
    CHECK_FALSE(findHtmlHazard(page, &measured));
    if (measured.tags > 0) worst = std::max(worst, static_cast<double>(measured.work) / measured.tags);
    ++pages;
  }
  CHECK(pages >= 20);
  INFO("worst average load per tag: " << worst);
  CHECK(worst < kMaxTreeBuilderLoad / 2.0);
}
