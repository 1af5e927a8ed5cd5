// HtmlBody: which part of a parsed page is the report — the element holding its title and
// numbered sections — and which of its lines are site chrome (来源/时间 lines, share and print
// buttons, breadcrumbs, footers with 网站标识码/ICP), left out of the linted text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gklint::html {

// A piece of linted text and the page offset it came from; `verbatim` as in OriginMap::add.
struct Anchor {
  uint32_t linted = 0;  // offset into the line
  uint32_t source = 0;  // offset into the page
  bool verbatim = true;
};

// One line of the page's text, before the body is chosen.
struct Line {
  std::string text;             // no line terminator; empty only for an empty table row
  std::vector<Anchor> anchors;  // ascending `linted`, the first at 0
  bool tableRow = false;        // a row of a data table (cells joined by tabs)
  bool inChrome = false;        // inside an element whose tag/class/id names site chrome
  uint32_t linkBytes = 0;       // bytes of `text` inside <a>
};

// An element that may be the report body, and the lines it holds: [firstLine, endLine).
struct Container {
  uint32_t firstLine = 0;
  uint32_t endLine = 0;
};

// A top-level section heading is a short line that starts (after white space) with one of these
// numerals and then, after optional white space, one of these marks: "一、总体情况", "二．…".
// Shared with the pre-scan (HtmlRegion), which must find every line that could be one.
inline constexpr std::array<std::string_view, 6> kSectionNumerals = {"一", "二", "三", "四", "五", "六"};
inline constexpr std::array<std::string_view, 5> kSectionMarks = {"、", "，", ",", "．", "."};

// The chosen body and what it holds: its distinct section headings (0–6) and whether it holds
// the report's title line.
struct BodyChoice {
  size_t container = 0;
  int sections = 0;
  bool title = false;
};

// The container with the most distinct top-level section headings (一、 to 六、), then with the
// report's title line, then the smallest (of equal ones, the innermost); lines marked in `chrome` (isChromeLine) do not count.
// `container` indexes `containers` (never empty: the walker records <body> first); it is 0 when
// no container holds a section heading.
BodyChoice chooseBody(const std::vector<Line>& lines, const std::vector<bool>& chrome,
                      const std::vector<Container>& containers);

// A line that belongs to the site, not the report: a 来源/时间/浏览次数/字号 line, print/close
// buttons, a footer line (网站标识码, ICP备, 版权所有), a short line that is mostly a link, or
// a line inside a chrome element (nav, footer, share bar) that is not a section heading.
bool isChromeLine(const Line& line);

// Class or id tokens that name site chrome ("nav", "share", "breadcrumb", "footer", …), split
// at '-', '_' and spaces: "main-nav" is chrome, "article-content" is not.
bool namesChrome(const std::string& classOrId);

// Appends an element's CSS-like selector parts for the body path: "#id" then ".class" for each
// class token (split at HTML white space).
void appendIdAndClasses(std::string& out, std::string_view id, std::string_view classes);

}  // namespace gklint::html
