// Tests for engine/rules/YamlTree: the tree is yaml-cpp's document (node by node, marks in code
// points), the trees compiled into gklint are the packs' texts parsed, aliases stay shared, and
// scalars read as numbers and booleans the way rule files expect.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "engine/ruleset/EmbeddedFiles.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/rules/YamlTree.h"

using namespace gklint;

namespace {

// Counts the nodes compared; fails at the first difference, saying where.
void requireSame(const YAML::Node& expected, const YamlNode& actual, const std::string& text, size_t& nodes) {
  ++nodes;
  INFO("yaml-cpp node at " << expected.Mark().line + 1 << ":" << expected.Mark().column + 1);
  switch (expected.Type()) {
    case YAML::NodeType::Null: REQUIRE(actual.isNull()); break;
    case YAML::NodeType::Scalar: REQUIRE(actual.isScalar()); break;
    case YAML::NodeType::Sequence: REQUIRE(actual.isSequence()); break;
    case YAML::NodeType::Map: REQUIRE(actual.isMap()); break;
    case YAML::NodeType::Undefined: FAIL("yaml-cpp gave an undefined node"); break;
  }
  if (expected.Mark().line >= 0) {
    REQUIRE(actual.line() == expected.Mark().line + 1);
    REQUIRE(actual.column() == codePointColumnIn(text, expected.Mark().line, expected.Mark().column));
  }
  if (expected.IsScalar()) REQUIRE(actual.scalar() == expected.Scalar());
  REQUIRE(actual.size() == (expected.IsSequence() || expected.IsMap() ? expected.size() : 0));
  if (expected.IsSequence()) {
    for (size_t i = 0; i < expected.size(); ++i) requireSame(expected[i], actual.item(i), text, nodes);
  }
  if (expected.IsMap()) {
    size_t i = 0;
    for (auto e = expected.begin(); e != expected.end(); ++e, ++i) {
      requireSame(e->first, actual.key(i), text, nodes);
      requireSame(e->second, actual.value(i), text, nodes);
    }
  }
}

size_t compareWithYamlCpp(const std::string& text) {
  const YamlTree tree = YamlTree::parse(text);
  size_t nodes = 0;
  requireSame(YAML::Load(text), tree.root(), text, nodes);
  return nodes;
}

}  // namespace

TEST_CASE("a parsed tree is yaml-cpp's document, node by node, for every built-in pack", "[rules][yaml]") {
  for (const RuleFile& file : builtinRuleFiles()) {
    INFO(file.name);
    CHECK(compareWithYamlCpp(file.content) > 40);
  }
}

TEST_CASE("the trees compiled into gklint are the packs' texts parsed, entry by entry", "[rules][yaml]") {
  REQUIRE(embeddedFiles().size() == 10);
  for (const EmbeddedFile& file : embeddedFiles()) {
    INFO(file.path);
    const YamlTree parsed = YamlTree::parse(file.content);
    REQUIRE(file.tree.entries().size() == parsed.entries().size());
    REQUIRE(file.tree.pool() == parsed.pool());
    for (size_t i = 0; i < parsed.entries().size(); ++i) {
      const YamlEntry& a = file.tree.entries()[i];
      const YamlEntry& b = parsed.entries()[i];
      INFO("entry " << i);
      REQUIRE((a.kind == b.kind && a.first == b.first && a.count == b.count && a.line == b.line && a.column == b.column));
    }
  }
}

TEST_CASE("a parsed tree matches yaml-cpp on nulls, quoting, flow style, a BOM, CRLF and CJK", "[rules][yaml]") {
  compareWithYamlCpp("a:\nb: ~\nc: null\nd: 'null'\ne: \"~\"\nf: ''\n");
  compareWithYamlCpp("list: [1, 'two', {three: 3, four: [5, 6]}]\nmap: {k: v, empty: }\n");
  compareWithYamlCpp("\xEF\xBB\xBFrules:\n  - id: a/b\n    message: 第一行\n");
  compareWithYamlCpp("key: value\r\nother:\r\n  - 一\r\n  - 二\r\n");
  compareWithYamlCpp("block: |\n  第一行\n  第二行\nfolded: >\n  a\n  b\n");
  compareWithYamlCpp("? [complex, key]\n: value\n");
  compareWithYamlCpp("");
  compareWithYamlCpp("# only a comment\n");
}

TEST_CASE("marks count code points, so a column after CJK and a non-BMP character is where an editor shows it", "[rules][yaml]") {
  const YamlTree tree = YamlTree::parse("名称𠀋: {值: x}\n");
  const YamlNode value = tree.root().get("名称𠀋");
  REQUIRE(value.isMap());
  CHECK(value.line() == 1);
  CHECK(value.column() == 6);  // 名 称 𠀋 : space, then '{'
  CHECK(value.get("值").column() == 10);
  CHECK(tree.root().key(0).column() == 1);
}

