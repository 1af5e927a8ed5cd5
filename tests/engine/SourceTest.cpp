// Tests for engine/text/Source: byte offsets <-> (line, column) in bytes, code points and
// UTF-16 units, with CJK text and the non-BMP ideograph 𠀋 (U+2000B).
#include <catch2/catch.hpp>

#include <string>

#include "engine/text/Source.h"

using namespace gklint;

namespace Catch {
template <>
struct StringMaker<Position> {
  static std::string convert(const Position& p) {
    return "{line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + "}";
  }
};
}  // namespace Catch

namespace {

// Line 0: "一、总体情况"            bytes [0, 18), "\n" at 18
// Line 1: "2021年，𠀋字报告。"      bytes [19, 45), "\r\n" at 45–46
//          2 0 2 1 年 ， 𠀋 字 报 告 。
//   byte   19 … 22 23 26 29 33 36 39 42
// Line 2: "第三行"                 bytes [47, 56), no trailing newline
const std::string kText = "一、总体情况\n2021年，\xF0\xA0\x80\x8B字报告。\r\n第三行";
constexpr uint32_t kNonBmpAt = 29;  // 𠀋, 4 bytes
constexpr uint32_t kZiAt = 33;      // 字, right after 𠀋

}  // namespace

TEST_CASE("the test text is laid out as the comments say", "[source]") {
  Source source("t.txt", kText);
  REQUIRE(kText.size() == 56);
  REQUIRE(source.lines().lineCount() == 3);
  CHECK(source.lineText(0) == "一、总体情况");
  CHECK(source.lineText(1) == "2021年，\xF0\xA0\x80\x8B字报告。");
  CHECK(source.lineText(2) == "第三行");
  CHECK(source.lineText(3).empty());
  CHECK(kText.substr(kNonBmpAt, 4) == "\xF0\xA0\x80\x8B");
  CHECK(kText.substr(kZiAt, 3) == "字");
}

TEST_CASE("a character after 𠀋 has different columns in each unit", "[source]") {
  Source source("t.txt", kText);
  CHECK(source.position(kZiAt, ColumnUnit::Bytes) == Position{1, 14});
  CHECK(source.position(kZiAt, ColumnUnit::CodePoints) == Position{1, 7});
  CHECK(source.position(kZiAt, ColumnUnit::Utf16) == Position{1, 8});

  CHECK(source.offsetAt({1, 14}, ColumnUnit::Bytes) == kZiAt);
  CHECK(source.offsetAt({1, 7}, ColumnUnit::CodePoints) == kZiAt);
  CHECK(source.offsetAt({1, 8}, ColumnUnit::Utf16) == kZiAt);
}

TEST_CASE("positions at line starts and ends", "[source]") {
  Source source("t.txt", kText);
  for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16}) {
    CHECK(source.position(0, unit) == Position{0, 0});
    CHECK(source.position(19, unit) == Position{1, 0});
    CHECK(source.position(47, unit) == Position{2, 0});
  }
  CHECK(source.position(18, ColumnUnit::CodePoints) == Position{0, 6});  // the "\n" after line 0
  CHECK(source.position(45, ColumnUnit::Bytes) == Position{1, 26});      // the "\r" of "\r\n"
  CHECK(source.position(45, ColumnUnit::CodePoints) == Position{1, 11});
  CHECK(source.position(45, ColumnUnit::Utf16) == Position{1, 12});
  CHECK(source.position(56, ColumnUnit::CodePoints) == Position{2, 3});   // end of text
}

TEST_CASE("an offset inside a multi-byte character counts as the character's start", "[source]") {
  Source source("t.txt", kText);
  for (uint32_t inside : {kNonBmpAt + 1, kNonBmpAt + 2, kNonBmpAt + 3}) {
    INFO("offset " << inside);
    CHECK(source.position(inside, ColumnUnit::Bytes) == Position{1, 10});
    CHECK(source.position(inside, ColumnUnit::CodePoints) == Position{1, 6});
    CHECK(source.position(inside, ColumnUnit::Utf16) == Position{1, 6});
  }
  CHECK(source.position(1, ColumnUnit::CodePoints) == Position{0, 0});   // inside 一
  CHECK(source.position(2, ColumnUnit::CodePoints) == Position{0, 0});
  CHECK(source.position(55, ColumnUnit::CodePoints) == Position{2, 2});  // inside 行
}

TEST_CASE("a UTF-16 column between the halves of a surrogate pair maps to the character's start",
          "[source]") {
  Source source("t.txt", kText);
  CHECK(source.offsetAt({1, 6}, ColumnUnit::Utf16) == kNonBmpAt);
  CHECK(source.offsetAt({1, 7}, ColumnUnit::Utf16) == kNonBmpAt);
  CHECK(source.offsetAt({1, 6}, ColumnUnit::CodePoints) == kNonBmpAt);
}

