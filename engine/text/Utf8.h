// Utf8: small, allocation-free helpers over UTF-8 byte strings.
#pragma once

#include <cstddef>
#include <string_view>

namespace gklint::utf8 {

// Returns the length of the longest valid UTF-8 prefix of `bytes` (== bytes.size() when
// the whole input is valid). Overlong forms, surrogates and code points past U+10FFFF
// are invalid.
size_t validPrefixLength(std::string_view bytes);

// Number of multi-byte (non-ASCII) sequences in a valid UTF-8 string.
size_t countMultiByteSequences(std::string_view validUtf8);

// Decodes the code point starting at byte `pos` of valid UTF-8 and advances `pos` past it.
char32_t next(std::string_view validUtf8, size_t& pos);

// Code point count and UTF-16 code unit count of valid UTF-8.
size_t codePointCount(std::string_view validUtf8);
size_t utf16Length(std::string_view validUtf8);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// CJK unified ideographs (BMP blocks and extensions B–H) and compatibility ideographs.
bool isHan(char32_t cp);
// Unicode white space, including U+00A0, U+3000 and the U+2000 block.
bool isSpace(char32_t cp);

}  // namespace gklint::utf8
