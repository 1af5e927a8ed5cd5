// Hostile input (issue 13): each kind of bad input gets a clear, located message — never a crash,
// a hang or a blow-up. The CLI side (size limit, exit 2) is in tests/cli/HostileInputTest.cpp.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "engine/Analyzer.h"
#include "engine/config/Config.h"
#include "engine/rules/YamlSizeLimit.h"

using namespace gklint;

namespace {

const RuleSet& builtinRules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

std::vector<std::string> messages(const std::vector<RuleDiagnostic>& errors) {
  std::vector<std::string> out;
  for (const RuleDiagnostic& e : errors) out.push_back(formatRuleDiagnostic(e));
  return out;
}

// A forbidden-pattern rule file with `patterns` as given.
std::string patternRule(const std::string& id, const std::string& patterns) {
  return "rules:\n  - id: " + id + "\n    kind: forbidden-pattern\n    severity: warning\n    summary: s\n"
         "    message: \"“{match}”\"\n    patterns: " + patterns + "\n";
}

}  // namespace

TEST_CASE("a billion-laughs alias bomb in a rule file is not expanded", "[bad-input][rules]") {
  // Nine levels of nine aliases: 9^9 strings if anything walked it as a tree.
  std::string yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const std::string names = "abcdefghi";
  for (size_t level = 1; level < names.size(); ++level) {
    yaml += names[level];
    yaml += ": &";
    yaml += names[level];
    yaml += " [";
    for (int k = 0; k < 9; ++k) {
      if (k) yaml += ',';
      yaml += '*';
      yaml += names[level - 1];
    }
    yaml += "]\n";
  }
  yaml += patternRule("local/bomb", "*i");
  const RuleLoadResult r = loadRuleFiles({{"bomb.yaml", yaml}});
  const std::vector<std::string> got = messages(r.errors);
  // The nine items of *i are each a list, not a {pattern: …} mapping; the anchors are unknown keys.
  REQUIRE(got.size() == 18);
  CHECK(got[0] == "bomb.yaml:8:4: error: each pattern needs a 'pattern' string [rules[0].patterns[0]]");
  CHECK(got[8] == "bomb.yaml:8:4: error: each pattern needs a 'pattern' string [rules[0].patterns[8]]");
  CHECK(got[9] == "bomb.yaml:1:1: error: unknown key 'a' [a]");
  CHECK(r.rules.find("local/bomb") == nullptr);
}

TEST_CASE("a pattern exponential in a backtracking engine runs in linear time, and one RE2 refuses is located", "[bad-input][rules]") {
  const RuleLoadResult r = loadRuleFiles({{"redos.yaml", patternRule("local/redos", "[{pattern: \"(a+)+$\"}]")}});
  REQUIRE(r.errors.empty());
  // 100,000 a's then b: a backtracking engine tries 2^100000 ways; RE2 scans once.
  const std::string report = std::string(100000, 'a') + "b\n" + std::string(1000, 'a') + "\n";
  const Analysis a = analyzeBytes("redos.txt", report, DocumentFormat::Text, r.rules);
  REQUIRE(a.ok());
  REQUIRE(a.findings.size() == 1);  // only the second line ends in a's
  CHECK(a.source->position(a.findings[0].span.begin, ColumnUnit::CodePoints) == Position{1, 0});

  const RuleLoadResult backref = loadRuleFiles({{"backref.yaml", patternRule("local/backref", "[{pattern: \"(年)\\\\1\"}]")}});
  const std::vector<std::string> got = messages(backref.errors);
  REQUIRE(got.size() == 1);
  CHECK(got[0] ==
        "backref.yaml:7:26: error: invalid pattern /(年)\\1/: invalid escape sequence: \\1 (gklint uses RE2, which has "
        "no lookaround or backreferences, so that every pattern runs in linear time; rewrite the pattern with "
        "alternatives or capture groups) [rules[0].patterns[0].pattern]");
}

