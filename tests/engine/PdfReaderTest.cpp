// Tests for engine/read/PdfReader: fixture PDFs printed by LibreOffice from the fixture reports
// (tests/fixtures/pdf/make-pdfs.py), and hand-written hostile PDFs that must fail cleanly.
#include "engine/read/PdfReader.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/text/Utf8.h"

using namespace gklint;

namespace {

std::string readFile(const std::string& relative) {
  std::ifstream in(std::string(GKLINT_TEST_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string pdfFixture(const std::string& name) { return readFile("fixtures/pdf/reports/" + name + ".pdf"); }
std::string hostile(const std::string& name) { return readFile("fixtures/pdf/hostile/" + name + ".pdf"); }

const RuleSet& builtinRules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

Analysis analyzePdf(const std::string& name) {
  return analyzeBytes(name + ".pdf", pdfFixture(name), DocumentFormat::Pdf, builtinRules());
}

// "page:line:character" of linted byte `offset` (character 1-based, as the CLI prints it).
std::string placeOf(const Analysis& a, uint32_t offset) {
  REQUIRE(a.source->origin() != nullptr);
  const OriginPlace p = a.source->origin()->placeOf(a.source->text(), offset);
  CHECK(p.kind == OriginPlace::Kind::PageLine);
  return "p" + std::to_string(p.page) + ":" + std::to_string(p.line) + ":" + std::to_string(p.character + 1);
}

const Finding& onlyFinding(const Analysis& a, const std::string& rule) {
  const Finding* found = nullptr;
  for (const Finding& f : a.findings) {
    if (f.ruleId == rule) {
      REQUIRE(found == nullptr);
      found = &f;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

bool contains(std::string_view text, std::string_view piece) { return text.find(piece) != std::string_view::npos; }

}  // namespace

TEST_CASE("formatFromPath knows .pdf", "[pdf]") {
  CHECK(formatFromPath("a/报告.pdf") == DocumentFormat::Pdf);
  CHECK(formatFromPath("a/REPORT.PDF") == DocumentFormat::Pdf);
}

TEST_CASE("PDF: page furniture is not content (running header, '- N -' footers, the 附件 stamp)", "[pdf]") {
  const PdfReadResult pdf = readPdf(pdfFixture("compliant-2021"));
  REQUIRE(pdf.ok());
  CHECK(pdf.pages == 3);
  // The running header repeats the title on every page; the title itself stays, once, first.
  const std::string title = "青山县石河乡人民政府2021年政府信息公开工作年度报告";
  CHECK(pdf.text.rfind(title + "\n", 0) == 0);
  CHECK(pdf.text.find(title, 1) == std::string::npos);
  CHECK_FALSE(contains(pdf.text, "附件"));
  CHECK_FALSE(contains(pdf.text, "- 1 -"));
  CHECK_FALSE(contains(pdf.text, "-1-"));
  CHECK_FALSE(contains(pdf.text, "- 2 -"));
}

TEST_CASE("PDF: a paragraph wrapped at the page width is one line again", "[pdf]") {
  const PdfReadResult pdf = readPdf(pdfFixture("compliant-2021"));
  REQUIRE(pdf.ok());
  // Six printed lines; the phone number itself broke over two ("045" / "7-2190000").
  CHECK(contains(pdf.text, "\n本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和国办公开办函〔2021〕30号文件要求编制。"
                           "本报告中所列数据统计期限自2021年1月1日起至2021年12月31日止。"));
  CHECK(contains(pdf.text, "联系电话：0457-2190000，电子邮箱：shihexiang@example.cn。\n"));
  // Silent: a heading after a full line, and the short last line of a paragraph, stay apart.
  CHECK(contains(pdf.text, "\n一、总体情况\n"));
  CHECK(contains(pdf.text, "全年未发生因信息公开引起的责任追究事项。\n"));
}

TEST_CASE("PDF: table rows come as tab-separated cells, wrapped labels joined to their numbers", "[pdf]") {
  const PdfReadResult pdf = readPdf(pdfFixture("compliant-2021"));
  REQUIRE(pdf.ok());
  CHECK(contains(pdf.text, "\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t3\n"));
  // Printed over two lines of its cell: "一、本年新收政府信" / "息公开申请数量", the numbers beside the first.
  CHECK(contains(pdf.text, "\n一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t1\t7\n"));
  // Over four lines, beside a group label and before the next numbered item.
  CHECK(contains(pdf.text, "\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1\n"));
  // A header row whose cells wrap ("科研机" / "构") comes back whole.
  CHECK(contains(pdf.text, "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"));
  // 表四: the data row's 15 numbers.
  CHECK(contains(pdf.text, "\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"));
}

TEST_CASE("PDF: a table continues across page breaks, rows wrapped at the foot of a page joined", "[pdf]") {
  // 表三 of this fixture runs over pages 1 to 3: its header rows break after page 1, its body
  // after "7.属于行政执法案" / "卷" at the foot of page 2.
  const Analysis a = analyzePdf("tab-t3-balance");
  REQUIRE(a.ok());
  const std::string_view text = a.source->text();
  const std::string rows = "\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n";
  const size_t header = text.find(rows);
  REQUIRE(header != std::string_view::npos);
  CHECK(placeOf(a, static_cast<uint32_t>(header + 1)).rfind("p1:", 0) == 0);
  CHECK(placeOf(a, static_cast<uint32_t>(text.find("商业企业\t"))) == "p2:2:1");
  const std::string broken = "\n7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n";
  const size_t at = text.find(broken);
  REQUIRE(at != std::string_view::npos);
  const uint32_t juan = static_cast<uint32_t>(at + std::string_view("\n7.属于行政执法案").size());
  CHECK(placeOf(a, juan).rfind("p2:", 0) == 0);
  CHECK(placeOf(a, static_cast<uint32_t>(text.find("8.属于行政查询事项"))) == "p3:2:1");  // page 3, below its header
  CHECK(text.find("\n（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0\t0\t0\t1\t0\t3\n") != std::string_view::npos);
  // One table: no paragraph break between the pages' rows, and the findings are the .txt's.
  CHECK(text.substr(header, text.find("\n四、结转下年度继续办理") - header).find("\n\n") == std::string_view::npos);
}

TEST_CASE("PDF: findings point at page, line and character (CJK and 𠀋 on the line)", "[pdf]") {
  const Analysis a = analyzePdf("typo-non-bmp-column");
  REQUIRE(a.ok());
  // "（一）主动公开。在𠀋坪村等12个村设量…": line 11 of page 1 (header, title, six lines of the
  // preamble, the heading, a paragraph, then this one); "设量" is its 18th character.
  const Finding& typo = onlyFinding(a, "text/typo");
  CHECK(typo.message == "疑似错别字“设量”，应为“设置”");
  CHECK(placeOf(a, typo.span.begin) == "p1:11:18");
  // The 𠀋 itself: character 10 of the same line.
  const uint32_t rare = static_cast<uint32_t>(a.source->text().find("𠀋"));
  CHECK(placeOf(a, rare) == "p1:11:10");
}

TEST_CASE("PDF: an arithmetic error in a table split over two pages is placed on its page", "[pdf]") {
  const Analysis a = analyzePdf("tab-t3-balance");
  REQUIRE(a.ok());
  std::vector<std::string> places;
  for (const Finding& f : a.findings) {
    if (f.ruleId == "arith/t3-balance") places.push_back(placeOf(a, f.span.begin) + " " + f.message);
  }
  CHECK(places == std::vector<std::string>{
                      "p2:4:13 表三“商业企业”列：新收与上年结转之和为6，办理结果总计与结转下年之和为4，二者应相等",
                      "p2:4:23 表三“总计”列：新收与上年结转之和为26，办理结果总计与结转下年之和为24，二者应相等",
                  });
}

// The cross-format check: every fixture PDF gives the same findings (severity, rule, message) as
// the .txt report it was printed from. A case that differs lists what differs.
TEST_CASE("PDF: the same report as .txt and as .pdf gives the same findings", "[pdf]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"compliant-2021", "fixtures/reports/compliant/compliant-2021.txt"},
      {"typo-non-bmp-column", "fixtures/reports/text/typo-non-bmp-column.txt"},
      {"tab-t3-balance", "fixtures/reports/tables/tab-t3-balance.txt"},
      {"tab-t3-result-sum", "fixtures/reports/tables/tab-t3-result-sum.txt"},
      {"tab-t4-sum-direct", "fixtures/reports/tables/tab-t4-sum-direct.txt"},
      {"tab-nonzero-silent", "fixtures/reports/tables/tab-nonzero-silent.txt"},
      {"contact-missing-partial", "fixtures/reports/content/contact-missing-partial.txt"},
      {"period-missing", "fixtures/reports/content/period-missing.txt"},
      {"section-order-swap", "fixtures/reports/structure/section-order-swap.txt"},
      {"seed-000", "corpus/seeds/000_59d64a34d2dae9ef.txt"},
  };
  auto tally = [](const Analysis& a) {
    std::map<std::string, int> n;
    for (const Finding& f : a.findings) ++n[std::string(severityName(f.severity)) + ": " + f.message + " [" + f.ruleId + "]"];
    return n;
  };
  for (const auto& [name, txt] : cases) {
    const Analysis fromText = analyzeBytes(name + ".txt", readFile(txt), DocumentFormat::Text, builtinRules());
    const Analysis fromPdf = analyzePdf(name);
    REQUIRE(fromPdf.ok());
    const auto expected = tally(fromText);
    const auto actual = tally(fromPdf);
    std::ostringstream differences;
    for (const auto& [finding, count] : expected) {
      const auto it = actual.find(finding);
      const int got = it == actual.end() ? 0 : it->second;
      if (got != count) differences << "\n  .txt " << count << " × .pdf " << got << " × " << finding;
    }
    for (const auto& [finding, count] : actual) {
      if (!expected.count(finding)) differences << "\n  .txt 0 × .pdf " << count << " × " << finding;
    }
    INFO(name << ": findings that differ:" << differences.str());
    CHECK(differences.str().empty());
  }
}

TEST_CASE("PDF: the compliant report has no finding at warning or error level", "[pdf]") {
  for (const std::string name : {"compliant-2021", "tab-nonzero-silent"}) {
    const Analysis a = analyzePdf(name);
    REQUIRE(a.ok());
    for (const Finding& f : a.findings) {
      INFO(name << ": " << f.ruleId << " " << f.message);
      CHECK(f.severity == Severity::Info);
    }
  }
}

TEST_CASE("PDF: a scan without a text layer asks for OCR", "[pdf]") {
  const Analysis a = analyzeBytes("scan.pdf", hostile("scan"), DocumentFormat::Pdf, builtinRules());
  CHECK_FALSE(a.ok());
  CHECK(a.source == nullptr);
  CHECK(a.error == "no text layer: run OCR first (the PDF's 1 page holds only images, as a scan does)");
}

TEST_CASE("PDF: an encrypted file says it needs a password", "[pdf]") {
  const PdfReadResult pdf = readPdf(hostile("encrypted"));
  CHECK(pdf.error ==
        "encrypted PDF: it needs a password to open; save an unencrypted copy (or export the report to .txt) and check that");
}

TEST_CASE("PDF: a damaged file says where poppler found it broken", "[pdf]") {
  CHECK(readPdf(hostile("truncated")).error ==
        "damaged PDF: poppler could not open it (error: Couldn't find trailer dictionary); re-export the report to PDF "
        "from its source document");
  CHECK(readPdf(hostile("garbage")).error ==
        "damaged PDF: poppler could not open it (error (20): Illegal character '}'); re-export the report to PDF from "
        "its source document");
  CHECK(readPdf(hostile("not-a-pdf")).error ==
        "not a PDF file: it does not start with %PDF-; check the file, or give a .txt/.md report its own extension");
  CHECK(readPdf("").error ==
        "not a PDF file: it does not start with %PDF-; check the file, or give a .txt/.md report its own extension");
  // A fixture cut at every 5th of its length: an error or a (partial) text, never a crash.
  const std::string whole = pdfFixture("compliant-2021");
  for (size_t cut = whole.size() / 5; cut < whole.size(); cut += whole.size() / 5) {
    const PdfReadResult pdf = readPdf(std::string_view(whole).substr(0, cut));
    CHECK((pdf.ok() || !pdf.error.empty()));
  }
}

TEST_CASE("PDF: hostile files are refused or read within bounds", "[pdf]") {
  SECTION("a page tree claiming 100,000 pages") {
    CHECK(readPdf(hostile("many-pages")).error ==
          "damaged PDF: no pages could be read (error: Page count (100000) larger than number of objects (6)); "
          "re-export the report to PDF from its source document");
  }
  SECTION("more pages than the limit") {
    PdfLimits limits;
    limits.maxPages = 2;
    CHECK(readPdf(pdfFixture("compliant-2021"), limits).error ==
          "PDF has 3 pages, more than the 2 gklint reads: not a single report; split the file or export the report to .txt");
  }
  SECTION("a decompression bomb: 64 MB of page content in 64 KB") {
    const auto start = std::chrono::steady_clock::now();
    const PdfReadResult pdf = readPdf(hostile("bomb"));
    CHECK(pdf.error ==
          "PDF stream at byte offset 303 inflates past 16 MB of page content, far more than a report holds (a "
          "decompression bomb or a damaged file); export the report to .txt and check that");
    // Refused by the guard before poppler inflates it (a generous bound for a loaded machine).
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }
  SECTION("20,000 text operators: read, the text bounded") {
    const PdfReadResult pdf = readPdf(hostile("text-flood"));
    REQUIRE(pdf.ok());
    CHECK(pdf.text.size() < 1024 * 1024);
  }
  SECTION("more text on a page than the limit") {
    PdfLimits limits;
    limits.maxPageTextBytes = 1000;
    CHECK(readPdf(hostile("text-flood"), limits).error ==
          "PDF page 1 holds more text than a report (over 1000 bytes): a damaged or hostile file; export the report to .txt "
          "and check that");
  }
  SECTION("an array nested 10,000 deep") {
    const PdfReadResult pdf = readPdf(hostile("deep-nesting"));
    REQUIRE(pdf.ok());
    CHECK(pdf.text == "Annual report\n");
  }
}
