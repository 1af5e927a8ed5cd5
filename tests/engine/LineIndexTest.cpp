// Tests for engine/text/LineIndex: "\n", "\r\n" and lone "\r" terminators, empty text, no
// trailing newline.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/text/LineIndex.h"

using namespace gklint;

namespace {

struct Line {
  uint32_t start, end;
  friend bool operator==(const Line& a, const Line& b) { return a.start == b.start && a.end == b.end; }
};

std::vector<Line> linesOf(const LineIndex& index) {
  std::vector<Line> out;
  for (size_t i = 0; i < index.lineCount(); ++i) out.push_back({index.lineStart(i), index.lineEnd(i)});
  return out;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Line> {
  static std::string convert(const Line& l) { return "[" + std::to_string(l.start) + "," + std::to_string(l.end) + ")"; }
};
}  // namespace Catch

TEST_CASE("empty text has one empty line", "[lines]") {
  LineIndex index("");
  CHECK(linesOf(index) == std::vector<Line>{{0, 0}});
  CHECK(index.lineOf(0) == 0);
}

TEST_CASE("text without a trailing newline ends its last line at the end of the text", "[lines]") {
  const std::string text = "一、总体情况\n二、主动公开";  // 18 bytes, "\n", 18 bytes
  LineIndex index(text);
  CHECK(linesOf(index) == std::vector<Line>{{0, 18}, {19, 37}});
  CHECK(index.lineOf(36) == 1);
  CHECK(index.lineOf(37) == 1);  // the end of the text
}

TEST_CASE("a trailing newline starts an empty last line", "[lines]") {
  LineIndex index("报告\n");
  CHECK(linesOf(index) == std::vector<Line>{{0, 6}, {7, 7}});
  CHECK(index.lineOf(7) == 1);
}

TEST_CASE("LF terminators are not part of their line", "[lines]") {
  LineIndex index("a\nbb\n\nc");
  CHECK(linesOf(index) == std::vector<Line>{{0, 1}, {2, 4}, {5, 5}, {6, 7}});
  CHECK(index.lineOf(0) == 0);
  CHECK(index.lineOf(1) == 0);  // the "\n" belongs to the line it ends
  CHECK(index.lineOf(2) == 1);
  CHECK(index.lineOf(5) == 2);
  CHECK(index.lineOf(6) == 3);
}

TEST_CASE("CRLF is one terminator", "[lines]") {
  LineIndex index("年报\r\n第二行\r\n");
  CHECK(linesOf(index) == std::vector<Line>{{0, 6}, {8, 17}, {19, 19}});
  CHECK(index.lineOf(6) == 0);  // "\r"
  CHECK(index.lineOf(7) == 0);  // "\n" of the same "\r\n"
  CHECK(index.lineOf(8) == 1);
  CHECK(index.lineOf(18) == 1);
  CHECK(index.lineOf(19) == 2);
}

TEST_CASE("a lone CR ends a line (old Mac files)", "[lines]") {
  LineIndex index("a\rb\r\rc");
  CHECK(linesOf(index) == std::vector<Line>{{0, 1}, {2, 3}, {4, 4}, {5, 6}});
  CHECK(index.lineOf(3) == 1);
  CHECK(index.lineOf(5) == 3);
}

TEST_CASE("LF CR is two terminators, not one", "[lines]") {
  LineIndex index("a\n\rb");
  CHECK(linesOf(index) == std::vector<Line>{{0, 1}, {2, 2}, {3, 4}});
}

TEST_CASE("mixed terminators in one file", "[lines]") {
  LineIndex index("一\r\n二\n三\r四");
  CHECK(linesOf(index) == std::vector<Line>{{0, 3}, {5, 8}, {9, 12}, {13, 16}});
}

TEST_CASE("lineOf past the end of the text is the last line", "[lines]") {
  LineIndex index("a\nb");
  CHECK(index.lineOf(100) == 1);
  CHECK(index.lineOf(UINT32_MAX) == 1);
}
