// HeadingParser: recognises the numbering marker at the start of a line (一、 （一） 1. 1、 一是).
#pragma once

#include <optional>
#include <string_view>

#include "engine/model/Document.h"

namespace gklint {

struct ParsedMarker {
  NumberingStyle style = NumberingStyle::None;
  int number = 0;
  ByteSpan marker;      // the marker, including white space inside it
  ByteSpan title;       // after the marker: up to the first 。：； (run-in headings) or the line end
  bool titleIsWholeRest = true;  // no 。 after the title: the line is a heading line on its own
  bool innerSpace = false;
};

// Parses the marker at the start of `line` (a trimmed block content span of `text`).
// Returns nothing when the line does not start with a numbering marker.
std::optional<ParsedMarker> parseMarker(std::string_view text, ByteSpan line);

// Value of a Chinese numeral 一…九十九 (一, 十, 十一, 二十三), or 0 when `s` is not one.
int chineseNumeralValue(std::string_view s);
// The Chinese numeral for 1..99.
std::string chineseNumeral(int value);

}  // namespace gklint