TEST_CASE("a relation naming an unknown cell is located, once per template", "[bad-input][rules]") {
  std::vector<RuleFile> files = builtinRuleFiles();
  files.push_back({"local.yaml",
                   "rules:\n  - id: local/bad-cell\n    kind: relation\n    severity: error\n    summary: s\n"
                   "    message: \"{where}\"\n    table: t3\n    for_each: column\n    assert: R01 + R99 == R24\n"});
  const std::vector<std::string> got = messages(loadRuleFiles(files).errors);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "local.yaml:9:13: error: relation 'R01 + R99 == R24' names 'R99', which template gov-2019/t3 does not define [local/bad-cell]");
  CHECK(got[1] == "local.yaml:9:13: error: relation 'R01 + R99 == R24' names 'R99', which template gov-2021/t3 does not define [local/bad-cell]");
}

TEST_CASE("a config extends cycle is an error at the extends that closes it", "[bad-input][config]") {
  const std::map<std::string, std::string> files = {{".gklint.yaml", "extends: b.yaml\n"}, {"b.yaml", "extends: c.yaml\n"},
                                                    {"c.yaml", "extends: .gklint.yaml\n"}};
  ConfigFileSystem fs;
  fs.read = [&](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path.rfind("./", 0) == 0 ? path.substr(2) : path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  fs.listFolder = [](const std::string&) { return std::nullopt; };
  const Config config = resolveConfig(".gklint.yaml", fs);
  const std::vector<std::string> got = messages(config.errors);
  REQUIRE(got.size() == 1);
  CHECK(got[0] == "c.yaml:1:10: error: '.gklint.yaml' extends itself (a cycle through .gklint.yaml) [extends]");
}

TEST_CASE("a 10 MB single-line rule file is refused before parsing", "[bad-input][rules]") {
  const std::string huge = "rules: [" + std::string(10u << 20, 'x') + "\n";
  const std::vector<std::string> got = messages(loadRuleFiles({{"huge.yaml", huge}}).errors);
  REQUIRE(got.size() == 1);
  CHECK(got[0] == "huge.yaml:1:1: error: the file is 10485769 bytes, over the 1 MiB limit for a rule file; split it into smaller files");
  // Just under the limit it is parsed, and its syntax error located.
  const std::string big = "rules: [" + std::string(kMaxYamlFileBytes - 9, 'x') + "\n";
  const std::vector<std::string> parsed = messages(loadRuleFiles({{"big.yaml", big}}).errors);
  REQUIRE(parsed.size() == 1);
  CHECK(parsed[0] == "big.yaml:2:1: error: YAML syntax error: end of sequence flow not found");
}

TEST_CASE("a pattern quoted in an error is shortened", "[bad-input][rules]") {
  std::string pattern = "(";
  for (int i = 0; i < 2000; ++i) pattern += "甲";
  const std::vector<std::string> got = messages(loadRuleFiles({{"p.yaml", patternRule("local/p", "[{pattern: \"" + pattern + "\"}]")}}).errors);
  REQUIRE(got.size() == 1);
  CHECK(got[0].size() < 600);
  CHECK(got[0].rfind("p.yaml:7:26: error: invalid pattern /(甲", 0) == 0);
  CHECK(got[0].find("…/: missing ): (甲") != std::string::npos);
}

TEST_CASE("NUL bytes in a report are refused with the byte offset", "[bad-input][decode]") {
  const Analysis a = analyzeBytes("nul.txt", std::string("一、总体情况\0本年度\n", 28), DocumentFormat::Text, builtinRules());
  CHECK_FALSE(a.ok());
  CHECK(a.error == "binary content at byte offset 18 (byte 0x00): this is not a text report; export it as .txt or .md (UTF-8) first");
  CHECK(a.errorOffset == 18);
}

TEST_CASE("a UTF-16 file with an odd byte count is refused where the character breaks off", "[bad-input][decode]") {
  const Analysis a = analyzeBytes("odd.txt", std::string("\xff\xfe\x00\x4e\x01", 5), DocumentFormat::Text, builtinRules());
  CHECK_FALSE(a.ok());
  CHECK(a.error == "invalid UTF-16 at byte offset 4: the text ends in the middle of a character");
  CHECK(a.errorOffset == 4);
}
