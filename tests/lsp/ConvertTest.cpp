// Tests for lsp/Convert: byte offsets ↔ positions in utf-8 and utf-16, with CJK text and a
// character outside the BMP (𠀋 U+2000B: 4 UTF-8 bytes, 2 UTF-16 code units), and findings →
// diagnostics.
#include <catch2/catch.hpp>

#include "lsp/Convert.h"

using namespace gklint;
using lsp::PositionEncoding;
using lsp::Rounding;

namespace {

// Line 0: 一 (bytes 0-3) 𠀋 (3-7) b (7-8); "\r\n"; line 1: 第二行 then 𠀋 then x.
const std::string kText = "一𠀋b\r\n第二行𠀋x";

lsp::Position pos(uint32_t line, uint32_t character) { return {line, character}; }

}  // namespace

TEST_CASE("offsets become positions in the negotiated encoding", "[lsp][convert]") {
  Source source("t", kText);
  CHECK(lsp::toPosition(source, 7, PositionEncoding::Utf16) == pos(0, 3));
  CHECK(lsp::toPosition(source, 7, PositionEncoding::Utf8) == pos(0, 7));
  CHECK(lsp::toPosition(source, 8, PositionEncoding::Utf16) == pos(0, 4));  // before "\r\n"
  CHECK(lsp::toPosition(source, 10, PositionEncoding::Utf16) == pos(1, 0));
  CHECK(lsp::toPosition(source, 19, PositionEncoding::Utf16) == pos(1, 3));  // 𠀋 on line 1
  CHECK(lsp::toPosition(source, 23, PositionEncoding::Utf16) == pos(1, 5));  // x
  CHECK(lsp::toPosition(source, 23, PositionEncoding::Utf8) == pos(1, 13));
  CHECK(lsp::toPosition(source, 5, PositionEncoding::Utf16) == pos(0, 1));  // inside 𠀋: its start
  CHECK(lsp::toPosition(source, 999, PositionEncoding::Utf16) == pos(1, 6));
}

TEST_CASE("positions become offsets, rounding inside a character as asked", "[lsp][convert]") {
  Source source("t", kText);
  using enum Rounding;
  CHECK(lsp::toOffset(source, pos(0, 3), PositionEncoding::Utf16, Down) == 7);
  CHECK(lsp::toOffset(source, pos(0, 1), PositionEncoding::Utf16, Up) == 3);  // between characters
  // Between the two halves of 𠀋.
  CHECK(lsp::toOffset(source, pos(0, 2), PositionEncoding::Utf16, Down) == 3);
  CHECK(lsp::toOffset(source, pos(0, 2), PositionEncoding::Utf16, Up) == 7);
  CHECK(lsp::toOffset(source, pos(1, 4), PositionEncoding::Utf16, Down) == 19);
  CHECK(lsp::toOffset(source, pos(1, 4), PositionEncoding::Utf16, Up) == 23);
  // Inside a UTF-8 sequence.
  CHECK(lsp::toOffset(source, pos(0, 1), PositionEncoding::Utf8, Down) == 0);
  CHECK(lsp::toOffset(source, pos(0, 2), PositionEncoding::Utf8, Up) == 3);
  CHECK(lsp::toOffset(source, pos(0, 5), PositionEncoding::Utf8, Up) == 7);
  CHECK(lsp::toOffset(source, pos(0, 7), PositionEncoding::Utf8, Up) == 7);
  // Past the end of a line: the line's end (before "\r\n"); past the last line: the text's end.
  CHECK(lsp::toOffset(source, pos(0, 50), PositionEncoding::Utf16, Up) == 8);
  CHECK(lsp::toOffset(source, pos(7, 0), PositionEncoding::Utf16, Down) == kText.size());
}

