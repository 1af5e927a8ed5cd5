// HtmlRegion: reading only the report's element gives exactly what reading the whole page gives
// (linted text, the page offset of every linted byte, the body path), and the pre-scan leaves
// the pages it cannot be sure of to the whole-page parse.
#include "engine/read/HtmlRegion.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "engine/read/HtmlCharset.h"
#include "engine/read/HtmlReader.h"
#include "engine/text/Decoder.h"
#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

// The page offset of every linted byte, as the OriginMap places it.
std::vector<uint32_t> placesOf(const HtmlText& read) {
  std::vector<uint32_t> out;
  out.reserve(read.text.size());
  for (size_t i = 0; i < read.text.size(); ++i) {
    const OriginPlace place = read.origin->placeOf(read.text, static_cast<uint32_t>(i));
    out.push_back(place.kind == OriginPlace::Kind::SourceOffset ? place.offset : UINT32_MAX);
  }
  return out;
}

// readHtml and readHtmlWholePage agree on `page`; returns whether readHtml parsed the region only.
bool readsAsWholePage(const std::string& page) {
  const HtmlText fast = readHtml(page);
  const HtmlText whole = readHtmlWholePage(page);
  CHECK_FALSE(whole.regionOnly);
  CHECK(fast.text == whole.text);
  CHECK(fast.body == whole.body);
  CHECK(fast.origin->originalText() == page);
  if (fast.text == whole.text) {
    const std::vector<uint32_t> fastPlaces = placesOf(fast);
    const std::vector<uint32_t> wholePlaces = placesOf(whole);
    const auto diverge = std::mismatch(fastPlaces.begin(), fastPlaces.end(), wholePlaces.begin());
    if (diverge.first != fastPlaces.end()) {
      const size_t at = static_cast<size_t>(diverge.first - fastPlaces.begin());
      FAIL_CHECK("linted byte " << at << " (line \"" << fast.text.substr(fast.text.rfind('\n', at) + 1, 40)
                                << "\"): region " << *diverge.first << ", whole page " << *diverge.second);
    }
  }
  return fast.regionOnly;
}

std::string decodedPage(const fs::path& path) {
  const std::string bytes = test::readWholeFile(path.string());
  return decodeBytes(bytes, htmlEncodingChoice(bytes, EncodingChoice::Auto)).text;
}

// Portal chrome as bench/HtmlReadBench.cpp pads pages with: a mega-menu, a related-articles list
// (report titles among them), an inline script and style.
std::string chromeBlock(int n) {
  std::string s = "<div class=\"mega-menu\"><ul>";
  for (int i = 0; i < 12; ++i) {
    s += "<li><a href=\"/col/col" + std::to_string(n * 100 + i) + "/index.html\" title=\"政务公开专栏\">政务公开专栏" +
         std::to_string(i) + "</a></li>";
  }
  s += "</ul></div>\n<div class=\"related\"><ul>";
  for (int i = 0; i < 6; ++i) {
    s += "<li><span class=\"date\">2022-01-" + std::to_string(10 + i) + "</span><a href=\"/art/" + std::to_string(i) +
         ".html\">青山县2020年政府信息公开工作年度报告</a></li>";
  }
  s += "</ul></div>\n<script type=\"text/javascript\">if(a<b&&c>d){document.write('<div>');}</script>\n"
       "<style>.mega-menu li{float:left}</style>\n";
  return s;
}

// `page` with `before` inserted after its <body> tag (or at its start) and `after` before
// </body> (or at its end).
std::string padded(std::string page, const std::string& before, const std::string& after) {
  const size_t end = page.rfind("</body>");
  page.insert(end == std::string::npos ? page.size() : end, after);
  const size_t body = page.find("<body");
  const size_t open = body == std::string::npos ? 0 : page.find('>', body) + 1;
  page.insert(open, before);
  return page;
}

