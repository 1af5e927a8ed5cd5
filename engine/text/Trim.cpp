#include "engine/text/Trim.h"

#include <string>


namespace gklint {
namespace {

// Byte length of the white-space character starting at `pos`, or 0: ' ', \t, \r, \f, \v and
// the characters utf8::isSpace names, matched on their UTF-8 bytes (U+00A0 C2 A0;
// U+2000–U+200B E2 80 80–8B; U+202F E2 80 AF; U+205F E2 81 9F; U+3000 E3 80 80; U+FEFF EF BB BF).
size_t spaceAt(std::string_view text, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t left = text.size() - pos;
  switch (p[0]) {
    case ' ': case '\t': case '\r': case '\f': case '\v': return 1;
    case 0xC2: return left >= 2 && p[1] == 0xA0 ? 2 : 0;
    case 0xE2:
      if (left < 3) return 0;
      if (p[1] == 0x80) return (p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xAF ? 3 : 0;
      return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
    case 0xE3: return left >= 3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    case 0xEF: return left >= 3 && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0;
    default: return 0;
  }
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
  size_t pos = 0;
  size_t n = 0;
  while (pos < s.size() && (n = spaceAt(s, pos)) == 0) ++pos;
  if (pos == s.size()) return std::string(s);  // the common case: nothing to remove
  std::string out;
  out.reserve(s.size());
  out.append(s.substr(0, pos));
  pos += n;
  size_t run = pos;  // start of the bytes kept as they are
  while (pos < s.size()) {
    n = spaceAt(s, pos);
    if (n == 0) {
      ++pos;
      continue;
    }
    out.append(s.substr(run, pos - run));
    pos += n;
    run = pos;
  }
  out.append(s.substr(run));
  return out;
}

}  // namespace gklint
