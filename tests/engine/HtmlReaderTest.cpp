// HtmlReader: the linted text of a page (blocks, tables into the raw grid, entities, chrome)
// and where each piece of it came from.
#include "engine/read/HtmlReader.h"

#include <catch2/catch.hpp>

#include "engine/read/HtmlCharset.h"
#include "engine/read/HtmlGuard.h"

using namespace gklint;

namespace {

// The page offset the linted character at `lintedOffset` came from.
uint32_t sourceOf(const HtmlText& read, size_t lintedOffset) {
  const OriginPlace place = read.origin->placeOf(read.text, static_cast<uint32_t>(lintedOffset));
  REQUIRE(place.kind == OriginPlace::Kind::SourceOffset);
  return place.offset;
}

const std::string kReport =
    "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>";

}  // namespace

TEST_CASE("CMS soup: unclosed tags, upper case, comments, scripts, no html or body", "[html][reader]") {
  const std::string page =
      "<!-- exported by TRS --><STYLE>P{margin:0}</STYLE>\n"
      "<P><STRONG><FONT face=黑体>一、总体情况</FONT></STRONG>\n"
      "<P style=\"TEXT-INDENT: 2em\"><FONT size=3><SPAN>2021年，</SPAN>全年<!-- x -->主动公开</FONT>\n"
      "<SCRIPT>document.write('<p>二、不是正文</p>')</SCRIPT>\n"
      "<UL><LI>第一项<LI>第二项</UL>\n"
      "<TABLE border=1><TR><TD>信息内容<TD>本年制发件数<TR><TD>规章<TD>0</TABLE>";
  const HtmlText read = readHtml(page);
  CHECK(read.text ==
        "一、总体情况\n2021年，全年主动公开\n第一项\n第二项\n信息内容\t本年制发件数\n规章\t0\n");
  CHECK(read.body == "body");
}

TEST_CASE("block elements and br make lines, white space collapses", "[html][reader]") {
  const HtmlText read = readHtml(
      "<html><body><div>青山县人民政府<br>2021年政府信息公开工作年度报告</div>\n"
      "<h3>  一、\n总体情况 </h3><p>&nbsp;&nbsp;正文&nbsp;有 两&#160;处。</p><p>&nbsp;</p><p>甲&amp;乙&lt;丙&gt;</p>"
      "</body></html>");
  CHECK(read.text == "青山县人民政府\n2021年政府信息公开工作年度报告\n一、 总体情况\n正文 有 两 处。\n甲&乙<丙>\n");
}

TEST_CASE("cell text is all the text inside the cell", "[html][reader][table]") {
  const HtmlText read = readHtml(
      "<table><tr><td><p>本年新收</p>\n<p>申请数量</p></td><td><span>2</span><span>1</span></td>"
      "<td>&nbsp;</td><td>一、<br>本年<b>新收</b></td><td>&#49;&#50;</td><td>\u3000</td></tr>"
      "<tr><td>a b</td><td></td></tr></table>");
  CHECK(read.text == "本年新收申请数量\t21\t\t一、本年新收\t12\t\u3000\na b\t\n");
}

TEST_CASE("rowspan and colspan give the raw grid of a text export", "[html][reader][table]") {
  // A spanned cell appears once, in its first row and column; the positions it covers are blank
  // (as in the seeds' 表三 header: "申请人情况" over seven columns, "法人或其他组织" over five).
  const HtmlText read = readHtml(
      "<table>"
      "<tr><td rowspan=\"3\" colspan=\"2\">（本列数据的勾稽关系为：…）</td><td colspan=\"7\">申请人情况</td></tr>"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>"
      "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
      "<tr><td colspan=\"2\">一、本年新收政府信息公开申请数量</td><td>12</td><td>3</td><td>1</td><td>0</td><td>2</td><td>2</td><td>20</td></tr>"
      "<tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>"
      "<tr><td>（二）部分公开</td><td>2</td></tr>"
      "</table>");
  CHECK(read.text ==
        "（本列数据的勾稽关系为：…）\t\t申请人情况\t\t\t\t\t\t\n"
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
        "一、本年新收政府信息公开申请数量\t\t12\t3\t1\t0\t2\t2\t20\n"
        "三、本年度办理结果\t（一）予以公开\t5\n"
        "\t（二）部分公开\t2\n");
}

TEST_CASE("a layout table is read as blocks, the data table inside it as rows", "[html][reader][table]") {
  const HtmlText read = readHtml(
      "<table width=980><tr><td class=left><a href=/>首页</a></td><td>" + kReport +
      "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>");
  CHECK(read.text == "一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n规章\t0\n");
  CHECK(read.body == "body > table > tbody > tr > td");
}

TEST_CASE("site chrome around and inside the article produces no text", "[html][reader][chrome]") {
  const std::string page =
      "<body><div class=\"main-nav\"><a href=/>首页</a><a href=/zwgk>政务公开</a></div>"
      "<div class=\"breadcrumb\">当前位置：<a href=/>首页</a> &gt; 年报</div>"
      "<div class=\"sidebar\"><a href=/1>青山县2020年政府信息公开工作年度报告</a></div>"
      "<div class=\"main\"><h1>青山县2021年政府信息公开工作年度报告</h1>"
      "<table class=\"xxgk\"><tr><td>索引号：</td><td>123/2022-1</td><td>发布机构：</td><td>县政府办</td></tr></table>"
      "<p>发布时间：2022-01-25 来源：县政府办 浏览次数：12</p><div class=\"fontsize\">字号：大 中 小</div>"
      "<div id=\"zoom\" class=\"article-content\">" + kReport + "</div>"
      "<div class=\"bdsharebuttonbox\">分享到：<a href=#>微信</a></div><p>【打印本页】【关闭窗口】</p></div>"
      "<div class=\"footer\"><p>网站标识码：2311000001 黑ICP备05001234号</p><p>版权所有 © 青山县人民政府</p></div></body>";
  const HtmlText read = readHtml(page);
  CHECK(read.body == "body > div.main");
  CHECK(read.text ==
        "青山县2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n");
}

