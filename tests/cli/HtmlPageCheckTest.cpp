// gklint check / tables on HTML pages: positions in the page's source, the body it read, --fix
// refused, folders collected; and how every reporter prints the other formats' locators.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "cli/ReportLocation.h"
#include "cli/Reporter.h"
#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;
using nlohmann::json;

namespace {

std::string nonBmpPage() { return testPath("fixtures/html/non-bmp-2021.html"); }

}  // namespace

TEST_CASE("html: a finding after CJK, an entity and 𠀋 points at the page's line and column", "[cli][html]") {
  // Line 12 of the page: <p …><span>（三）政府信息管理。…制度&#65292;及时…</span>&nbsp;𠀋<b>字调整设量…
  const CliRun run = runGklint({"check", "--no-config", nonBmpPage()});
  CHECK(run.code == 0);
  CHECK(run.out == nonBmpPage() + ":12:95: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
}

TEST_CASE("html: JSON gives the page position, the format and the body read", "[cli][html]") {
  const CliRun run = runGklint({"check", "--no-config", "--format", "json", nonBmpPage()});
  const json file = json::parse(run.out)["files"][0];
  CHECK(file["format"] == "html");
  CHECK(file["body"] == "body > div#zoom");
  const json f = file["findings"][0];
  CHECK(f["line"] == 12);
  CHECK(f["column"] == 95);
  CHECK(f["endColumn"] == 97);
  CHECK_FALSE(f.contains("location"));  // line and column are the page's own
}

TEST_CASE("html: SARIF keeps a region, the lines being the page's", "[cli][html][sarif]") {
  const CliRun run = runGklint({"check", "--no-config", "--format", "sarif", nonBmpPage()});
  const json result = json::parse(run.out)["runs"][0]["results"][0];
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 12);
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 95);
  CHECK_FALSE(result["locations"][0].contains("logicalLocations"));
  CHECK_FALSE(result.contains("fixes"));
}

