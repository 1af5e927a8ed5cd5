// ExtractedReadingTest: the text reader on text extracted from PDFs and browsers — soft line
// breaks joined with positions kept (engine/read/SoftBreaks, engine/text/LintedText), tables
// rebuilt from space-aligned rows, cells in reading order and browser copies
// (engine/read/LayoutTables, engine/tables/GridBuilder), captions that are not headings.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/read/SoftBreaks.h"
#include "engine/model/LintedText.h"
#include "engine/text/Utf8.h"
#include "tests/support/FixtureRunner.h"

using namespace gklint;
using gklint::test::readWholeFile;

namespace {

const std::string kTests = GKLINT_TEST_DIR;

const RuleSet& rules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

std::string compliant() { return readWholeFile(kTests + "/fixtures/reports/compliant/compliant-2021.txt"); }
std::string extracted(const std::string& name) { return readWholeFile(kTests + "/fixtures/extracted/" + name); }

// "LINE:COL: severity [rule]" with 1-based code-point columns, as the CLI prints them.
std::vector<std::string> findings(const Analysis& a, bool withInfo = true) {
  std::vector<std::string> out;
  for (const Finding& f : a.findings) {
    if (!withInfo && f.severity == Severity::Info) continue;
    const Position p = a.source->position(f.span.begin, ColumnUnit::CodePoints);
    out.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1) + ": " +
                  std::string(severityName(f.severity)) + " [" + f.ruleId + "]");
  }
  return out;
}

Analysis analyze(const std::string& text) { return analyzeBytes("report.txt", text, DocumentFormat::Text, rules()); }

