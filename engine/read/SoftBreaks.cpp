#include "engine/read/SoftBreaks.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "engine/read/LayoutTables.h"
#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

// Lines shorter than this say nothing about the page width.
constexpr uint32_t kMinMeasuredWidth = 20;
// A full line reaches this share of the page width (unbreakable numbers and URLs, and
// punctuation kept off the line start, make lines end early).
constexpr double kFullLineShare = 0.8;
// Lines that must run on at the page width before the text counts as hard-wrapped.
constexpr size_t kMinWrappedLines = 2;
// No page is wider than this (a paragraph-per-line text has far longer lines).
constexpr uint32_t kMaxPageWidth = 200;

bool isWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000 || cp == U'“' || cp == U'”' || cp == U'‘' ||
         cp == U'’' || cp == U'—' || cp == U'…';
}

char32_t lastCodePoint(std::string_view s) {
  size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  size_t pos = start - 1;
  return utf8::next(s, pos);
}

bool endsSentence(std::string_view line) {
  switch (lastCodePoint(line)) {
    case U'。': case U'！': case U'？': case U'；': case U'：': case U'…':
    case U'!': case U'?': case U';': case U':':
      return true;
    default:
      return false;
  }
}

bool hasInnerSpaceRun(std::string_view line, size_t run) {
  return line.find(std::string(run, ' ')) != std::string_view::npos;
}

}  // namespace

uint32_t displayWidthUpTo(std::string_view s, uint32_t limit) {
  uint32_t width = 0;
  size_t pos = 0;
  while (pos < s.size() && width <= limit) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80) {  // ASCII: narrow
      ++width;
      ++pos;
    } else if (lead >= 0xE0 && lead < 0xF0 && pos + 2 < s.size()) {  // three bytes: most of CJK
      const char32_t cp = (static_cast<char32_t>(lead & 0x0F) << 12) |
                          (static_cast<char32_t>(static_cast<unsigned char>(s[pos + 1]) & 0x3F) << 6) |
                          (static_cast<unsigned char>(s[pos + 2]) & 0x3F);
      width += isWide(cp) ? 2 : 1;
      pos += 3;
    } else {
      width += isWide(utf8::next(s, pos)) ? 2 : 1;
    }
  }
  return width;
}

uint32_t displayWidth(std::string_view s) { return displayWidthUpTo(s, UINT32_MAX); }

bool startsNumberedItem(std::string_view line) {
  static const RE2 marker(
      R"(^(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、，．.]|[一二三四五六七八九十]是|\d{1,2}\s*[、．]|\d{1,2}\.(?:[^\d]|$)|表\s*[一二三四五六七八九十1-9])|^#)");
  return RE2::PartialMatch(line, marker);
}

ExtractionProfile profileExtraction(std::string_view text, const LineIndex& lines) {
  ExtractionProfile profile;
  const size_t count = lines.lineCount();
  std::vector<uint32_t> widths(count, 0);
  std::vector<uint32_t> measured;
  size_t alignedRows = 0;
  for (size_t i = 0; i < count; ++i) {
    const std::string_view line = trimSpan(text, {lines.lineStart(i), lines.lineEnd(i)}).in(text);
    if (line.empty() || line.find('\t') != std::string_view::npos) continue;
    if (isSpaceAlignedRow(line)) ++alignedRows;
    if (hasInnerSpaceRun(line, 3)) continue;
    // Past the widest page and its tolerance the exact width decides nothing below.
    widths[i] = displayWidthUpTo(line, kMaxPageWidth + kMaxPageWidth / 10);
    if (widths[i] >= kMinMeasuredWidth) measured.push_back(widths[i]);
  }
  profile.spaceAligned = alignedRows >= 3;
  if (measured.size() < 3) return profile;
  std::sort(measured.begin(), measured.end(), std::greater<>());
  const uint32_t width = measured[measured.size() / 10];
  if (width > kMaxPageWidth) return profile;
  size_t wrapped = 0;
  for (size_t i = 0; i + 1 < count; ++i) {
    if (widths[i] < kFullLineShare * width || widths[i] > width + width / 10) continue;
    const std::string_view line = trimSpan(text, {lines.lineStart(i), lines.lineEnd(i)}).in(text);
    const std::string_view next = trimSpan(text, {lines.lineStart(i + 1), lines.lineEnd(i + 1)}).in(text);
    if (!next.empty() && !endsSentence(line) && !startsNumberedItem(next)) ++wrapped;
  }
  profile.hardWrapped = wrapped >= kMinWrappedLines;
  profile.wrapWidth = width;
  return profile;
}

bool continuesInto(const ExtractionProfile& profile, std::string_view line, std::string_view next) {
  if (!profile.hardWrapped || next.empty() || endsSentence(line)) return false;
  if (displayWidth(line) < kFullLineShare * profile.wrapWidth) return false;
  if (next.find('\t') != std::string_view::npos || startsNumberedItem(next)) return false;
  if (isSpaceAlignedRow(next) || isNumberRow(next)) return false;
  return true;
}

}  // namespace gklint
