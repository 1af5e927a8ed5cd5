// HtmlRegion: a fast scan of a whole page that finds the element holding the report, so that
// gumbo parses only that element (≈ 16 KB) instead of the page with its chrome (≈ 300 KB).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gklint::html {

// The element that holds every line of the page that could be a section heading (kSectionNumerals)
// and the report's title, and what gumbo needs to parse it as the whole page would.
struct ReportRegion {
  size_t begin = 0;        // byte offset of the element's start tag ('<')
  size_t end = 0;          // byte offset just past its end tag ('>')
  size_t prologueEnd = 0;  // page[0, prologueEnd): comments and the <!DOCTYPE>, parsed first so
                           // the region is parsed in the page's quirks mode
  // Its ancestors from <body> to its parent as HtmlText::body writes them ("body > div.main").
  std::string ancestorPath;
  // Elements above it in the page's tree, <html> included (body > div.main > div#zoom: 3).
  int ancestorCount = 0;
};

// The region, when a scan of the tags (comments, raw text, quoted attributes; tree construction
// modelled on gumbo's for the ordinary cases) is sure that gumbo builds the element's subtree
// exactly as in a parse of the whole page, that its ancestors are as written in ancestorPath and
// leave its text as it is (not hidden, chrome, a link or a data table), and that no text outside
// it could be a section heading. Nothing otherwise: a construct the scan does not model (foreign
// content, <template>, foster parenting, misnested formatting, NUL bytes, <keygen> in a <select>,
// …) anywhere in the page, an ancestor gumbo would name or read differently (a vertical tab in its
// tag name; an id, class or style holding a character gumbo replaces with U+FFFD), or no element
// that qualifies. <html>'s own attributes count as an ancestor's (hidden, chrome). Unknown tags
// match one another, as in gumbo 0.10 (</pn> closes <n>). fuzz/html_region.cpp checks all of
// this against the whole-page read. Linear in the page size; allocates only for the elements' list.
std::optional<ReportRegion> findReportRegion(std::string_view page);

}  // namespace gklint::html