TEST_CASE("only the first document is read, as YAML::Load does", "[rules][yaml]") {
  const YamlTree tree = YamlTree::parse("a: 1\n---\nb: 2\n");
  CHECK(tree.root().get("a").scalar() == "1");
  CHECK_FALSE(tree.root().get("b").defined());
}

TEST_CASE("a syntax error is yaml-cpp's exception, with its mark", "[rules][yaml][bad-input]") {
  try {
    YamlTree::parse("a: [1, 2\nb: 3\n");
    FAIL("no exception");
  } catch (const YAML::Exception& e) {
    CHECK(e.mark.line >= 0);
    CHECK_FALSE(e.msg.empty());
  }
}

TEST_CASE("an alias is its anchored node, shared: nine levels of nine aliases stay small", "[rules][yaml][bad-input]") {
  std::string yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const std::string names = "abcdefghi";
  for (size_t level = 1; level < names.size(); ++level) {
    yaml += std::string(1, names[level]) + ": &" + names[level] + " [";
    for (int k = 0; k < 9; ++k) yaml += std::string(k ? "," : "") + "*" + names[level - 1];
    yaml += "]\n";
  }
  const YamlTree tree = YamlTree::parse(yaml);
  CHECK(tree.entries().size() < 200);  // 9^9 nodes if the aliases were copied
  const YamlNode i = tree.root().get("i");
  REQUIRE(i.size() == 9);
  // Walking down the aliases reaches the strings, and every alias has its anchor's mark.
  YamlNode node = i;
  for (int depth = 0; depth < 8; ++depth) node = node.item(8);
  REQUIRE(node.size() == 9);
  CHECK(node.item(0).scalar() == "lol");
  CHECK(i.item(0).line() == tree.root().get("h").line());
}

TEST_CASE("an alias inside its own anchor makes a cycle, not a hang", "[rules][yaml][bad-input]") {
  const YamlTree tree = YamlTree::parse("a: &a [x, *a]\n");
  const YamlNode a = tree.root().get("a");
  REQUIRE(a.size() == 2);
  CHECK(a.item(1).item(1).item(0).scalar() == "x");
}

TEST_CASE("lookups on the wrong kind of node give undefined nodes, never a crash", "[rules][yaml]") {
  const YamlTree tree = YamlTree::parse("list: [a, b]\nscalar: s\n");
  const YamlNode list = tree.root().get("list");
  CHECK_FALSE(list.get("a").defined());
  CHECK_FALSE(list.item(2).defined());
  CHECK_FALSE(list.key(0).defined());
  CHECK(tree.root().get("scalar").size() == 0);
  CHECK(tree.root().get("scalar").item(0).line() == 0);
  CHECK(YamlNode().scalar().empty());
  int items = 0;
  for (const YamlNode item : tree.root().get("scalar")) items += item.defined() ? 1 : 0;
  CHECK(items == 0);
  CHECK(YamlTree().root().isNull());
}

TEST_CASE("whole numbers and booleans are read from scalars as rule files write them", "[rules][yaml]") {
  int n = -1;
  CHECK((yamlScalarToInt("42", n) && n == 42));
  CHECK((yamlScalarToInt("+7", n) && n == 7));
  CHECK((yamlScalarToInt("-3", n) && n == -3));
  CHECK((yamlScalarToInt("010", n) && n == 10));  // decimal, not yaml-cpp's octal
  CHECK_FALSE(yamlScalarToInt("", n));
  CHECK_FALSE(yamlScalarToInt("4x", n));
  CHECK_FALSE(yamlScalarToInt("1.5", n));
  CHECK_FALSE(yamlScalarToInt("++1", n));
  CHECK_FALSE(yamlScalarToInt("+-1", n));
  CHECK_FALSE(yamlScalarToInt(" 1", n));
  CHECK_FALSE(yamlScalarToInt("99999999999", n));
  CHECK_FALSE(yamlScalarToInt("四", n));
  bool b = false;
  for (const char* t : {"true", "True", "TRUE", "yes", "y", "on", "ON"}) CHECK((yamlScalarToBool(t, b) && b));
  for (const char* f : {"false", "False", "no", "N", "off", "Off"}) CHECK((yamlScalarToBool(f, b) && !b));
  for (const char* bad : {"tRUE", "1", "", "是", "truthy"}) CHECK_FALSE(yamlScalarToBool(bad, b));
}
