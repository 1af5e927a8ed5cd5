// OriginMap: linted offsets back to places in the original file.
#include "engine/text/Origin.h"

#include <catch2/catch.hpp>

using namespace gklint;

TEST_CASE("OriginMap maps verbatim pieces character by character", "[origin]") {
  // linted: "一、总体情况\n合计\t21" ; the heading is paragraph 3, the cell is 表1 行2 列2.
  const std::string linted = "一、总体情况\n合计\t21";
  OriginMap map;
  OriginPlace heading{.kind = OriginPlace::Kind::Paragraph, .paragraph = 3};
  map.add(0, heading);
  OriginPlace label{.kind = OriginPlace::Kind::TableCell, .table = 1, .row = 2, .column = 1};
  const uint32_t cellStart = static_cast<uint32_t>(linted.find("合计"));
  map.add(cellStart, label);
  OriginPlace tab = label;
  tab.character = 2;
  map.add(cellStart + 6, tab, /*verbatim=*/false);
  OriginPlace number{.kind = OriginPlace::Kind::TableCell, .table = 1, .row = 2, .column = 2};
  map.add(cellStart + 7, number);

  CHECK(map.placeOf(linted, 0) == heading);
  OriginPlace third = heading;
  third.character = 2;  // "总" is the third character of ¶3
  CHECK(map.placeOf(linted, 6) == third);
  CHECK(map.placeOf(linted, cellStart + 6) == tab);
  OriginPlace second = number;
  second.character = 1;
  CHECK(map.placeOf(linted, cellStart + 8) == second);
}

TEST_CASE("OriginMap maps HTML source offsets byte by byte, entities to their start", "[origin]") {
  const std::string html = "<p>本年&nbsp;收到</p>";
  const std::string linted = "本年 收到";
  OriginMap map(html);
  map.add(0, {.kind = OriginPlace::Kind::SourceOffset, .offset = 3});
  map.add(6, {.kind = OriginPlace::Kind::SourceOffset, .offset = 9}, /*verbatim=*/false);  // &nbsp;
  map.add(7, {.kind = OriginPlace::Kind::SourceOffset, .offset = 15});
  CHECK(map.placeOf(linted, 3).offset == 6);   // 年
  CHECK(map.placeOf(linted, 6).offset == 9);   // the space: the entity
  CHECK(map.placeOf(linted, 10).offset == 18); // 到
  CHECK(map.originalLines().lineCount() == 1);
}

TEST_CASE("OriginMap keeps its order: an anchor at an earlier offset is ignored", "[origin]") {
  OriginMap map;
  map.add(5, {.kind = OriginPlace::Kind::Paragraph, .paragraph = 2});
  map.add(2, {.kind = OriginPlace::Kind::Paragraph, .paragraph = 9});
  CHECK(map.anchorCount() == 1);
  CHECK(map.placeOf("0123456789", 0).paragraph == 2);  // before the first anchor: the first place
}
