// Tests for engine/read/DocxReader (and ZipPackage, DocxNumbering, DocxStyles): a Word report reads
// as the text of the same report — same rule ids, messages, lines and columns — with places in the
// document for every finding, and hostile packages are refused with a clear message.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "engine/Analyzer.h"
#include "engine/read/DocxNumbering.h"
#include "engine/read/DocxReader.h"
#include "tests/support/FixtureRunner.h"

using namespace gklint;
namespace fs = std::filesystem;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

std::string bytesOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The .txt a fixture .docx was rendered from (tests/fixtures/docx/make_docx.py).
std::string textTwin(const fs::path& docx) {
  const std::string rel = fs::relative(docx, kTests + "/fixtures/docx").string();
  const std::string stem = rel.substr(0, rel.size() - 5) + ".txt";
  if (stem.rfind("seeds/", 0) == 0) return kTests + "/corpus/" + stem;
  return kTests + "/fixtures/" + stem;
}

std::vector<fs::path> docxUnder(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".docx") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string normalized(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::string out;
  for (char c : text) {
    if (c != '\r') out += c;
  }
  // A last line of white space only is an empty paragraph in Word.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

const RuleSet& rules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  return loaded.rules;
}

std::string place(const Analysis& a, uint32_t offset) {
  const OriginPlace p = a.source->origin()->placeOf(a.source->text(), offset);
  if (p.kind == OriginPlace::Kind::Paragraph) return "¶" + std::to_string(p.paragraph) + ":" + std::to_string(p.character);
  return "表" + std::to_string(p.table) + ":行" + std::to_string(p.row) + ":列" + std::to_string(p.column) + ":" +
         std::to_string(p.character);
}

DocxRead readFixture(const std::string& relative) { return readDocx(bytesOf(kTests + "/fixtures/docx/" + relative)); }

}  // namespace

TEST_CASE("every text fixture and seed as .docx gives the same findings as its .txt", "[docx][equivalence]") {
  std::vector<fs::path> files = docxUnder(kTests + "/fixtures/docx/reports");
  for (const fs::path& seed : docxUnder(kTests + "/fixtures/docx/seeds")) files.push_back(seed);
  REQUIRE(files.size() == 131);  // every .txt under tests/fixtures/reports and the 5 seeds
  size_t defective = 0, silent = 0;
  for (const fs::path& docx : files) {
    DYNAMIC_SECTION(docx.filename().string()) {
      const std::string txt = textTwin(docx);
      REQUIRE(fs::exists(txt));
      const DocxRead read = readDocx(bytesOf(docx.string()));
      REQUIRE(read.ok());
      // The linted text is the text the report was rendered from: a careful "save as .txt".
      CHECK(normalized(read.text) == normalized(bytesOf(txt)));
      const std::vector<std::string> fromText = test::renderFindings(txt);
      const std::vector<std::string> fromWord = test::renderFindings(docx.string());
      CHECK(fromWord == fromText);
      (fromText.empty() ? silent : defective)++;
    }
  }
  CHECK(defective + silent <= files.size());
}

TEST_CASE("the equivalence covers silent and defective reports of every kind", "[docx][equivalence]") {
  // A clean report stays silent as .docx, and defective ones of each family give their findings.
  CHECK(test::renderFindings(kTests + "/fixtures/docx/reports/compliant/compliant-2021.docx").empty());
  CHECK(test::renderFindings(kTests + "/fixtures/docx/special/compliant-2021-autonumber.docx").empty());
  CHECK(test::renderFindings(kTests + "/fixtures/docx/special/compliant-2021-tracked.docx").empty());
  const char* defective[] = {
      "structure/section-missing-review", "structure/heading-numbering-arabic", "structure/section-empty-problems-nil",
      "content/contact-missing-all",      "content/period-invalid-dates",       "content/year-mismatch-period",
      "content/fee-statement-missing",    "text/markup-residue",                "tables/tab-bad-number",
      "tables/line-t3-row-total",         "tables/line-t3-balance",             "tables/line-t4-sum-review",
      "tables/tab-non-numeric",           "tables/line-t3-result-sum",
  };
  for (const char* name : defective) {
    DYNAMIC_SECTION(name) {
      const std::string docx = kTests + "/fixtures/docx/reports/" + name + ".docx";
      const std::string txt = kTests + "/fixtures/reports/" + name + ".txt";
      REQUIRE(fs::exists(docx));
      const std::vector<std::string> fromWord = test::renderFindings(docx);
      CHECK_FALSE(fromWord.empty());
      CHECK(fromWord == test::renderFindings(txt));
      CHECK(fromWord == test::readExpectations(kTests + "/fixtures/reports/" + name + ".expected"));
    }
  }
}

