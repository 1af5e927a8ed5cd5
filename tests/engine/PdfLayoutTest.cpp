// Tests for engine/read/PdfLayout: positioned words (as poppler gives them) to linted text.
// Pages are A4 in points; words are 12 pt unless said; y grows downwards.
#include "engine/read/PdfLayout.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/text/Utf8.h"

using namespace gklint;

namespace {

constexpr double kFont = 12;

// A word at (x, top); its width: 1 em per wide character, 0.5 em per other.
PdfWord word(double x, double top, const std::string& text, double font = kFont) {
  double width = 0;
  size_t pos = 0;
  while (pos < text.size()) width += utf8::next(text, pos) >= 0x2E80 ? font : font / 2;
  return {x, top, x + width, top + font * 1.3, font, text, false};
}

PdfPage page(std::vector<PdfWord> words) { return {595, 842, std::move(words)}; }

// A running header, a body line and a "- N -" footer.
PdfPage furnished(int n, std::vector<PdfWord> body) {
  body.push_back(word(200, 40, "某某县人民政府", 9));
  body.push_back(word(290, 800, "- " + std::to_string(n) + " -", 9));
  return page(std::move(body));
}

std::string text(const std::vector<PdfPage>& pages) { return layoutPdfPages(pages).text; }

}  // namespace

TEST_CASE("PdfLayout drops page numbers in their usual forms", "[pdf][layout]") {
  for (const std::string number : {"- 3 -", "— 4 —", "第3页", "第 3 页 共 10 页", "3/10", "7"}) {
    INFO(number);
    CHECK(text({page({word(71, 100, "一、总体情况"), word(280, 800, number, 9)})}) == "一、总体情况\n");
  }
  // Silent: a number in the body is content, and so is a "3/10" of a body line.
  CHECK(text({page({word(71, 100, "一、总体情况"), word(71, 400, "7"), word(71, 800, "末行")})}) ==
        "一、总体情况\n\n7\n\n末行\n");
}

TEST_CASE("PdfLayout drops running headers but keeps the title they repeat", "[pdf][layout]") {
  const std::vector<PdfPage> pages = {
      furnished(1, {word(150, 70, "某某县人民政府", 16), word(71, 120, "一、总体情况")}),
      furnished(2, {word(71, 120, "二、主动公开政府信息情况")}),
      furnished(3, {word(71, 120, "三、收到和处理政府信息公开申请情况")}),
  };
  CHECK(text(pages) == "某某县人民政府\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n");
  // Silent: on a single page the header line is content (nothing repeats it).
  CHECK(text({page({word(200, 40, "某某县人民政府", 9), word(71, 120, "一、总体情况")})}) == "某某县人民政府\n\n一、总体情况\n");
}

TEST_CASE("PdfLayout drops the 附件 stamp above page 1's title only", "[pdf][layout]") {
  CHECK(text({page({word(71, 60, "附件2"), word(150, 90, "某某县2021年政府信息公开工作年度报告")})}) ==
        "某某县2021年政府信息公开工作年度报告\n");
  CHECK(text({page({word(71, 60, "附件："), word(150, 90, "标题")})}) == "标题\n");
  // Silent: "附件" in running text is content.
  CHECK(text({page({word(71, 60, "标题"), word(71, 90, "附件")})}) == "标题\n\n附件\n");
}

TEST_CASE("PdfLayout joins a paragraph's soft line breaks, across a page too", "[pdf][layout]") {
  // The right edge is the page's widest line; a line that ends 2 em short of it ends its paragraph.
  const std::string full = "全年主动公开政府信息一百二十八条，其中政策文件十二条、财政资金信息三十六";
  CHECK(text({page({word(95, 100, "短行。"), word(71, 120, full), word(71, 140, "条。")})}) == "短行。\n\n" + full + "条。\n");
  CHECK(text({page({word(71, 100, "全年主动公开政府信息一百二十八条"), word(71, 120, full)})}) ==
        "全年主动公开政府信息一百二十八条\n\n" + full + "\n");
  // A heading or numbered item after a full line starts anew, and so does an indented line.
  CHECK(text({page({word(71, 100, full), word(71, 120, "二、主动公开政府信息情况")})}) == full + "\n\n二、主动公开政府信息情况\n");
  CHECK(text({page({word(71, 100, full), word(95, 120, "新的段落。")})}) == full + "\n\n新的段落。\n");
  CHECK(text({page({word(71, 100, full), word(71, 120, "条。")})}) == full + "条。\n");
  // Across a page break (the footer between them is furniture).
  CHECK(text({furnished(1, {word(71, 700, full)}), furnished(2, {word(71, 100, "条。")})}) == full + "条。\n");
}