TEST_CASE("the smallest element holding the sections is the body", "[html][reader][chrome]") {
  const HtmlText read = readHtml("<div class=wrap><div class=nav><a href=/>首页</a></div><div id=zoom class=\"article-content TRS_Editor\">" +
                                 kReport + "</div><p>相关链接</p></div>");
  CHECK(read.body == "body > div.wrap > div#zoom.article-content.TRS_Editor");
  CHECK(read.text.find("相关链接") == std::string::npos);
}

TEST_CASE("each linted character maps to its place in the page", "[html][reader][origin]") {
  const std::string page = "<p>甲&amp;乙&nbsp;\r\n丙𠀋丁</p>\n<table><tr><td>合计</td><td> 21 </td></tr></table>";
  const HtmlText read = readHtml(page);
  REQUIRE(read.text == "甲&乙 丙𠀋丁\n合计\t21\n");
  CHECK(read.origin->originalText() == page);
  CHECK(sourceOf(read, 0) == page.find("甲"));
  CHECK(sourceOf(read, read.text.find("&")) == page.find("&amp;"));  // an entity maps to its reference
  CHECK(sourceOf(read, read.text.find("乙")) == page.find("乙"));
  CHECK(sourceOf(read, read.text.find(" ")) == page.find("&nbsp;"));
  CHECK(sourceOf(read, read.text.find("丙")) == page.find("丙"));
  CHECK(sourceOf(read, read.text.find("丁")) == page.find("丁"));  // after a non-BMP character
  CHECK(sourceOf(read, read.text.find("合计")) == page.find("合计"));
  CHECK(sourceOf(read, read.text.find("\t")) == page.find("<td> 21"));  // the tab: the next cell
  CHECK(sourceOf(read, read.text.find("21")) == page.find("21"));
}

TEST_CASE("a page says its encoding in meta charset or http-equiv", "[html][charset]") {
  CHECK(declaredHtmlCharset("<html><head><meta charset=\"GBK\">") == EncodingChoice::Gb18030);
  CHECK(declaredHtmlCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">") ==
        EncodingChoice::Gb18030);
  CHECK(declaredHtmlCharset("<meta charset=gb18030>") == EncodingChoice::Gb18030);
  CHECK(declaredHtmlCharset("<meta charset='utf-8'>") == EncodingChoice::Utf8);
  CHECK(declaredHtmlCharset("<meta name=\"keywords\" content=\"年报\">") == std::nullopt);
  CHECK(declaredHtmlCharset("<meta charset=\"shift_jis\">") == std::nullopt);
  CHECK(htmlEncodingChoice("<meta charset=\"GBK\">", EncodingChoice::Auto) == EncodingChoice::Gb18030);
  CHECK(htmlEncodingChoice("<meta charset=\"GBK\">", EncodingChoice::Utf8) == EncodingChoice::Utf8);  // forced
  CHECK(htmlEncodingChoice("\xEF\xBB\xBF<meta charset=\"GBK\">", EncodingChoice::Auto) == EncodingChoice::Auto);  // BOM
  CHECK(htmlEncodingChoice("<meta charset=\"utf-8\">", EncodingChoice::Auto) == EncodingChoice::Auto);
}

TEST_CASE("hostile or empty pages read without failing", "[html][reader]") {
  CHECK(readHtml("").text.empty());
  CHECK(readHtml("<table><tr><td rowspan=99999999 colspan=99999999>x</td><td>y</td></tr></table>").text ==
        "x" + std::string(1000, '\t') + "y\n");  // the HTML standard's caps: 1000 columns
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "一、总体情况";
  CHECK(readHtml(deep).text == "一、总体情况\n");
  std::string spans;  // inline elements 200,000 deep: read without recursion past a depth
  for (int i = 0; i < 200000; ++i) spans += i % 1000 == 0 ? "<span>x" : "<span>";
  spans += "<table><tr><td>合计</td><td>21</td></tr></table><p>一、总体情况";
  const HtmlText read = readHtml(spans);
  CHECK(read.text.find(std::string(200, 'x')) == 0);
  CHECK(read.text.find("\n合计\n21\n") != std::string::npos);  // deep inside, a table's cells are lines
  CHECK(read.text.find("\n一、总体情况\n") != std::string::npos);
}

TEST_CASE("pages nesting blocks thousands deep are refused before parsing", "[html][guard]") {
  // gumbo's time grows with the square of the depth (50,000 nested divs: seconds).
  std::string deep = "<html><body>\n<script>var s = '<div><div><div>';</script><!-- <div><div> -->";
  for (unsigned i = 0; i < kMaxHtmlBlockDepth; ++i) deep += "<DIV class=a>";
  CHECK_FALSE(findHtmlHazard(deep + "<p>一、总体情况</p>"));
  const size_t at = deep.size();
  deep += "<section>";
  const auto hazard = findHtmlHazard(deep);
  REQUIRE(hazard);
  CHECK(hazard->offset == at);
  CHECK(hazard->line == 2);
  CHECK(hazard->message ==
        "the page nests block elements more than 1500 deep (<section> at line 2); no report page does: is this "
        "really a report? Save the article as .txt and check that");
  // Closed blocks do not add up, nor do paragraphs and cells, which close their siblings.
  std::string wide;
  for (int i = 0; i < 5000; ++i) wide += "<div><p>段落<table><tr><td>1<td>2</table></div><li>x";
  CHECK_FALSE(findHtmlHazard(wide));
}