TEST_CASE("the reader's constructs read as Word shows them, with their places", "[docx][reader]") {
  const DocxRead read = readFixture("special/reader-features.docx");
  REQUIRE(read.ok());
  CHECK(read.text ==
        "一、总体情况\n"
        "⑴ 第一项\n"
        "⑵ 第二项\n"
        "一.1.细目\n"                 // %1.%3.: level 0 in its own format; the tab suffix is dropped
        "二、主动公开\n"
        "⑴ 重新计数\n"                // restarted after a higher level
        "二.2.不重新计数\n"           // w:lvlRestart 0: never restarts
        "十一、从十一开始\n"          // w:startOverride 11
        "甲.天干\n"
        "全角\t制表\n换行后\n"        // w:tab, w:br
        "电话-0457★完\n"              // w:noBreakHyphen, w:sym, w:softHyphen dropped
        "2022年1月1日发布\n"          // w:fldSimple keeps its result
        "外层结果\n"                  // nested complex fields: instructions (and results inside them) dropped
        "控件内文字和自定义XML\n"     // w:sdt, w:customXml
        "𠀋字在前插入结尾\n"          // w:ins kept, w:del dropped
        "前半后半\n"                  // a deleted paragraph mark joins two paragraphs
        "\n"
        "框内第一段\n框内第二段\n"    // a one-column table is a frame
        "项目\t合计\n"                // w:gridSpan 2: still one cell, one field
        "\t21\t3\n"                   // w:vMerge continue: empty; runs "2" "1" are 21
        "\t外内1内2\tx\n"             // w:gridBefore: an empty field; a nested table joins its cell's text
        "表后段落\n");
  CHECK(read.paragraphs == 19);
  CHECK(read.tables == 2);
  const Source source("f.docx", read.text, Encoding::Utf8, read.origin);
  Analysis a;
  a.source = std::make_unique<Source>("f.docx", read.text, Encoding::Utf8, read.origin);
  auto at = [&](std::string_view needle, size_t from = 0) {
    const size_t pos = read.text.find(needle, from);
    REQUIRE(pos != std::string::npos);
    return place(a, static_cast<uint32_t>(pos));
  };
  CHECK(at("一、") == "¶1:0");     // generated numbering maps to the paragraph start
  CHECK(at("、总体") == "¶1:0");   // ... every byte of it
  CHECK(at("总体情况") == "¶1:0"); // the paragraph's own text counts from 0
  CHECK(at("情况") == "¶1:2");
  CHECK(at("换行后") == "¶10:6");  // 全角 tab 制表 br: 6 characters before
  CHECK(at("0457") == "¶11:3");
  CHECK(at("完") == "¶11:8");
  CHECK(at("结尾") == "¶15:6");    // 𠀋 is one character; deleted text is not counted
  CHECK(at("后半") == "¶16:2");
  CHECK(at("框内第二段") == "¶18:0");
  CHECK(at("表后段落") == "¶19:0");
  CHECK(at("合计") == "表2:行1:列2:0");
  CHECK(at("\t合计") == "表2:行1:列2:0");  // the tab inserted between cells belongs to the next cell
  CHECK(at("21") == "表2:行2:列2:0");
  CHECK(at("1\t3") == "表2:行2:列2:1");
  CHECK(at("\t3") == "表2:行2:列3:0");
  CHECK(at("内2") == "表2:行3:列1:5");     // 外, its paragraph mark, 内1, its paragraph mark
  CHECK(at("x\n") == "表2:行3:列2:0");      // the w:gridBefore position is not a cell
  // Heading levels come from styles and w:outlineLvl only; this document has none.
  CHECK(read.headings.empty());
}

