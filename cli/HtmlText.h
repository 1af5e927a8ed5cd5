// HtmlText: text made safe for the HTML summary's character data and quoted attributes.
#pragma once

#include <string>
#include <string_view>

namespace gklint::cli {

// & < > " ' escaped. Invalid UTF-8 (a file name in a legacy encoding) and control characters
// other than tab and line ends become U+FFFD, so the page is valid UTF-8 whatever the input.
std::string htmlEscape(std::string_view text);

}  // namespace gklint::cli
