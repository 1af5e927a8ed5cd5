// HtmlReader: reads a published HTML report page into the linted text a careful "save as .txt"
// of its article would give, with where each piece came from in the page.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/text/Origin.h"

namespace gklint {

struct HtmlText {
  // One line per block paragraph (p, div, li, h1–h6; br splits lines); a data table as one line
  // per row with tab-separated cells in the raw grid (a spanned cell once, in its first row and
  // column; the positions it covers blank). Lines end in '\n'; no line is blank.
  std::string text;
  // Linted byte → byte offset into the page (OriginPlace::Kind::SourceOffset); the page's decoded
  // text is the map's originalText().
  std::shared_ptr<const OriginMap> origin;
  // The element taken as the report body, as a CSS-like path from <body>
  // ("body > div.main > div#zoom.article-content").
  std::string body;
  // Whether gumbo parsed only the element holding the report (HtmlRegion) rather than the page.
  bool regionOnly = false;
};

// Parses `html` (decoded UTF-8) with gumbo's HTML5 tree builder, finds the element that holds
// the report (title and numbered sections; site chrome — navigation, breadcrumbs, share
// buttons, 来源/时间 lines, sidebars, footers — left out) and builds its linted text. Never
// fails: a page without a recognisable report gives the text of its <body> minus chrome.
// Linear in the page size. A pre-scan (html::findReportRegion) finds the report's element first
// where it can, and gumbo parses only that element; the result is the same as
// readHtmlWholePage's, only faster (the chrome of a portal page is most of its bytes).
HtmlText readHtml(std::string html);

// readHtml without the pre-scan: gumbo parses the whole page. The reference the region reading
// is tested (and fuzzed) against.
HtmlText readHtmlWholePage(std::string html);

}  // namespace gklint