TEST_CASE("automatic numbering from numbering.xml makes the section headings", "[docx][numbering]") {
  const std::string path = kTests + "/fixtures/docx/special/compliant-2021-autonumber.docx";
  const std::string bytes = bytesOf(path);
  // The document itself holds no "一、": Word generates it from w:numPr.
  const DocxRead read = readDocx(bytes);
  REQUIRE(read.ok());
  CHECK(normalized(read.text) == normalized(bytesOf(kTests + "/fixtures/reports/compliant/compliant-2021.txt")));
  const Analysis a = analyzeBytes(path, bytes, DocumentFormat::Docx, rules());
  REQUIRE(a.ok());
  CHECK(a.findings.empty());
  REQUIRE(a.document->sections.size() == 6);
  const std::string_view text = a.source->text();
  const Heading& first = a.document->headings[a.document->sections[0].heading];
  CHECK(first.line.in(text) == "一、总体情况");
  const Heading& sixth = a.document->headings[a.document->sections[5].heading];
  CHECK(sixth.line.in(text) == "六、其他需要报告的事项");
  // Heading 1 paragraphs are heading blocks, as Markdown's "#" lines.
  CHECK(a.document->blocks[first.block].kind == BlockKind::Heading);
  CHECK(a.document->blocks[first.block].markdownLevel == 1);
}

TEST_CASE("findings of a .docx have places in the document", "[docx][places]") {
  SECTION("table cells") {
    const std::string path = kTests + "/fixtures/docx/reports/tables/tab-bad-number.docx";
    const Analysis a = analyzeBytes(path, bytesOf(path), DocumentFormat::Docx, rules());
    REQUIRE(a.ok());
    REQUIRE(a.findings.size() == 2);
    CHECK(a.findings[0].message == "表二“行政处罚”为“2.5”，应为整数");
    CHECK(place(a, a.findings[0].span.begin) == "表3:行2:列2:0");
    CHECK(a.findings[1].message == "表四“行政复议其他结果”为“-1”，不能为负数");
    CHECK(place(a, a.findings[1].span.begin) == "表6:行4:列3:0");
  }
  SECTION("a value on a paragraph of its own (one cell per line), after its indenting tab") {
    const std::string path = kTests + "/fixtures/docx/reports/tables/line-t3-row-total.docx";
    const Analysis a = analyzeBytes(path, bytesOf(path), DocumentFormat::Docx, rules());
    REQUIRE(a.ok());
    REQUIRE(a.findings.size() == 2);
    CHECK(place(a, a.findings[0].span.begin) == "¶72:1");
  }
  SECTION("a paragraph, with 𠀋 before the finding on the same line") {
    const std::string path = kTests + "/fixtures/docx/special/non-bmp-2021.docx";
    const Analysis a = analyzeBytes(path, bytesOf(path), DocumentFormat::Docx, rules());
    REQUIRE(a.ok());
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].ruleId == "text/typo");
    CHECK(place(a, a.findings[0].span.begin) == "¶7:38");
  }
  SECTION("a missing section is reported at a paragraph") {
    const std::string path = kTests + "/fixtures/docx/reports/structure/section-missing-review.docx";
    const Analysis a = analyzeBytes(path, bytesOf(path), DocumentFormat::Docx, rules());
    REQUIRE(a.ok());
    REQUIRE_FALSE(a.findings.empty());
    // Reported on the heading of the next present section, 五, the 16th paragraph.
    CHECK(place(a, a.findings[0].span.begin) == "¶16:0");
  }
}

