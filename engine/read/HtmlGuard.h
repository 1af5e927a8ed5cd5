// HtmlGuard: refuses, before parsing, pages that would make the HTML5 tree builder slow: block
// elements nested thousands deep (gumbo checks the open-element stack on each block start tag,
// so its time grows with the square of the depth; no real page nests more than ~100).
#pragma once

#include <optional>

#include "engine/read/MarkdownGuard.h"

namespace gklint {

// Deeper than this, a page is refused.
constexpr unsigned kMaxHtmlBlockDepth = 1500;

// The first block start tag past kMaxHtmlBlockDepth open blocks (div, section, ul, table,
// blockquote, … counted by a scan of the tags, comments and scripts skipped), with a sentence
// that says what to do; nothing for any real page. Linear, no allocation.
std::optional<MarkdownHazard> findHtmlHazard(std::string_view page);

}  // namespace gklint
