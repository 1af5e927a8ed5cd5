// Tests for engine/text/Utf8: validation, decoding and counting over CJK and non-BMP text.
#include <catch2/catch.hpp>

#include <string>

#include "engine/text/Utf8.h"

using namespace gklint;

namespace {

// 𠀋 U+2000B: a CJK Extension B ideograph, 4 bytes in UTF-8 and a surrogate pair in UTF-16.
const std::string kNonBmp = "\xF0\xA0\x80\x8B";

}  // namespace

TEST_CASE("validPrefixLength accepts whole valid UTF-8", "[utf8]") {
  CHECK(utf8::validPrefixLength("") == 0);
  CHECK(utf8::validPrefixLength("abc") == 3);
  CHECK(utf8::validPrefixLength("一、总体情况") == 18);
  CHECK(utf8::validPrefixLength("2021年" + kNonBmp + "字") == 4 + 3 + 4 + 3);
  CHECK(utf8::validPrefixLength("\xC2\xA0") == 2);           // U+00A0, smallest 2-byte lead
  CHECK(utf8::validPrefixLength("\xF4\x8F\xBF\xBF") == 4);   // U+10FFFF, the last code point
}

TEST_CASE("validPrefixLength stops at the first invalid sequence", "[utf8]") {
  SECTION("stray continuation byte") { CHECK(utf8::validPrefixLength("报告\x80告") == 6); }
  SECTION("overlong two-byte form") { CHECK(utf8::validPrefixLength("a\xC0\x80") == 1); }
  SECTION("overlong three-byte form") { CHECK(utf8::validPrefixLength("ab\xE0\x80\x80") == 2); }
  SECTION("overlong four-byte form") { CHECK(utf8::validPrefixLength("\xF0\x80\x80\x80") == 0); }
  SECTION("UTF-16 surrogate encoded in UTF-8") { CHECK(utf8::validPrefixLength("年\xED\xA0\x80") == 3); }
  SECTION("past U+10FFFF") { CHECK(utf8::validPrefixLength("\xF4\x90\x80\x80") == 0); }
  SECTION("lead bytes that never start a sequence") {
    CHECK(utf8::validPrefixLength("x\xF5\x80\x80\x80") == 1);
    CHECK(utf8::validPrefixLength("x\xFF") == 1);
  }
  SECTION("three-byte character cut after one and two bytes") {
    CHECK(utf8::validPrefixLength("报告\xE4") == 6);
    CHECK(utf8::validPrefixLength("报告\xE4\xBC") == 6);
  }
  SECTION("four-byte character cut after three bytes") {
    CHECK(utf8::validPrefixLength("年" + kNonBmp.substr(0, 3)) == 3);
  }
  SECTION("lead byte followed by ASCII") { CHECK(utf8::validPrefixLength("年\xE4" "AB") == 3); }
}

TEST_CASE("next decodes code points and advances past them", "[utf8]") {
  const std::string s = "a年" + kNonBmp + "，";
  size_t pos = 0;
  CHECK(utf8::next(s, pos) == U'a');
  CHECK(pos == 1);
  CHECK(utf8::next(s, pos) == U'年');
  CHECK(pos == 4);
  CHECK(utf8::next(s, pos) == char32_t{0x2000B});
  CHECK(pos == 8);
  CHECK(utf8::next(s, pos) == char32_t{0xFF0C});
  CHECK(pos == 11);
}

TEST_CASE("code point and UTF-16 counts differ only for non-BMP characters", "[utf8]") {
  CHECK(utf8::codePointCount("") == 0);
  CHECK(utf8::utf16Length("") == 0);
  CHECK(utf8::codePointCount("2021年") == 5);
  CHECK(utf8::utf16Length("2021年") == 5);
  CHECK(utf8::codePointCount(kNonBmp) == 1);
  CHECK(utf8::utf16Length(kNonBmp) == 2);
  CHECK(utf8::codePointCount("我乡" + kNonBmp + "字") == 4);
  CHECK(utf8::utf16Length("我乡" + kNonBmp + "字") == 5);
}

TEST_CASE("countMultiByteSequences counts non-ASCII characters", "[utf8]") {
  CHECK(utf8::countMultiByteSequences("abc") == 0);
  CHECK(utf8::countMultiByteSequences("2021年度报告") == 4);
  CHECK(utf8::countMultiByteSequences("a" + kNonBmp + "b") == 1);
}

TEST_CASE("append encodes every UTF-8 length", "[utf8]") {
  std::string out;
  utf8::append(out, U'A');
  utf8::append(out, char32_t{0xA0});
  utf8::append(out, U'报');
  utf8::append(out, char32_t{0x2000B});
  CHECK(out == "A\xC2\xA0报" + kNonBmp);
  CHECK(utf8::validPrefixLength(out) == out.size());
}

TEST_CASE("isHan covers BMP and extension ideographs only", "[utf8]") {
  CHECK(utf8::isHan(U'报'));
  CHECK(utf8::isHan(U'〇') == false);  // U+3007 is a number sign, not a unified ideograph
  CHECK(utf8::isHan(char32_t{0x3400}));  // Extension A
  CHECK(utf8::isHan(char32_t{0x2000B}));
  CHECK(utf8::isHan(char32_t{0xF900}));  // compatibility ideograph
  CHECK_FALSE(utf8::isHan(U'a'));
  CHECK_FALSE(utf8::isHan(U'，'));
  CHECK_FALSE(utf8::isHan(U'ア'));
}

TEST_CASE("isSpace recognises the white space found in reports", "[utf8]") {
  CHECK(utf8::isSpace(U' '));
  CHECK(utf8::isSpace(U'\t'));
  CHECK(utf8::isSpace(char32_t{0xA0}));    // NBSP, pasted from web pages
  CHECK(utf8::isSpace(char32_t{0x3000}));  // ideographic space
  CHECK(utf8::isSpace(char32_t{0x2002}));  // en space
  CHECK(utf8::isSpace(char32_t{0xFEFF}));  // stray BOM / zero-width no-break space
  CHECK_FALSE(utf8::isSpace(U'\n'));       // line breaks are structure, not spacing
  CHECK_FALSE(utf8::isSpace(U'、'));
  CHECK_FALSE(utf8::isSpace(U'x'));
}
