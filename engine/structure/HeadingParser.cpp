#include "engine/structure/HeadingParser.h"

#include <array>
#include <string>

#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

constexpr std::array<std::string_view, 10> kDigits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

int digitValue(char32_t cp) {
  switch (cp) {
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return 0;
  }
}

class Cursor {
 public:
  Cursor(std::string_view text, ByteSpan span) : text_(text), pos_(span.begin), end_(span.end) {}
  bool atEnd() const { return pos_ >= end_; }
  uint32_t pos() const { return pos_; }
  char32_t peek() const {
    if (atEnd()) return 0;
    size_t p = pos_;
    return utf8::next(text_, p);
  }
  void advance() {
    size_t p = pos_;
    utf8::next(text_, p);
    pos_ = static_cast<uint32_t>(p);
  }
  bool skipSpaces() {
    bool any = false;
    while (!atEnd() && utf8::isSpace(peek())) {
      advance();
      any = true;
    }
    return any;
  }
  // Consumes up to `max` Chinese numeral characters; returns their span.
  ByteSpan takeChineseNumeral(int max) {
    uint32_t start = pos_;
    for (int k = 0; k < max && !atEnd() && digitValue(peek()) > 0; ++k) advance();
    return {start, pos_};
  }
  ByteSpan takeArabic(int max) {
    uint32_t start = pos_;
    for (int k = 0; k < max && !atEnd() && peek() >= '0' && peek() <= '9'; ++k) advance();
    return {start, pos_};
  }

 private:
  std::string_view text_;
  uint32_t pos_;
  uint32_t end_;
};

// Fills title and titleIsWholeRest from `from` to the end of `line`.
void setTitle(std::string_view text, ByteSpan line, uint32_t from, ParsedMarker& m) {
  ByteSpan rest = trimLeft(text, {from, line.end});
  std::string_view s = rest.in(text);
  size_t cut = std::string_view::npos;
  for (std::string_view stop : {"。", "：", "；"}) {
    size_t at = s.find(stop);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at < cut)) cut = at;
  }
  if (cut == std::string_view::npos) {
    m.title = trimSpan(text, rest);
    m.titleIsWholeRest = true;
  } else {
    m.title = trimSpan(text, {rest.begin, rest.begin + static_cast<uint32_t>(cut)});
    // "一、总体情况。" still stands alone: only text after the stop makes it run-in.
    m.titleIsWholeRest = trimSpan(text, {rest.begin + static_cast<uint32_t>(cut) + 3, rest.end}).empty();
  }
}

}  // namespace

int chineseNumeralValue(std::string_view s) {
  std::vector<int> values;
  size_t pos = 0;
  while (pos < s.size()) {
    int v = digitValue(utf8::next(s, pos));
    if (v == 0) return 0;
    values.push_back(v);
  }
  if (values.size() == 1) return values[0];
  if (values.size() == 2) {
    if (values[0] == 10 && values[1] < 10) return 10 + values[1];
    if (values[0] < 10 && values[1] == 10) return values[0] * 10;
    return 0;
  }
  if (values.size() == 3 && values[0] < 10 && values[1] == 10 && values[2] < 10) return values[0] * 10 + values[2];
  return 0;
}

std::string chineseNumeral(int value) {
  if (value <= 0 || value > 99) return std::to_string(value);
  if (value < 10) return std::string(kDigits[static_cast<size_t>(value)]);
  std::string out;
  if (value >= 20) out += kDigits[static_cast<size_t>(value / 10)];
  out += "十";
  if (value % 10) out += kDigits[static_cast<size_t>(value % 10)];
  return out;
}

std::optional<ParsedMarker> parseMarker(std::string_view text, ByteSpan line) {
  Cursor c(text, line);
  ParsedMarker m;
  const uint32_t start = c.pos();
  const char32_t first = c.peek();

  if (first == U'（' || first == U'(') {
    const bool fullOpen = first == U'（';
    c.advance();
    bool inner = c.skipSpaces();
    ByteSpan numeral = c.takeChineseNumeral(3);
    if (numeral.empty()) return std::nullopt;
    inner = c.skipSpaces() || inner;
    const char32_t close = c.peek();
    if (close != U'）' && close != U')') return std::nullopt;
    c.advance();
    const bool fullClose = close == U'）';
    m.style = fullOpen && fullClose ? NumberingStyle::FullBrackets
              : !fullOpen && !fullClose ? NumberingStyle::HalfBrackets
                                        : NumberingStyle::MixedBrackets;
    m.number = chineseNumeralValue(numeral.in(text));
    if (m.number == 0) return std::nullopt;
    m.innerSpace = inner;
    m.marker = {start, c.pos()};
    setTitle(text, line, c.pos(), m);
    return m;
  }

  ByteSpan numeral = c.takeChineseNumeral(3);
  if (!numeral.empty()) {
    m.number = chineseNumeralValue(numeral.in(text));
    if (m.number == 0) return std::nullopt;
    const bool spaced = c.skipSpaces();
    const char32_t punct = c.peek();
    if (punct == U'是' && !spaced) {
      c.advance();
      m.style = NumberingStyle::ChineseIs;
    } else if (punct == U'、' || punct == U'．' || punct == U'.' || punct == U'，') {
      c.advance();
      m.style = NumberingStyle::ChineseComma;
      m.innerSpace = spaced;
    } else {
      return std::nullopt;
    }
    m.marker = {start, c.pos()};
    setTitle(text, line, c.pos(), m);
    return m;
  }

  ByteSpan digits = c.takeArabic(2);
  if (!digits.empty()) {
    m.number = std::stoi(std::string(digits.in(text)));
    const bool spaced = c.skipSpaces();
    const char32_t punct = c.peek();
    if (punct == U'、') {
      m.style = NumberingStyle::ArabicComma;
    } else if (punct == U'.' || punct == U'．') {
      m.style = NumberingStyle::ArabicDot;
    } else {
      return std::nullopt;
    }
    c.advance();
    // "1.5" or "2021.12" is a number, not a marker.
    if (punct == U'.' && c.peek() >= '0' && c.peek() <= '9') return std::nullopt;
    m.innerSpace = spaced;
    m.marker = {start, c.pos()};
    setTitle(text, line, c.pos(), m);
    return m;
  }
  return std::nullopt;
}

}  // namespace gklint