TEST_CASE("list numbers in OOXML's formats", "[docx][numbering]") {
  CHECK(formatListNumber("chineseCounting", 1) == "一");
  CHECK(formatListNumber("chineseCounting", 10) == "十");
  CHECK(formatListNumber("chineseCounting", 11) == "十一");
  CHECK(formatListNumber("chineseCounting", 20) == "二十");
  CHECK(formatListNumber("chineseCounting", 23) == "二十三");
  CHECK(formatListNumber("chineseCountingThousand", 105) == "一百零五");
  CHECK(formatListNumber("chineseCountingThousand", 1010) == "一千零一十");
  CHECK(formatListNumber("chineseLegalSimplified", 3) == "叁");
  CHECK(formatListNumber("ideographTraditional", 2) == "乙");
  CHECK(formatListNumber("ideographZodiac", 12) == "亥");
  CHECK(formatListNumber("decimalEnclosedCircle", 3) == "③");
  CHECK(formatListNumber("decimalEnclosedCircleChinese", 20) == "⑳");
  CHECK(formatListNumber("decimalEnclosedParen", 1) == "⑴");
  CHECK(formatListNumber("decimalEnclosedFullstop", 2) == "⒉");
  CHECK(formatListNumber("decimalFullWidth", 12) == "１２");
  CHECK(formatListNumber("decimalZero", 7) == "07");
  CHECK(formatListNumber("upperRoman", 14) == "XIV");
  CHECK(formatListNumber("lowerLetter", 27) == "aa");
  CHECK(formatListNumber("bullet", 1).empty());
  CHECK(formatListNumber("someFutureFormat", 4) == "4");
}

TEST_CASE("list counters: per list, restarted by a higher level, overridden", "[docx][numbering]") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(
      "<w:numbering xmlns:w=\"w\">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride>"
      "<w:lvlOverride w:ilvl=\"1\"><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:suff w:val=\"space\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:lvlOverride></w:num>"
      "</w:numbering>"));
  DocxNumbering numbering(doc.child("w:numbering"));
  CHECK(numbering.next(1, 0) == "一、");
  CHECK(numbering.next(1, 1) == "（一）");
  CHECK(numbering.next(1, 1) == "（二）");
  CHECK(numbering.next(1, 0) == "二、");
  CHECK(numbering.next(1, 1) == "（一）");
  CHECK(numbering.next(2, 0) == "三、");  // another list: its own counters, from its startOverride
  CHECK(numbering.next(2, 1) == "1. ");   // a level overridden whole, with a space suffix
  CHECK(numbering.next(1, 0) == "三、");  // list 1 went on where it was
  CHECK(numbering.next(0, 0).empty());    // numId 0: numbering removed
  CHECK(numbering.next(5, 0).empty());    // no such list
  CHECK(numbering.next(1, 4).empty());    // no such level
}

