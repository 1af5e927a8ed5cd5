// HtmlGuard: refuses, before parsing, pages that would make the HTML5 tree builder slow: block
// elements nested thousands deep (gumbo checks the open-element stack on each block start tag,
// so its time grows with the square of the depth; no real page nests more than ~100), and
// thousands of elements left open that gumbo would search or copy at every later tag.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/read/MarkdownGuard.h"

namespace gklint {

// Deeper than this, a page is refused.
constexpr unsigned kMaxHtmlBlockDepth = 1500;

// A page whose tags would make the tree builder search or copy more than
// kMaxTreeBuilderLoad elements per tag on average (HtmlOpenElements), once that is more than
// kMinTreeBuilderWork in all, is refused: real pages stay under 30 per tag.
constexpr uint64_t kMaxTreeBuilderLoad = 64;
constexpr uint64_t kMinTreeBuilderWork = 4'000'000;

// The first block start tag past kMaxHtmlBlockDepth open blocks (div, section, ul, table,
// blockquote, … counted by a scan of the tags, comments and scripts skipped), or the first tag
// at which the tree builder's work passes its bound, with a sentence that says what to do;
// nothing for any real page. Linear in the page.
struct HtmlTreeBuilderWork {
  uint64_t tags = 0;  // tags scanned
  uint64_t work = 0;  // elements searched or copied at them, as HtmlOpenElements prices it
};
std::optional<MarkdownHazard> findHtmlHazard(std::string_view page, HtmlTreeBuilderWork* measured = nullptr);

}  // namespace gklint
