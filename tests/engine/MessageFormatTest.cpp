// Tests for engine/lint/MessageFormat: {name} placeholders filled from a finding's arguments.
#include <catch2/catch.hpp>

#include "engine/lint/MessageFormat.h"

using namespace gklint;

TEST_CASE("messages: placeholders, literal text and braces", "[message]") {
  const MessageArgs args = {{"cell", "表三“总计”"}, {"n", "21"}, {"empty", ""}};
  CHECK(formatMessage("{cell}为{n}，应为27", args) == "表三“总计”为21，应为27");
  CHECK(formatMessage("没有占位符的𠀋消息", args) == "没有占位符的𠀋消息");
  CHECK(formatMessage("", args).empty());
  CHECK(formatMessage("{{n}} is {n}", args) == "{n} is 21");
  CHECK(formatMessage("a }} b", args) == "a } b");
  CHECK(formatMessage("{unknown} stays", args) == "{unknown} stays");
  CHECK(formatMessage("open { brace", args) == "open { brace");
  CHECK(formatMessage("lone } brace", args) == "lone } brace");
  CHECK(formatMessage("[{empty}]", args) == "[]");
  CHECK(formatMessage("{n}{n}", args) == "2121");
  CHECK(placeholdersIn("{cell}为{n}，{{x}}") == std::vector<std::string>{"cell", "n"});
}
