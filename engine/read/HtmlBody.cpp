#include "engine/read/HtmlBody.h"

#include <re2/re2.h>

#include <array>
#include <string_view>

#include "engine/text/Utf8.h"

namespace gklint::html {
namespace {

// "^\s*(一|二|…|六)\s*(?:、|，|…)\s*\S", from kSectionNumerals and kSectionMarks.
std::string sectionPattern() {
  std::string numerals, marks;
  for (std::string_view n : kSectionNumerals) numerals.append(numerals.empty() ? "" : "|").append(n);
  for (std::string_view m : kSectionMarks) marks.append(marks.empty() ? "" : "|").append(RE2::QuoteMeta(m));
  return R"(^\s*()" + numerals + R"()\s*(?:)" + marks + R"()\s*\S)";
}

// "一、总体情况", "二．主动公开…", "三 、收到…": the six top-level sections' numbering.
int sectionNumber(const Line& line) {
  static const RE2 re(sectionPattern());
  if (line.tableRow) return 0;
  if (utf8::codePointCount(line.text) > 40) return 0;
  std::string numeral;
  if (!RE2::PartialMatch(line.text, re, &numeral)) return 0;
  for (size_t i = 0; i < kSectionNumerals.size(); ++i) {
    if (numeral == kSectionNumerals[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool isTitleLine(const Line& line) {
  if (line.tableRow) return false;
  const std::string_view s = line.text;
  // "青山县石河乡人民政府2021年政府信息公开工作年度报告": a name, not a sentence.
  return utf8::codePointCount(s) <= 60 && s.find("政府信息公开") != std::string_view::npos &&
         (s.find("年度报告") != std::string_view::npos || s.find("年报") != std::string_view::npos) &&
         s.find("。") == std::string_view::npos && s.find("，") == std::string_view::npos;
}

}  // namespace

void appendIdAndClasses(std::string& out, std::string_view id, std::string_view classes) {
  auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  if (!id.empty()) out.append("#").append(id);
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && isSpace(classes[i])) ++i;
    size_t j = i;
    while (j < classes.size() && !isSpace(classes[j])) ++j;
    if (j > i) out.append(".").append(classes.substr(i, j - i));
    i = j;
  }
}

bool namesChrome(const std::string& classOrId) {
  static const std::array<std::string_view, 34> kTokens = {
      "nav",      "navbar",     "menu",    "sidebar", "side",     "footer",  "foot",     "share",   "bdshare",
      "bdsharebuttonbox", "toolbar", "tools", "print",  "fontsize", "zihao",   "breadcrumb", "breadcrumbs",
      "crumb",    "crumbs",     "location", "dqwz",   "weizhi",   "position", "pagination", "pager",  "related",
      "xgwz",     "copyright",  "comment", "comments", "qrcode",  "ewm",      "banner",  "topbar"};
  size_t start = 0;
  for (size_t i = 0; i <= classOrId.size(); ++i) {
    const bool cut = i == classOrId.size() || classOrId[i] == ' ' || classOrId[i] == '-' || classOrId[i] == '_' ||
                     classOrId[i] == '\t';
    if (!cut) continue;
    if (i > start) {
      std::string token = classOrId.substr(start, i - start);
      for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (std::string_view t : kTokens) {
        if (token == t) return true;
      }
    }
    start = i + 1;
  }
  return false;
}

bool isChromeLine(const Line& line) {
  if (line.tableRow) return false;
  if (line.inChrome && sectionNumber(line) == 0) return true;
  const size_t length = utf8::codePointCount(line.text);
  if (length > 160) return false;
  // Article metadata and navigation: "发布时间：2022-01-20 来源：县政府办 浏览次数：35".
  static const RE2 meta(
      R"(^\s*[【\[(（]?\s*(?:发布时间|发布日期|更新时间|时间|日期|发布机构|信息来源|来源|作者|浏览次数|阅读次数|浏览量|阅读量|点击数|点击量|点击率|访问次数|字号|字体|分享到|分享|索引号|发文机关|主题分类|成文日期|文号|当前位置|您的位置|您现在的位置|您当前的位置|所在位置|责任编辑|编辑|审核|上一篇|下一篇|扫一扫)\s*[:：])");
  if (RE2::PartialMatch(line.text, meta)) return true;
  // A line of buttons: "【打印本页】【关闭窗口】", "[打印] [关闭] [返回顶部]", "字号：大 中 小".
  static const RE2 buttons(
      R"(^(?:\s*[【\[]?\s*(?:打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|返回顶部|返回|收藏|分享|字号|大|中|小|默认|加入收藏|保存|纠错|我要纠错)\s*[】\]]?\s*[|｜]?)+$)");
  if (RE2::FullMatch(line.text, buttons)) return true;
  // A footer line.
  static const RE2 footer(R"(网站标识码|ICP备|ICP证|公网安备|版权所有|主办单位[:：]|承办单位[:：]|技术支持[:：]|网站地图|Copyright|©)");
  if (RE2::PartialMatch(line.text, footer)) return true;
  // A short line that is mostly a link: a menu entry, "相关文章" items, a breadcrumb.
  if (length <= 100 && line.linkBytes * 2 >= line.text.size()) return true;
  return false;
}

BodyChoice chooseBody(const std::vector<Line>& lines, const std::vector<bool>& chrome,
                      const std::vector<Container>& containers) {
  // Prefix counts over the lines: headings per section number and title lines.
  const size_t n = lines.size();
  std::vector<std::array<uint32_t, 7>> headings(n + 1);
  std::vector<uint32_t> titles(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    headings[i + 1] = headings[i];
    titles[i + 1] = titles[i];
    if (chrome[i]) continue;
    if (const int section = sectionNumber(lines[i])) ++headings[i + 1][static_cast<size_t>(section)];
    if (isTitleLine(lines[i])) ++titles[i + 1];
  }
  size_t best = 0;
  int bestScore = -1;
  uint32_t bestSize = 0;
  int bestSections = 0;
  for (size_t c = 0; c < containers.size(); ++c) {
    const Container& box = containers[c];
    int sections = 0;
    for (size_t s = 1; s <= 6; ++s) sections += headings[box.endLine][s] > headings[box.firstLine][s] ? 1 : 0;
    const int title = titles[box.endLine] > titles[box.firstLine] ? 1 : 0;
    const int score = sections * 2 + title;
    const uint32_t size = box.endLine - box.firstLine;
    if (score > bestScore || (score == bestScore && size <= bestSize)) {  // equal: the inner one
      best = c;
      bestScore = score;
      bestSize = size;
      bestSections = sections;
    }
  }
  // Without a single section heading nothing marks the article: read the whole <body>.
  if (bestScore < 2) return {};
  return {best, bestSections, bestScore % 2 == 1};
}

}  // namespace gklint::html