std::vector<fs::path> fixturePages() {
  std::vector<fs::path> pages;
  for (const auto& e : fs::recursive_directory_iterator(kTests + "/fixtures/html")) {
    if (e.path().extension() == ".html") pages.push_back(e.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

const std::string kArticle =
    "<h1 class=\"title\">青山县人民政府2021年政府信息公开工作年度报告</h1>\n"
    "<div class=\"info\">发布时间：2022-01-25　来源：县政府办</div>\n"
    "<div id=\"zoom\" class=\"article-content\"><p>一、总体情况</p><p>2021年，全县主动公开政府信息。</p>"
    "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
    "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
    "<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><p>无。</p></div>\n";

std::string portal(const std::string& article, const std::string& before = "", const std::string& after = "") {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title></head><body>\n"
         "<div class=\"header\"><ul class=\"main-nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li></ul></div>\n" +
         before + "<div class=\"main\"><div class=\"article\">\n" + article + "</div></div>\n" + after +
         "<div class=\"footer\">版权所有：青山县人民政府 网站标识码1234</div>\n</body></html>\n";
}

}  // namespace

TEST_CASE("every fixture page reads the same from its region as from the whole page", "[html][region]") {
  const std::vector<fs::path> pages = fixturePages();
  REQUIRE(pages.size() >= 138);
  size_t regionReads = 0;
  for (const fs::path& path : pages) {
    INFO("page: " << path.string());
    const std::string page = decodedPage(path);
    regionReads += readsAsWholePage(page) ? 1 : 0;
    const std::string chrome = chromeBlock(1) + chromeBlock(2);
    INFO("padded with chrome before and after the article");
    regionReads += readsAsWholePage(padded(page, chrome, chrome)) ? 1 : 0;
  }
  // Most pages are plain enough for the scan; the count guards against a scan that gives up on
  // everything (which would pass the comparisons above).
  CHECK(regionReads >= pages.size());
}

TEST_CASE("the padded seed pages of the benchmark are read from their region", "[html][region]") {
  for (const auto& e : fs::directory_iterator(kTests + "/fixtures/html/pages/seeds")) {
    INFO("page: " << e.path().string());
    const std::string page = decodedPage(e.path());
    std::string chrome;
    for (int n = 0; chrome.size() < 200 * 1024; ++n) chrome += chromeBlock(n);
    const std::string big = padded(page, "", chrome);
    // A page whose sections the body choice does not recognise is read as its whole <body>,
    // which only a parse of the whole page gives.
    CHECK((readsAsWholePage(big) || readHtmlWholePage(big).body == "body"));
  }
}

TEST_CASE("the region keeps the page's offsets and body path", "[html][region]") {
  const std::string page = portal(kArticle, chromeBlock(0), chromeBlock(1));
  const HtmlText read = readHtml(page);
  CHECK(read.regionOnly);
  CHECK(read.body == "body > div.main > div.article");
  REQUIRE(read.text.rfind("青山县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n", 0) == 0);
  // "一、总体情况" is linted from the page's own bytes.
  const size_t linted = read.text.find("一、总体情况");
  const OriginPlace place = read.origin->placeOf(read.text, static_cast<uint32_t>(linted));
  CHECK(place.offset == page.find("一、总体情况"));
  const size_t cell = read.text.find("本年制发件数");
  CHECK(read.origin->placeOf(read.text, static_cast<uint32_t>(cell)).offset == page.find("本年制发件数"));
  CHECK(readsAsWholePage(page));
}

TEST_CASE("chrome-padded variants read the same from their region", "[html][region]") {
  const std::string before = chromeBlock(0);
  const std::string after = chromeBlock(1);
  const std::vector<std::string> pages = {
      // Layout tables around the chrome, nested divs, unclosed <p>, <td> and <li>.
      portal(kArticle, "<table class=\"layout\"><tr><td><ul><li><a href=/a>甲</a><li><a href=/b>乙</a></ul><td>天气</table>",
             "<table><tr><td>友情链接<td><select><option>国务院<option>省政府</select></table>"),
      portal("<div><div><div>" + kArticle + "</div></div></div>", before, after),
      portal("<p>导语<p>另一段" + kArticle, before, after),
      // Comments holding tags, a script holding "</div>", a style, character references.
      portal("<!-- <div id=old> 一、旧标题 </div> -->" + kArticle + "<script>document.write('</div></div>')</script>",
             "<!--[if lt IE 9]><script src=x.js></script><![endif]-->" + before, after),
      portal(kArticle, "<div class=\"note\">说明&nbsp;&amp;&#x4e00;致</div>" + before, after),
      // Upper-case tags and unquoted attributes.
      portal("<DIV CLASS=\"Wrap\" ID=Main>" + kArticle + "</DIV>", before, after),
      // A form around the whole page (ASP.NET) and a search form in the chrome.
      "<html><body><form id=form1 action=/x><div class=main>" + kArticle + "</div>" + after + "</form></body></html>",
      // No <html>, <head> or <body>: a CMS export.
      "<STYLE>P{margin:0}</STYLE><DIV class=TRS_Editor>" + kArticle + "</DIV>" + after,
      // The article in a layout table's cell, with its own tables.
      "<html><body><table width=100%><tr><td class=left>" + before + "</td><td class=right><div class=content>" +
          kArticle + "</div></td></tr></table>" + after + "</body></html>",
  };
  for (const std::string& page : pages) {
    INFO("page: " << page.substr(0, 400));
    CHECK(readsAsWholePage(page));
  }
}

TEST_CASE("pages the scan cannot be sure of are parsed whole", "[html][region]") {
  const std::vector<std::string> pages = {
      // The article's container closed by the cell around it, not by its own end tag.
      "<html><body><table><tr><td><div class=content>" + kArticle + "</td></tr></table></body></html>",
      // A <div> left open: the article's container holds the footer.
      "<html><body><div class=main>" + kArticle + "<div class=footer>版权所有</body></html>",
      // Misnested formatting (the adoption agency), foreign content, templates.
      portal("<div class=box><b><div class=inner>" + kArticle + "</b></div></div>"),
      portal(kArticle, "<svg><style>.a{}</style><path d=M0/></svg>"),
      portal(kArticle, "<template><p>一、模板</p></template>"),
      // A section heading outside any element that holds the others.
      portal(kArticle, "", "<div class=side><p>一、另一份</p></div>"),
      // The article in a layout table's cell without tables of its own: the table might be read
      // as a data table.
      "<html><body><table><tr><td><div class=content><h1>青山县2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>二、主动公开</p></div></td><td>x</td></tr></table></body></html>",
      // A NUL byte; a comment that never ends.
      portal(kArticle) + std::string(1, '\0'),
      portal(kArticle) + "<!-- 未完",
  };
  for (const std::string& page : pages) {
    INFO("page: " << page.substr(0, 300));
    CHECK_FALSE(readsAsWholePage(page));
  }
}

TEST_CASE("a page without a report reads as before", "[html][region]") {
  const std::string page = "<html><body><div class=nav><a href=/>首页</a></div><div class=content><p>通知正文。</p>"
                           "<p>第二段。</p></div></body></html>";
  CHECK_FALSE(html::findReportRegion(page));
  CHECK_FALSE(readsAsWholePage(page));
  CHECK(readHtml(page).text == "通知正文。\n第二段。\n");
}

TEST_CASE("the region is the smallest block holding the title and every possible heading", "[html][region]") {
  const std::string page = portal(kArticle, chromeBlock(0), chromeBlock(1));
  const auto region = html::findReportRegion(page);
  REQUIRE(region);
  CHECK(page.compare(region->begin, 21, "<div class=\"article\">") == 0);
  CHECK(page.compare(region->end - 6, 6, "</div>") == 0);
  CHECK(region->ancestorPath == "body > div.main");
  CHECK(region->ancestorCount == 3);
  CHECK(page.compare(0, region->prologueEnd, "<!DOCTYPE html>") == 0);
}

// Found by fuzz/html_region (tests/fuzz-regressions/html_region/): each case once gave a region
// reading that differed from the whole page's.

TEST_CASE("an end tag of a name gumbo does not know closes any element of a name it does not know", "[html][region]") {
  // gumbo 0.10 compares tags by enum, and every unknown tag is GUMBO_TAG_UNKNOWN: </pn> closes
  // <n>, so the article is body > div (the scan had it in <n>, and the path said so).
  const std::string page = "<n></pn><div>政府信息公开年报<p>五、a</div>";
  CHECK(readHtmlWholePage(page).body == "body > div");
  CHECK(readsAsWholePage(page));
  // A known tag's end tag does not close an unknown element, nor the other way round.
  const std::string unknownKept = "<n></span><div>政府信息公开年报<p>五、a</div>";
  CHECK(readHtmlWholePage(unknownKept).body == "body > n > div");
  CHECK(readsAsWholePage(unknownKept));
  const std::string knownKept = "<span></n><div>政府信息公开年报<p>五、a</div>";
  CHECK(readHtmlWholePage(knownKept).body == "body > span > div");
  CHECK(readsAsWholePage(knownKept));
}

TEST_CASE("<keygen> in a select closes it, as <input> does", "[html][region]") {
  // The scan ignored <keygen> in the select and then the </div> after it, so the article looked
  // as if it were still in div.x.
  const std::string page = "<div class=x><select><keygen></div></select><div class=article>政府信息公开年报<p>一、a</div>";
  CHECK(readHtmlWholePage(page).body == "body > div.article");
  CHECK_FALSE(readsAsWholePage(page));
}

TEST_CASE("an ancestor's class or id holding a character gumbo replaces declines the scan", "[html][region]") {
  // gumbo's input stream reads C0 and C1 controls and noncharacters as U+FFFD, in attribute values
  // too, so the body path names "span.\uFFFD", not the page's bytes.
  for (const std::string& value : {std::string("\x02"), std::string("a\xC2\x85"), std::string("\xEF\xB7\x90"), std::string("\x7F")}) {
    const std::string page = "<span class=\"" + value + "\"><div>政府信息公开年报<h3>六、a</h3></div></span>";
    INFO("class: " << value);
    CHECK(readHtmlWholePage(page).body.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK_FALSE(readsAsWholePage(page));
  }
  // White space, U+FFFD itself and ordinary characters are kept.
  CHECK(readsAsWholePage("<span class=\"a\tb\xEF\xBF\xBD 公开\"><div>政府信息公开年报<h3>六、a</h3></div></span>"));
}

TEST_CASE("an ancestor's tag name holding a vertical tab declines the scan", "[html][region]") {
  // The tokenizer ends a tag name at HTML white space only, so "<foo\vbar>" is one unknown element;
  // the body path names it by its original tag cut at the first isspace(): "foo".
  for (const std::string& tag : {std::string("foo\vbar"), std::string("span\vx")}) {
    const std::string page = "<" + tag + "><div>政府信息公开年报<h3>六、a</h3></div>";
    INFO("tag: " << tag);
    CHECK(readHtmlWholePage(page).body == "body > " + tag.substr(0, tag.find('\v')) + " > div");
    CHECK_FALSE(readsAsWholePage(page));
  }
}

TEST_CASE("<html>'s own attributes, from any <html> start tag, can hide the report", "[html][region]") {
  // The walker reads <html>'s hidden, style, class and id as any element's, and every <html> start
  // tag adds the attributes <html> does not have yet — one after the article too.
  const std::string article = "<div class=article>政府信息公开年报<p>一、a</p></div>";
  for (const std::string& page : {"<html hidden>" + article, "<!DOCTYPE html><html style=\"display:none\"><body>" + article,
                                  article + "<html hidden>", "<html lang=zh>" + article + "<html class=footer>",
                                  "<html><body>" + article + "<table><tr><td><select><html id=nav></select></table>"}) {
    INFO("page: " << page);
    CHECK(readHtmlWholePage(page).text != "政府信息公开年报\n一、a\n");
    CHECK_FALSE(readsAsWholePage(page));
  }
  // Attributes that change nothing keep the region path; the first occurrence wins.
  CHECK(readsAsWholePage("<html lang=zh-CN class=\"no-js\" xmlns=\"http://www.w3.org/1999/xhtml\">" + article + "<html class=nav>"));
  CHECK_FALSE(readsAsWholePage("<html lang=zh class=x>" + article + "<html class=footer hidden>"));  // hidden is new
}