TEST_CASE("html: relation findings point at the table cell in the page", "[cli][html]") {
  const std::string page = testPath("fixtures/html/pages/tables/tab-t4-sum-component.html");
  const CliRun run = runGklint({"check", "--no-config", "--format", "json", page});
  const json file = json::parse(run.out)["files"][0];
  REQUIRE(file["findings"].size() == 1);
  const json f = file["findings"][0];
  CHECK(f["rule"] == "arith/t4-sum");
  // The cell "3" of 表四's 未经复议直接起诉 总计, in the page's source: line and code-point column.
  const std::string source = readBytes(page);
  std::istringstream lines(source);
  std::string line;
  for (int n = 0; n < f["line"].get<int>(); ++n) std::getline(lines, line);
  size_t at = 0;
  for (int column = 1; column < f["column"].get<int>(); ++column) {
    const unsigned char c = static_cast<unsigned char>(line[at]);
    at += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  CHECK(line.substr(at, 6) == "3</td>");
  CHECK(file["body"] == "body > div#zoom.article-content");
}

TEST_CASE("html: gklint tables names the body and the rows' page lines", "[cli][html]") {
  const CliRun run = runGklint({"tables", "--no-config", testPath("fixtures/html/pages/compliant/compliant-2021.portal.html")});
  CHECK(run.code == 0);
  CHECK(run.out.find("  body: body > div.container > div.main\n") != std::string::npos);
  CHECK(run.out.find("gov-2021/t3 at ") != std::string::npos);
}

TEST_CASE("html: --fix is refused, nothing written", "[cli][html][fix]") {
  TempDir dir;
  const std::string page = dir.write("report.html", readBytes(nonBmpPage()));
  const CliRun run = runGklint({"check", "--no-config", "--fix", page});
  CHECK(run.code == 2);
  CHECK(run.err == page + ": error: --fix edits .txt and .md reports only; fix the html in the program that made it "
                          "(or check without --fix)\n");
  CHECK(readBytes(page) == readBytes(nonBmpPage()));
}

TEST_CASE("html: a folder's .html and .htm pages are checked beside .docx files", "[cli][html]") {
  TempDir dir;
  dir.write("a/report.html", readBytes(nonBmpPage()));
  dir.write("a/REPORT2.HTM", readBytes(nonBmpPage()));
  dir.write("a/report.docx", "PK\x03\x04");
  dir.write("a/notes.css", "p{}");
  const CliRun run = runGklint({"check", "--no-config", (dir.path() / "a").string()});
  CHECK(run.code == 2);
  CHECK(run.out.find("REPORT2.HTM:12:95: info: 疑似错别字") != std::string::npos);
  CHECK(run.out.find("report.html:12:95: info: 疑似错别字") != std::string::npos);
  CHECK(run.err.find("report.docx: error: damaged .docx: the zip package is truncated or damaged") != std::string::npos);
  CHECK(run.err.find("notes.css") == std::string::npos);
}

TEST_CASE("html: a GBK page declared in http-equiv reads as its UTF-8 twin", "[cli][html][encoding]") {
  const std::string page = testPath("fixtures/html/pages/seeds/002.html");  // soup, GBK, http-equiv gb2312
  REQUIRE(readBytes(page).find("charset=gb2312") != std::string::npos);
  const CliRun run = runGklint({"check", "--no-config", "--format", "json", page});
  const json file = json::parse(run.out)["files"][0];
  CHECK(file["encoding"] == "gb18030");
  CHECK(file["findings"].size() > 10);
}

TEST_CASE("html: a page nesting divs 100,000 deep is refused at once", "[cli][html][guard]") {
  TempDir dir;
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  const std::string page = dir.write("deep.html", deep);
  const CliRun run = runGklint({"check", "--no-config", page});
  CHECK(run.code == 2);
  CHECK(run.err.find(page + ": error: the page nests block elements more than 1500 deep (<div> at line 1)") == 0);
}

TEST_CASE("locators: the text form of each kind", "[cli][location]") {
  using gklint::cli::ReportedLocation;
  ReportedLocation line;
  line.line = 12;
  line.column = 5;
  CHECK(line.text() == "12:5");
  ReportedLocation paragraph{.kind = ReportedLocation::Kind::Paragraph, .paragraph = 12, .character = 5};
  CHECK(paragraph.text() == "¶12:5");
  ReportedLocation cell{.kind = ReportedLocation::Kind::TableCell, .character = 1, .table = 3, .row = 5, .cell = 2};
  CHECK(cell.text() == "表3:行5:列2");
  ReportedLocation pdf{.kind = ReportedLocation::Kind::PageLine, .line = 12, .column = 5, .page = 3};
  CHECK(pdf.text() == "p3:12:5");
}

TEST_CASE("locators: a Word-like origin map gives paragraphs and cells", "[cli][location]") {
  using namespace gklint;
  // Linted text "一、总体情况\n合计\t21\n": paragraph 7; the row is 表2 行4, cells 列1 and 列2.
  const std::string text = "一、总体情况\n合计\t21\n";
  auto origin = std::make_shared<OriginMap>();
  origin->add(0, {.kind = OriginPlace::Kind::Paragraph, .paragraph = 7});
  const auto cell = static_cast<uint32_t>(text.find("合计"));
  origin->add(cell, {.kind = OriginPlace::Kind::TableCell, .table = 2, .row = 4, .column = 1});
  origin->add(cell + 6, {.kind = OriginPlace::Kind::TableCell, .table = 2, .row = 4, .column = 2}, false);
  origin->add(cell + 7, {.kind = OriginPlace::Kind::TableCell, .table = 2, .row = 4, .column = 2});
  const Source source("r.docx", text, Encoding::Utf8, origin);
  cli::Locator locator(source);
  CHECK(locator.at(static_cast<uint32_t>(text.find("情况"))).text() == "¶7:5");
  CHECK(locator.endOf(0, static_cast<uint32_t>(text.find("\n"))).text() == "¶7:7");
  CHECK(locator.at(cell).text() == "表2:行4:列1");
  CHECK(locator.at(static_cast<uint32_t>(text.find("21"))).text() == "表2:行4:列2");
  CHECK(locator.at(static_cast<uint32_t>(text.find("1\n"))).character == 2);
}

TEST_CASE("locators: every reporter prints a logical locator from the finding", "[cli][location]") {
  using namespace gklint::cli;
  FileReport report;
  report.path = "report.docx";
  report.format = "docx";
  ReportedFinding f;
  f.rule = "text/typo";
  f.severity = gklint::Severity::Info;
  f.message = "疑似错别字“设量”，应为“设置”";
  f.line = 40;
  f.column = 3;
  f.endLine = 40;
  f.endColumn = 5;
  f.location = {.kind = ReportedLocation::Kind::Paragraph, .paragraph = 12, .character = 5};
  f.endLocation = {.kind = ReportedLocation::Kind::Paragraph, .paragraph = 12, .character = 7};
  ReportedRelated related;
  related.message = "总计";
  related.location = {.kind = ReportedLocation::Kind::TableCell, .character = 1, .table = 3, .row = 5, .cell = 2};
  f.related.push_back(related);
  report.findings.push_back(f);
  auto render = [&](const char* format) {
    std::ostringstream out, err;
    ReporterOptions options;
    const auto reporter = makeReporter(format, out, err, options);
    reporter->begin();
    reporter->file(report);
    reporter->end(Totals{});
    return out.str();
  };
  CHECK(render("text") == "report.docx:¶12:5: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
  const json j = json::parse(render("json"))["files"][0]["findings"][0];
  CHECK(j["location"] == json({{"paragraph", 12}, {"character", 5}, {"text", "¶12:5"}}));
  CHECK(j["line"] == 40);  // lines of the linted text, as gklint tables shows them
  CHECK(j["related"][0]["location"] ==
        json({{"table", 3}, {"row", 5}, {"column", 2}, {"character", 1}, {"text", "表3:行5:列2"}}));
  const json sarif = json::parse(render("sarif"))["runs"][0]["results"][0];
  CHECK_FALSE(sarif["locations"][0]["physicalLocation"].contains("region"));
  CHECK(sarif["locations"][0]["logicalLocations"][0]["name"] == "¶12:5");
  CHECK(sarif["locations"][0]["logicalLocations"][0]["kind"] == "paragraph");
  CHECK(sarif["relatedLocations"][0]["logicalLocations"][0]["name"] == "表3:行5:列2");
  CHECK(render("junit").find("report.docx:¶12:5: info:") != std::string::npos);
  CHECK(render("html").find("¶12:5") != std::string::npos);
}
