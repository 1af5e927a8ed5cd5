// Trim: white-space trimming over byte spans (ASCII blanks, tab, NBSP, U+3000 and friends).
#pragma once

#include <string_view>

#include "engine/model/ByteSpan.h"

namespace gklint {

// `span` without leading and trailing white space (see utf8::isSpace) and '\r'.
ByteSpan trimSpan(std::string_view text, ByteSpan span);
ByteSpan trimLeft(std::string_view text, ByteSpan span);
bool isBlank(std::string_view text, ByteSpan span);
// `s` with every white-space character removed.
std::string removeSpaces(std::string_view s);

}  // namespace gklint