// Wraps every prose line wider than `width` display columns (CJK characters count 2) at that
// width, as a PDF page does.
std::string hardWrap(const std::string& text, size_t width) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.find('\t') != std::string::npos) {
      out += line;
    } else {
      size_t pos = 0, used = 0;
      while (pos < line.size()) {
        const size_t at = pos;
        utf8::next(line, pos);
        const size_t w = displayWidth(std::string_view(line).substr(at, pos - at));
        if (used + w > width) {
          out += '\n';
          used = 0;
        }
        out.append(line, at, pos - at);
        used += w;
      }
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("LintedText closes gaps and maps offsets back to the source", "[extracted][linted]") {
  const std::string source = "一二\n  三四\nxy";
  // content "一二\n  三四" = bytes [0, 15); the gap is "\n  " = [6, 9).
  LintedText linted(source, {{{0, 15}, {{6, 9}}}});
  CHECK(linted.text().substr(0, 12) == "一二三四");
  CHECK(linted.text().substr(12, 3) == "   ");
  CHECK(linted.text().substr(15) == "\nxy");
  CHECK(linted.closedContent(0) == ByteSpan{0, 12});
  CHECK(linted.toSource(3) == 3);
  CHECK(linted.toSource(6) == 9);                               // 三 after the join
  CHECK(linted.toSource(ByteSpan{3, 9}) == ByteSpan{3, 12});    // 二三 covers the line break
  CHECK(linted.toSource(ByteSpan{16, 18}) == ByteSpan{16, 18}); // after the paragraph: its own place
  CHECK(linted.toSource(ByteSpan{6, 6}) == ByteSpan{6, 6});     // an insertion at the join: before the break
}

TEST_CASE("a hard-wrapped compliant report reads as one sentence per paragraph and stays silent", "[extracted][softbreak]") {
  const std::string wrapped = hardWrap(compliant(), 76);
  const Analysis a = analyze(wrapped);
  REQUIRE(a.ok());
  REQUIRE(a.document->linted != nullptr);
  CHECK(findings(a).empty());
  // The period sentence was broken inside the date range, the phone number inside its digits.
  CHECK(wrapped.find("2021年1月1日起至2021年12月31日") == std::string::npos);
  CHECK(a.document->period.has_value());
  CHECK(a.document->period->datesParsed);
  CHECK(a.document->sections.size() == 6);
}

TEST_CASE("the original report and a browser copy are not hard-wrapped: nothing is joined", "[extracted][softbreak]") {
  const Analysis original = analyze(compliant());
  CHECK(original.document->linted == nullptr);
  const Analysis browser = analyze(extracted("compliant-2021.browser.txt"));
  CHECK(browser.document->linted == nullptr);
  CHECK(findings(browser).empty());
}

TEST_CASE("a finding in a joined sentence points at the real line and column", "[extracted][softbreak]") {
  std::string text = compliant();
  replaceOnce(text, "统计期限自2021年1月1日起至2021年12月31日止", "统计期限自2021年1月1日起至2021年11月30日止");
  replaceOnce(text, "本报告根据", "本报告𠀋根据");  // a non-BMP character earlier in the paragraph: one column
  const std::string wrapped = hardWrap(text, 76);
  const Analysis a = analyze(wrapped);
  const std::vector<std::string> all = findings(a, /*withInfo=*/false);
  REQUIRE(all.size() == 1);
  // The date range starts on the wrapped line holding "自2021年1月1日": find it by hand.
  const size_t at = wrapped.find("自2021年1月1日") + std::string("自").size();
  size_t lineNo = 1, lineStart = 0;
  for (size_t k = 0; k < at; ++k) {
    if (wrapped[k] == '\n') ++lineNo, lineStart = k + 1;
  }
  const size_t column = utf8::codePointCount(std::string_view(wrapped).substr(lineStart, at - lineStart)) + 1;
  CHECK(all.front() == std::to_string(lineNo) + ":" + std::to_string(column) + ": error [content/period-invalid]");
  CHECK(lineNo == 4);
  // The wrap did break the sentence inside the date range.
  CHECK(wrapped.find("2021年1月1日起至2021年11月30日") == std::string::npos);
}

TEST_CASE("a heading line is never joined with the text after it", "[extracted][softbreak]") {
  std::string text = compliant();
  // Headings followed straight by their text, no blank line.
  replaceOnce(text, "一、总体情况\n\n", "一、总体情况\n");
  replaceOnce(text, "五、存在的主要问题及改进情况\n\n", "五、存在的主要问题及改进情况\n");
  const Analysis a = analyze(hardWrap(text, 76));
  REQUIRE(a.document->sections.size() == 6);
  CHECK(a.document->textOf(a.document->headings[a.document->sections[0].heading].line) == "一、总体情况");
  CHECK(a.document->textOf(a.document->headings[a.document->sections[4].heading].line) == "五、存在的主要问题及改进情况");
  CHECK(findings(a).empty());
}

TEST_CASE("every rendering of the compliant report binds every row of the three tables", "[extracted][tables]") {
  const std::vector<std::pair<std::string, GridLayout>> renderings = {
      {"layout", GridLayout::SpaceAligned}, {"raw", GridLayout::CellStream}, {"browser", GridLayout::CellLines}};
  for (const auto& [name, layout] : renderings) {
    DYNAMIC_SECTION(name) {
      const Analysis a = analyze(extracted("compliant-2021." + name + ".txt"));
      REQUIRE(a.document->boundTables.size() == 3);
      for (const BoundTable& t : a.document->boundTables) {
        INFO(t.table);
        CHECK(t.layout == layout);
        CHECK(t.boundRows == static_cast<int>(t.rows.size()));
      }
    }
  }
}

TEST_CASE("table 四's two header lines stay headers over its single line of 15 numbers", "[extracted][tables]") {
  const Analysis a = analyze(extracted("compliant-2021.layout.txt"));
  const BoundTable* t4 = a.document->boundTable("t4");
  REQUIRE(t4 != nullptr);
  REQUIRE(t4->rows.size() == 1);
  REQUIRE(t4->rows[0].cells.size() == 15);
  CHECK(a.document->textOf(t4->rows[0].cells[0].span) == "1");
  CHECK(a.document->textOf(t4->rows[0].cells[4].span) == "1");
}

TEST_CASE("a label wrapped over lines above its numbers binds to its template row", "[extracted][tables]") {
  std::string text = extracted("compliant-2021.layout.txt");
  replaceOnce(text,
              "             （二）部分公开\n            （区分处理的，只\n                             1        0    0     0   0    0    1\n"
              "            计这一情形，不计\n              其他情形）\n",
              "            （二）部分公开（区分处理的，只计这一情 形，不\n            计其他情形）\n"
              "                             1        0    0     0   0    0    1\n");
  const Analysis a = analyze(text);
  CHECK(findings(a, /*withInfo=*/false).empty());
  const BoundTable* t3 = a.document->boundTable("t3");
  REQUIRE(t3 != nullptr);
  CHECK(t3->boundRows == 25);
  // Silent twin: the numbers row with its label wrongly summed still reports the arithmetic.
  replaceOnce(text, "                             1        0    0     0   0    0    1\n",
              "                             1        0    0     0   0    0    2\n");
  const Analysis wrong = analyze(text);
  CHECK_FALSE(findings(wrong, /*withInfo=*/false).empty());
}

TEST_CASE("letter-spaced row labels bind to their template rows", "[extracted][tables]") {
  std::string text = compliant();
  replaceOnce(text, "三、本年度办理结果\t", "三 、本 年 度办 理 结果\t");
  replaceOnce(text, "四、结转下年度继续办理\t", "四 、结 转 下 年 度 继 续 办 理\t");
  const Analysis a = analyze(text);
  CHECK(findings(a, /*withInfo=*/false).empty());
  CHECK(a.document->boundTable("t3")->boundRows == 25);
}

TEST_CASE("table captions and table 三's row labels on lines of their own do not restart the outline", "[extracted][structure]") {
  std::string text = compliant();
  replaceOnce(text, "二、主动公开政府信息情况\n\n", "二、主动公开政府信息情况\n\n表二：主动公开政府信息情况\n\n");
  replaceOnce(text, "三、收到和处理政府信息公开申请情况\n\n",
              "三、收到和处理政府信息公开申请情况\n\n表三：收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量\n"
              "二、上年结转政府信息公开申请数量\n三、本年度办理结果\n四、结转下年度继续办理\n\n");
  const Analysis a = analyze(text);
  CHECK(a.document->sections.size() == 6);
  CHECK(findings(a).empty());

  std::string md = readWholeFile(kTests + "/fixtures/reports/compliant/compliant-2021.md");
  replaceOnce(md, "# 二、主动公开政府信息情况\n", "# 二、主动公开政府信息情况\n\n## 表二：主动公开政府信息情况\n");
  replaceOnce(md, "# 三、收到和处理政府信息公开申请情况\n",
              "# 三、收到和处理政府信息公开申请情况\n\n## 表三：收到和处理政府信息公开申请情况\n\n三、本年度办理结果\n\n四、结转下年度继续办理\n");
  const Analysis m = analyzeBytes("report.md", md, DocumentFormat::Markdown, rules());
  CHECK(m.document->sections.size() == 6);
  CHECK(findings(m).empty());
  // Not silenced: a real section title written as a Markdown heading still opens its section.
  CHECK(m.document->section("active") != nullptr);
}

TEST_CASE("a caption does not stand in for a missing section heading", "[extracted][structure]") {
  std::string md = readWholeFile(kTests + "/fixtures/reports/compliant/compliant-2021.md");
  replaceOnce(md, "# 二、主动公开政府信息情况\n", "## 表二：主动公开政府信息情况\n");
  const Analysis m = analyzeBytes("report.md", md, DocumentFormat::Markdown, rules());
  CHECK(m.document->section("active") == nullptr);
  bool missing = false;
  for (const Finding& f : m.findings) missing = missing || f.ruleId == "structure/section-missing";
  CHECK(missing);
}

TEST_CASE("findings on pdftotext output point at the line and column pdftotext wrote", "[extracted][softbreak]") {
  // The statistics period wraps from line 4 to line 5 of the -layout text; the date range starts
  // after "统计期限自 " at column 33 of line 4 (the plain rendering wraps at the same place, one
  // line earlier: it has no blank line after the title).
  const Analysis layout = analyze(extracted("period-invalid-dates.layout.txt"));
  CHECK(findings(layout, /*withInfo=*/false) == std::vector<std::string>{"4:33: error [content/period-invalid]"});
  const Analysis raw = analyze(extracted("period-invalid-dates.raw.txt"));
  CHECK(findings(raw, /*withInfo=*/false) == std::vector<std::string>{"3:33: error [content/period-invalid]"});
}

TEST_CASE("display width counted up to a limit agrees with the whole count below it", "[extracted][softbreak]") {
  for (const std::string& line : std::vector<std::string>{"", "abc", "一、总体情况", "𠀋汉字 123 ，,  。", "“引号”—…①", std::string(150, 'x') + "汉字汉字",
                                 "\xC3\xA9t\xC3\xA9"}) {
    INFO(line);
    const uint32_t whole = displayWidth(line);
    for (uint32_t limit : {0u, 1u, 5u, 12u, 150u, 160u, 1000u}) {
      const uint32_t upTo = displayWidthUpTo(line, limit);
      if (whole <= limit) {
        CHECK(upTo == whole);
      } else {
        CHECK(upTo > limit);
        CHECK(upTo <= whole);
      }
    }
  }
  CHECK(displayWidth("一、总体情况") == 12);
  CHECK(displayWidth("𠀋a") == 3);
}
