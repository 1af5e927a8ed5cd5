// Tests for engine/text/ColumnIndex through Source::position: columns on very long lines.
#include <catch2/catch.hpp>

#include <string>

#include "engine/text/Source.h"
#include "engine/text/Utf8.h"

using namespace gklint;

TEST_CASE("positions on a line longer than the checkpoint stride match a count from the line start", "[source][columns]") {
  // Line 0 is short; line 1 mixes ASCII, CJK and 𠀋 (two UTF-16 units) over ~40 KB.
  std::string line;
  for (int i = 0; line.size() < 40000; ++i) line += (i % 7 == 0) ? "𠀋" : (i % 3 == 0 ? "a," : "测试");
  const std::string text = "标题\n" + line + "\r\n尾";
  const Source source("long.txt", text);
  const uint32_t start = source.lines().lineStart(1);
  for (uint32_t offset = start; offset <= start + line.size(); offset += 997) {
    uint32_t at = offset;
    while ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;  // a character's start
    const std::string_view prefix(text.data() + start, at - start);
    INFO("offset " << offset);
    CHECK(source.position(offset, ColumnUnit::CodePoints) == Position{1, static_cast<uint32_t>(utf8::codePointCount(prefix))});
    CHECK(source.position(offset, ColumnUnit::Utf16) == Position{1, static_cast<uint32_t>(utf8::utf16Length(prefix))});
    CHECK(source.position(offset, ColumnUnit::Bytes) == Position{1, at - start});
  }
  // The last line, after the long one, is counted from its own start.
  CHECK(source.position(static_cast<uint32_t>(text.size()), ColumnUnit::CodePoints) == Position{2, 1});
  CHECK(source.position(2, ColumnUnit::CodePoints) == Position{0, 0});  // inside 标: its start
}

TEST_CASE("ColumnIndex counts spans across checkpoints", "[source][columns]") {
  std::string text;
  while (text.size() < 3 * ColumnIndex::kStride + 5) text += "𠀋测a";
  const ColumnIndex index(text);
  for (uint32_t b : {0u, 1u, 4095u, 4096u, 5000u}) {
    for (uint32_t e : {b, b + 3u, 8191u, 8192u, static_cast<uint32_t>(text.size())}) {
      if (e < b) continue;
      const std::string_view span(text.data() + b, e - b);
      CHECK(index.codePointsBetween(text, b, e) == utf8::codePointCount(span));
      CHECK(index.utf16Between(text, b, e) == utf8::utf16Length(span));
    }
  }
}
