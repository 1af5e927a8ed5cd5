#include "engine/text/Trim.h"

#include <string>

#include "engine/text/Utf8.h"

namespace gklint {
namespace {

// Byte length of the white-space character starting at `pos`, or 0.
size_t spaceAt(std::string_view text, size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x80) return 0;
  size_t next = pos;
  char32_t cp = utf8::next(text, next);
  return utf8::isSpace(cp) ? next - pos : 0;
}

// Byte length of the white-space character ending at `end`, or 0.
size_t spaceBefore(std::string_view text, size_t begin, size_t end) {
  size_t start = end - 1;
  while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return spaceAt(text, start) == end - start ? end - start : 0;
}

}  // namespace

ByteSpan trimLeft(std::string_view text, ByteSpan span) {
  size_t b = span.begin;
  while (b < span.end) {
    size_t n = spaceAt(text, b);
    if (n == 0) break;
    b += n;
  }
  return {static_cast<uint32_t>(b), span.end};
}

ByteSpan trimSpan(std::string_view text, ByteSpan span) {
  ByteSpan s = trimLeft(text, span);
  size_t e = s.end;
  while (e > s.begin) {
    size_t n = spaceBefore(text, s.begin, e);
    if (n == 0) break;
    e -= n;
  }
  return {s.begin, static_cast<uint32_t>(e)};
}

bool isBlank(std::string_view text, ByteSpan span) { return trimSpan(text, span).empty(); }

std::string removeSpaces(std::string_view s) {
  // Fast path: no byte that can start a white-space character (ASCII blanks; C2 for U+00A0,
  // E2 for U+2000–U+206F, E3 for U+3000, EF for U+FEFF).
  bool maybeSpace = false;
  for (unsigned char c : s) {
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) {
      maybeSpace = true;
      break;
    }
  }
  if (!maybeSpace) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t n = spaceAt(s, pos);
    if (n > 0) {
      pos += n;
      continue;
    }
    size_t start = pos;
    utf8::next(s, pos);
    out.append(s.substr(start, pos - start));
  }
  return out;
}

}  // namespace gklint
