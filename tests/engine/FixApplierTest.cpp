// Tests for engine/lint/FixApplier: fixes apply in order, overlapping ones wait.
#include <catch2/catch.hpp>

#include "engine/lint/FixApplier.h"

using namespace gklint;

namespace {

Finding withFix(uint32_t begin, uint32_t end, std::string replacement) {
  Finding f;
  f.span = {begin, end};
  f.fix = Fix{"fix", {{{begin, end}, std::move(replacement)}}};
  return f;
}

}  // namespace

TEST_CASE("non-overlapping fixes all apply, whatever the finding order", "[fix]") {
  const std::string text = "1、 总体情况,工作";  // "1、" is bytes 0..4, "," is byte 17
  std::vector<Finding> findings = {withFix(17, 18, "，"), withFix(0, 5, "一、")};
  FixResult r = applyFixes(text, findings);
  CHECK(r.text == "一、总体情况，工作");
  CHECK(r.applied == 2);
  CHECK(r.skipped == 0);
}

TEST_CASE("an overlapping fix is skipped and counted", "[fix]") {
  const std::string text = "abcdef";
  FixResult r = applyFixes(text, {withFix(1, 4, "X"), withFix(3, 5, "Y")});
  CHECK(r.text == "aXef");
  CHECK(r.applied == 1);
  CHECK(r.skipped == 1);
}

TEST_CASE("insertions and findings without fixes", "[fix]") {
  Finding plain;
  plain.span = {0, 1};
  FixResult r = applyFixes("ab", {plain, withFix(1, 1, "-")});
  CHECK(r.text == "a-b");
  CHECK(r.applied == 1);
  // Two insertions at one point would be ambiguous: the second waits.
  FixResult twice = applyFixes("ab", {withFix(1, 1, "x"), withFix(1, 1, "y")});
  CHECK(twice.text == "axb");
  CHECK(twice.skipped == 1);
}

TEST_CASE("unsafe fixes are applied only when asked for", "[fix]") {
  Finding insert = withFix(0, 0, "一、总体情况\n");
  insert.fix->safe = false;
  CHECK(applyFixes("正文", {insert}).text == "正文");
  CHECK(applyFixes("正文", {insert}, FixSelection::All).text == "一、总体情况\n正文");
}