TEST_CASE("offsetAt round-trips position at every character boundary", "[source]") {
  Source source("t.txt", kText);
  for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16}) {
    for (uint32_t offset = 0; offset <= kText.size(); ++offset) {
      const bool continuation = offset < kText.size() && (static_cast<unsigned char>(kText[offset]) & 0xC0) == 0x80;
      const bool insideCrLf = offset == 46;  // the "\n" of "\r\n" has no column of its own
      if (continuation || insideCrLf) continue;
      INFO("offset " << offset << ", unit " << static_cast<int>(unit));
      const Position pos = source.position(offset, unit);
      CHECK(source.offsetAt(pos, unit) == offset);
    }
  }
}

TEST_CASE("offsets past the end of the text clamp to the end", "[source]") {
  Source source("t.txt", kText);
  CHECK(source.position(56, ColumnUnit::Bytes) == Position{2, 9});
  CHECK(source.position(57, ColumnUnit::Bytes) == Position{2, 9});
  CHECK(source.position(10'000, ColumnUnit::CodePoints) == Position{2, 3});
  CHECK(source.position(UINT32_MAX, ColumnUnit::Utf16) == Position{2, 3});
}

TEST_CASE("columns past the end of a line clamp to the line end", "[source]") {
  Source source("t.txt", kText);
  CHECK(source.offsetAt({0, 7}, ColumnUnit::CodePoints) == 18);
  CHECK(source.offsetAt({0, 100}, ColumnUnit::Bytes) == 18);
  CHECK(source.offsetAt({1, 12}, ColumnUnit::CodePoints) == 45);
  CHECK(source.offsetAt({1, 13}, ColumnUnit::Utf16) == 45);
  CHECK(source.offsetAt({2, 4}, ColumnUnit::CodePoints) == 56);
}

TEST_CASE("a huge column clamps to the line end in every unit", "[source]") {
  // LSP clients send columns up to 2^31-1 (or more) to mean "end of line".
  Source source("t.txt", kText);
  CHECK(source.offsetAt({1, UINT32_MAX}, ColumnUnit::CodePoints) == 45);
  CHECK(source.offsetAt({1, UINT32_MAX}, ColumnUnit::Utf16) == 45);
  CHECK(source.offsetAt({1, 0x7FFFFFFF}, ColumnUnit::Bytes) == 45);
  CHECK(source.offsetAt({1, UINT32_MAX}, ColumnUnit::Bytes) == 45);
}

TEST_CASE("lines past the end clamp to the end of the text", "[source]") {
  Source source("t.txt", kText);
  CHECK(source.offsetAt({3, 0}, ColumnUnit::Bytes) == 56);
  CHECK(source.offsetAt({UINT32_MAX, 5}, ColumnUnit::Utf16) == 56);
}

TEST_CASE("empty source", "[source]") {
  Source source("empty.txt", "");
  CHECK(source.lines().lineCount() == 1);
  CHECK(source.position(0, ColumnUnit::CodePoints) == Position{0, 0});
  CHECK(source.position(5, ColumnUnit::Utf16) == Position{0, 0});
  CHECK(source.offsetAt({0, 3}, ColumnUnit::CodePoints) == 0);
  CHECK(source.offsetAt({2, 0}, ColumnUnit::Bytes) == 0);
  CHECK(source.lineText(0).empty());
}

TEST_CASE("a lone CR ends a line for positions too", "[source]") {
  Source source("mac.txt", "一\r二");
  CHECK(source.position(4, ColumnUnit::CodePoints) == Position{1, 0});
  CHECK(source.offsetAt({1, 1}, ColumnUnit::CodePoints) == 7);
}

TEST_CASE("Source keeps its path and encoding", "[source]") {
  Source source("报告.txt", "x", Encoding::Gb18030);
  CHECK(source.path() == "报告.txt");
  CHECK(source.encoding() == Encoding::Gb18030);
  CHECK(encodingName(Encoding::Utf8) == "utf-8");
  CHECK(encodingName(Encoding::Utf8Bom) == "utf-8-bom");
  CHECK(encodingName(Encoding::Utf16LE) == "utf-16le");
  CHECK(encodingName(Encoding::Utf16BE) == "utf-16be");
  CHECK(encodingName(Encoding::Gb18030) == "gb18030");
}

TEST_CASE("PositionCursor agrees with Source::position for ascending offsets", "[source][cursor]") {
  Source source("t.txt", kText);
  for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16}) {
    PositionCursor cursor(source, unit);
    for (uint32_t offset = 0; offset <= kText.size() + 2; ++offset) {
      INFO("offset " << offset << ", unit " << static_cast<int>(unit));
      CHECK(cursor.at(offset) == source.position(offset, unit));
    }
  }
}

TEST_CASE("PositionCursor handles repeats, steps back and jumps between lines", "[source][cursor]") {
  Source source("t.txt", kText);
  PositionCursor cursor(source, ColumnUnit::Utf16);
  for (uint32_t offset : {kZiAt, kZiAt, kNonBmpAt + 2, 19u, 50u, kZiAt, 0u, 56u, 36u, 1000u, kNonBmpAt + 3, 45u, 46u}) {
    INFO("offset " << offset);
    CHECK(cursor.at(offset) == source.position(offset, ColumnUnit::Utf16));
  }
}