TEST_CASE("ranges that split a character widen to the whole character", "[lsp][convert]") {
  Source source("t", kText);
  auto span = [&](lsp::Range r, PositionEncoding e) { return lsp::toSpan(source, r, e); };
  CHECK(span({pos(0, 1), pos(0, 2)}, PositionEncoding::Utf16) == ByteSpan{3, 7});
  CHECK(span({pos(0, 2), pos(0, 3)}, PositionEncoding::Utf16) == ByteSpan{3, 7});
  CHECK(span({pos(0, 2), pos(0, 2)}, PositionEncoding::Utf16) == ByteSpan{3, 3});  // insertion before 𠀋
  CHECK(span({pos(0, 0), pos(1, 0)}, PositionEncoding::Utf16) == ByteSpan{0, 10});
  CHECK(span({pos(0, 4), pos(0, 5)}, PositionEncoding::Utf8) == ByteSpan{3, 7});
  CHECK_FALSE(span({pos(0, 3), pos(0, 1)}, PositionEncoding::Utf16).has_value());
  CHECK_FALSE(span({pos(1, 0), pos(0, 9)}, PositionEncoding::Utf16).has_value());
}

TEST_CASE("findings become diagnostics with code, source, severity and related information", "[lsp][convert]") {
  Source source("t", kText);
  Finding f;
  f.ruleId = "text/example";
  f.severity = Severity::Error;
  f.message = "消息";
  f.span = {19, 23};  // 𠀋 on line 1
  RelatedSpan first;
  first.span = {0, 3};
  first.message = "第一处";
  f.related.push_back(first);
  Finding g = f;
  g.severity = Severity::Info;
  g.span = {23, 24};
  g.related.clear();
  const std::vector<lsp::Diagnostic> ds = lsp::toDiagnostics({f, g}, source, "file:///t.txt", PositionEncoding::Utf16);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].range == lsp::Range{pos(1, 3), pos(1, 5)});
  CHECK(ds[0].severity == lsp::DiagnosticSeverity::Error);
  CHECK(ds[0].code == "text/example");
  CHECK(ds[0].source == "gklint");
  CHECK(ds[0].message == "消息");
  REQUIRE(ds[0].relatedInformation.size() == 1);
  CHECK(ds[0].relatedInformation[0].location == lsp::Location{"file:///t.txt", {pos(0, 0), pos(0, 1)}});
  CHECK(ds[0].relatedInformation[0].message == "第一处");
  CHECK(ds[1].range == lsp::Range{pos(1, 5), pos(1, 6)});
  CHECK(ds[1].severity == lsp::DiagnosticSeverity::Information);
  CHECK(lsp::toSeverity(Severity::Warning) == lsp::DiagnosticSeverity::Warning);
}

TEST_CASE("rule-file problems land on their 1-based line and code-point column", "[lsp][convert]") {
  Source yaml("r.yaml", "rules:\n  - id: 中文/x\n    kind: nope\n");
  auto problem = [](int line, int column, std::string key, std::string message) {
    RuleDiagnostic d;
    d.mark.file = "r.yaml";
    d.mark.line = line;
    d.mark.column = column;
    d.key = std::move(key);
    d.message = std::move(message);
    return d;
  };
  const RuleDiagnostic d = problem(3, 11, "kind", "unknown check kind 'nope'");
  lsp::Diagnostic out = lsp::toDiagnostic(d, yaml, PositionEncoding::Utf16);
  CHECK(out.range == lsp::Range{pos(2, 10), pos(2, 14)});
  CHECK(out.severity == lsp::DiagnosticSeverity::Error);
  CHECK(out.message == "unknown check kind 'nope' [kind]");
  // The engine's marks count code points (engine/rules/OptionReader.h): "/x" after Chinese
  // text is code point 11, UTF-16 unit 10, byte 14.
  const RuleDiagnostic cjk = problem(2, 11, "", "bad id");
  CHECK(lsp::toDiagnostic(cjk, yaml, PositionEncoding::Utf16).range.start == pos(1, 10));
  CHECK(lsp::toDiagnostic(cjk, yaml, PositionEncoding::Utf8).range.start == pos(1, 14));
  const RuleDiagnostic whole = problem(0, 0, "", "cannot parse");
  CHECK(lsp::toDiagnostic(whole, yaml, PositionEncoding::Utf16).range == lsp::Range{});
}