TEST_CASE("PdfLayout sets table cells apart by their gaps, and Han/Latin autospace is no space", "[pdf][layout]") {
  std::vector<PdfWord> words = {word(74, 100, "规章"), word(197, 100, "0"), word(356, 100, "0"), word(442, 100, "0")};
  CHECK(text({page(words)}) == "规章\t0\t0\t0\n");
  // "2021" 0.2 em before "年": one word; 0.3 em: the drafter typed a space.
  CHECK(text({page({word(71, 100, "2021"), word(71 + 24 + 2.4, 100, "年")})}) == "2021年\n");
  CHECK(text({page({word(71, 100, "2021"), word(71 + 24 + 3.6, 100, "年")})}) == "2021 年\n");
}

TEST_CASE("PdfLayout binds a label wrapping over lines to its row of numbers", "[pdf][layout]") {
  // Padded cells (LibreOffice): lines of one cell are 0.5 pt apart, rows 6 pt.
  const double pitch = 9 * 1.3 + 0.5;
  auto at = [&](double x, double top, const std::string& s) { return word(x, top, s, 9); };
  SECTION("top-aligned: the numbers beside the label's first line") {
    const double r1 = 100, r2 = r1 + 2 * pitch + 6;
    CHECK(text({page({at(74, r1, "一、本年新收政府信"), at(248, r1, "5"), at(336, r1, "1"), at(74, r1 + pitch, "息公开申请数量"),
                      at(74, r2, "二、上年结转政府信"), at(248, r2, "1"), at(336, r2, "0"), at(74, r2 + pitch, "息公开申请数量")})}) ==
          "一、本年新收政府信息公开申请数量\t5\t1\n二、上年结转政府信息公开申请数量\t1\t0\n");
  }
  SECTION("centred: the numbers beside the label's middle line") {
    const double top = 100;
    CHECK(text({page({at(74, top - 20, "信息内容"), at(248, top - 20, "合计"), at(74, top, "（二）部分公开（区"),
                      at(74, top + pitch, "分处理的，只计这一"), at(248, top + pitch, "1"), at(74, top + 2 * pitch, "情形）")})}) ==
          "信息内容\t合计\n（二）部分公开（区分处理的，只计这一情形）\t1\n");
  }
  SECTION("unpadded cells (Word): a numbered item starts a new row even when close") {
    const double top = 100;
    CHECK(text({page({at(74, top, "（一）予以公开"), at(248, top, "3"), at(74, top + pitch, "（二）部分公开（区"),
                      at(74, top + 2 * pitch, "分处理的）"), at(248, top + 2 * pitch, "1")})}) ==
          "（一）予以公开\t3\n（二）部分公开（区分处理的）\t1\n");
  }
  SECTION("silent: a header row above numbers stays its own row") {
    CHECK(text({page({at(74, 100, "信息内容"), at(197, 100, "本年制发件数"), at(74, 100 + pitch, "规章"), at(197, 100 + pitch, "0")})}) ==
          "信息内容\t本年制发件数\n规章\t0\n");
  }
}

TEST_CASE("PdfLayout continues a table over a page break", "[pdf][layout]") {
  auto at = [&](double x, double top, const std::string& s) { return word(x, top, s, 9); };
  const std::string out = text({furnished(1, {at(74, 700, "行政处罚"), at(197, 700, "2")}),
                                furnished(2, {at(74, 80, "行政强制"), at(197, 80, "0"), word(95, 140, "三、收到和处理政府信息公开申请情况")})});
  CHECK(out == "行政处罚\t2\n行政强制\t0\n\n三、收到和处理政府信息公开申请情况\n");
}

TEST_CASE("PdfLayout records page, line and character of every piece", "[pdf][layout]") {
  const PdfText out = layoutPdfPages({furnished(1, {word(71, 100, "一、总体情况")}),
                                      furnished(2, {word(71, 100, "在𠀋坪村设量"), word(200, 100, "12")})});
  REQUIRE(out.text == "一、总体情况\n\n在𠀋坪村设量\t12\n");
  auto place = [&](std::string_view piece) {
    const OriginPlace p = out.origin->placeOf(out.text, static_cast<uint32_t>(out.text.find(piece)));
    return std::to_string(p.page) + ":" + std::to_string(p.line) + ":" + std::to_string(p.character);
  };
  // Line 1 of each page is the running header: the count includes it, as a viewer shows it.
  CHECK(place("总体") == "1:2:2");
  CHECK(place("设量") == "2:2:4");
  CHECK(place("12") == "2:2:7");
}