TEST_CASE("hostile and foreign packages are refused with what to do", "[docx][hostile]") {
  const std::pair<const char*, const char*> cases[] = {
      {"zip-bomb.docx", "refused .docx: the zip entry word/document.xml inflates to more than 48 MiB (a zip bomb, or "
                        "not a report)"},
      {"ratio-bomb.docx", "refused .docx: the zip entry word/styles.xml inflates more than 500 times its compressed "
                          "size (a zip bomb)"},
      {"encrypted.docx", "encrypted or password-protected Word document: remove the password (Word: File > Info > "
                         "Protect Document > Encrypt with Password, clear it; WPS: 文件 > 文档加密) and save again"},
      {"legacy.doc", "binary Word document (.doc), not .docx: open it in Word or WPS and save as .docx (Word Document)"},
      {"legacy-renamed.docx", "binary Word document (.doc), not .docx: open it in Word or WPS and save as .docx (Word "
                              "Document)"},
      {"plain-text.docx", "not a .docx: the file is not a zip package (a .docx is one); open it in Word or WPS and save "
                          "it again as .docx"},
      {"not-ooxml.docx", "a zip archive, but not a Word document: it has no word/document.xml; save the report as .docx "
                         "from Word or WPS"},
      {"odt-renamed.docx", "an OpenDocument file (.odt), not a .docx: open it in WPS, Word or LibreOffice and save as .docx"},
      {"doctype.docx", "word/document.xml declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word never writes "
                       "and gklint never expands: open it in Word or WPS and save it again as .docx"},
      {"doctype-utf16.docx", "word/document.xml declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word never "
                             "writes and gklint never expands: open it in Word or WPS and save it again as .docx"},
      {"malformed-xml.docx", "word/document.xml is not well-formed XML (Start-end tags mismatch at byte 120): the "
                             "document is damaged; open it in Word or WPS and save it again as .docx"},
      {"deep-nesting.docx", "word/document.xml nests tables or content controls deeper than 48 levels, which no report "
                            "does: open it in Word or WPS and save it again as .docx"},
      {"crc-mismatch.docx", "damaged .docx: the zip entry word/document.xml fails its CRC check (the file is truncated "
                            "or corrupt); open it in Word or WPS and save it again as .docx"},
      {"zip-encrypted-entry.docx", "refused .docx: the zip entry word/styles.xml is encrypted (a password-protected "
                                   "zip): save the document again from Word or WPS without a password"},
      {"truncated.docx", "damaged .docx: the zip package is truncated or damaged (its central directory, at the end of "
                         "the file, is missing); open it in Word or WPS and save it again as .docx"},
  };
  for (const auto& [name, message] : cases) {
    DYNAMIC_SECTION(name) {
      const DocxRead read = readFixture(std::string("hostile/") + name);
      CHECK(read.error == message);
      CHECK(read.text.empty());
      const Analysis a = analyzeBytes(name, bytesOf(kTests + "/fixtures/docx/hostile/" + name), DocumentFormat::Docx, rules());
      CHECK(a.error == message);
      CHECK(a.source == nullptr);
    }
  }
  SECTION("an empty file") { CHECK(readDocx("").error.rfind("not a .docx: the file is not a zip package", 0) == 0); }
  SECTION("every prefix of a real .docx is refused or read, never a crash") {
    const std::string good = bytesOf(kTests + "/fixtures/docx/reports/compliant/compliant-2021.docx");
    for (size_t n = 0; n < good.size(); n += 97) {
      const DocxRead read = readDocx(std::string_view(good).substr(0, n));
      CHECK_FALSE(read.ok());
    }
  }
}

TEST_CASE("documents written by LibreOffice read like their text", "[docx][equivalence][libreoffice]") {
  // tests/fixtures/docx/libreoffice/make.sh: LibreOffice's own zip layout, styles, numbering.xml
  // and table grids (a real producer, not make_docx.py's XML).
  const std::string dir = kTests + "/fixtures/docx/libreoffice/";
  CHECK(test::renderFindings(dir + "compliant-2021.docx").empty());
  // Re-saved by LibreOffice: its numbering.xml (chineseCountingThousand) generates every heading.
  CHECK(test::renderFindings(dir + "compliant-2021-autonumber.docx").empty());
  const DocxRead resaved = readDocx(bytesOf(dir + "compliant-2021-autonumber.docx"));
  REQUIRE(resaved.ok());
  CHECK(resaved.text.find("\n一、总体情况\n") != std::string::npos);
  CHECK(resaved.text.find("\n（一）主动公开") != std::string::npos);
  CHECK(test::renderFindings(dir + "000.docx") == test::renderFindings(kTests + "/corpus/seeds/000_59d64a34d2dae9ef.txt"));
  const std::vector<std::string> arithmetic = test::renderFindings(dir + "line-t3-row-total.docx");
  CHECK(arithmetic.size() == 2);
  CHECK(arithmetic == test::renderFindings(kTests + "/fixtures/reports/tables/line-t3-row-total.txt"));
}
