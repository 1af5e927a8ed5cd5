// Tests for engine/rules/LibYamlReader: the tree it builds is YAML::Load's, node by node —
// types, scalars, tags, styles and marks — over every built-in pack and the YAML they use.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <string>

#include "engine/rules/ExampleStripper.h"
#include "engine/rules/LibYamlReader.h"
#include "engine/ruleset/RuleSet.h"

using gklint::loadWithLibYaml;

namespace {

std::string where(const YAML::Node& n) {
  return std::to_string(n.Mark().line + 1) + ":" + std::to_string(n.Mark().column + 1);
}

// Counts the nodes compared; fails at the first difference, saying where.
void requireSameTree(const YAML::Node& expected, const YAML::Node& actual, size_t& nodes, bool everyMark) {
  ++nodes;
  INFO("yaml-cpp node at " << where(expected) << ", libyaml node at " << where(actual));
  REQUIRE(actual.Type() == expected.Type());
  REQUIRE(actual.Tag() == expected.Tag());
  // An empty value's null: yaml-cpp marks it at the token after it, libyaml just after its
  // key (LibYamlReader.h); no built-in pack has one, and the built-in packs compare every mark.
  const bool emptyNull = !everyMark && expected.IsNull() && expected.Mark().line != actual.Mark().line;
  if (!emptyNull) {
    REQUIRE(actual.Mark().line == expected.Mark().line);
    REQUIRE(actual.Mark().column == expected.Mark().column);
    REQUIRE(actual.Mark().pos == expected.Mark().pos);
  }
  if (expected.IsScalar()) REQUIRE(actual.Scalar() == expected.Scalar());
  if (expected.IsSequence() || expected.IsMap()) {
    REQUIRE(actual.Style() == expected.Style());
    REQUIRE(actual.size() == expected.size());
  }
  if (expected.IsSequence()) {
    for (size_t i = 0; i < expected.size(); ++i) requireSameTree(expected[i], actual[i], nodes, everyMark);
  }
  if (expected.IsMap()) {
    auto a = actual.begin();
    for (auto e = expected.begin(); e != expected.end(); ++e, ++a) {
      requireSameTree(e->first, a->first, nodes, everyMark);
      requireSameTree(e->second, a->second, nodes, everyMark);
    }
  }
}

size_t compareReaders(const std::string& text, bool everyMark = false) {
  const YAML::Node expected = YAML::Load(text);
  const std::optional<YAML::Node> actual = loadWithLibYaml(text);
  REQUIRE(actual.has_value());
  size_t nodes = 0;
  requireSameTree(expected, *actual, nodes, everyMark);
  return nodes;
}

}  // namespace

TEST_CASE("libyaml reader builds yaml-cpp's tree for every built-in pack", "[rules][yaml]") {
  for (const gklint::RuleFile& file : gklint::builtinRuleFiles()) {
    INFO(file.name);
    CHECK(compareReaders(file.content, true) > 20);
    compareReaders(gklint::withoutExamples(file.content), true);
  }
}

TEST_CASE("libyaml reader matches yaml-cpp on the YAML a rule file may hold", "[rules][yaml]") {
  const char* cases[] = {
      "",
      "# only a comment\n",
      "key: value\n",
      "rules:\n  - id: text/a\n    message: \"第{n}处 \\\"引号\\\" \\t tab \\u4e00 \\\\\"\n    summary: '单引号 ''内'' 的字'\n",
      "text: |\n  第一行 𠀋 非 BMP\n\n  第三行\n",
      "keep: |+\n  a\n\nstrip: |-\n  b\n\nfold: >\n  一行\n  二行\n\n  新段\nlast: x\n",
      "indent: |2\n    two more\n  base\n",
      "plain: 多行的\n  普通标量\n  接着写\nnext: 1\n",
      "empty:\nnull1: ~\nnull2: null\nnull3: Null\nquoted_null: \"null\"\nlist:\n- a\n-\n- ''\n",
      "flow: {a: 1, b: [x, \"y\", 'z'], c: {}}\nseq: [1, 2, 3]\n",
      "cjk: 表二 合计 𠀋 后面：值 \"x\"\n  # comment inside\nnested:\n  deeper:\n    - {k: v}\n    - [a, b]\n",
      "windows: line ends\r\nnext: value\r\nblock: |\r\n  a\r\n  b\r\n",
      "\xEF\xBB\xBF" "bom: yes\n",
      "numbers: [1, -2, 3.5, 0x1F, 2021-12-31]\nbools: [true, false, yes, no]\n",
  };
  for (const char* text : cases) {
    INFO(text);
    compareReaders(text);
  }
}

TEST_CASE("libyaml reader leaves to yaml-cpp what it does not build", "[rules][yaml]") {
  CHECK_FALSE(loadWithLibYaml("a: &x 1\nb: *x\n").has_value());          // anchors, aliases
  CHECK_FALSE(loadWithLibYaml("a: !!str 1\n").has_value());              // explicit tags
  CHECK_FALSE(loadWithLibYaml("a: 1\n---\nb: 2\n").has_value());         // two documents
  CHECK_FALSE(loadWithLibYaml("a: [1, 2\nb: 3\n").has_value());          // a syntax error
  CHECK_FALSE(loadWithLibYaml("a: 1\n  b: 2\n").has_value());            // bad indentation
}
