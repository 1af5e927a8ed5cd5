// Tests for engine/text/Trim: trimming ASCII and CJK white space over byte spans.
#include <catch2/catch.hpp>

#include <string>

#include "engine/text/Trim.h"

using namespace gklint;

namespace {

ByteSpan whole(const std::string& s) { return {0, static_cast<uint32_t>(s.size())}; }

}  // namespace

TEST_CASE("trimSpan strips ideographic spaces, NBSP, tabs and CR on both sides", "[trim]") {
  // "\u3000 报告\t\u00A0\r": U+3000 (3 bytes), space, 报告 (6 bytes), tab, NBSP (2 bytes), CR.
  const std::string text = "\xE3\x80\x80 报告\t\xC2\xA0\r";
  const ByteSpan trimmed = trimSpan(text, whole(text));
  CHECK(trimmed == ByteSpan{4, 10});
  CHECK(trimmed.in(text) == "报告");
  CHECK(trimLeft(text, whole(text)) == ByteSpan{4, static_cast<uint32_t>(text.size())});
}

TEST_CASE("trimSpan keeps a span that has no outer white space", "[trim]") {
  const std::string text = "（一）主动公开情况";
  CHECK(trimSpan(text, whole(text)) == whole(text));
}

TEST_CASE("trimSpan does not treat the tail of a CJK character as white space", "[trim]") {
  // 〠 U+3020 ends in 0xA0 like NBSP's second byte; it must not be trimmed.
  const std::string text = "报\xE3\x80\xA0";
  CHECK(trimSpan(text, whole(text)) == whole(text));
}

TEST_CASE("isBlank is true only for white space", "[trim]") {
  const std::string blank = " \xE3\x80\x80\t\r";
  CHECK(isBlank(blank, whole(blank)));
  CHECK(isBlank("", {0, 0}));
  const std::string text = "  无 ";
  CHECK_FALSE(isBlank(text, whole(text)));
}

TEST_CASE("removeSpaces removes every white-space character", "[trim]") {
  CHECK(removeSpaces("2021 年\xE3\x80\x80政府信息\xC2\xA0公开") == "2021年政府信息公开");
  CHECK(removeSpaces("") == "");
  CHECK(removeSpaces("\xF0\xA0\x80\x8B \xF0\xA0\x80\x8B") == "\xF0\xA0\x80\x8B\xF0\xA0\x80\x8B");
}
