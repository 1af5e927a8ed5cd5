// Tests for engine/rules/RuleLoader (with OptionReader and PatternCompiler): every broken rule
// file comes back as located diagnostics, never a crash, a hang or a silently dropped rule;
// the built-in packs load cleanly and ship the catalogue's rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/checks/CheckRegistry.h"
#include "engine/ruleset/RuleSet.h"

using namespace gklint;

namespace {

RuleLoadResult load(const std::string& yaml) { return loadRuleFiles({{"t.yaml", yaml}}); }

// `yaml` loaded after the built-in outline, so that section:<key> scopes can resolve.
RuleLoadResult loadWithOutline(const std::string& yaml) {
  std::vector<RuleFile> files;
  for (const RuleFile& f : builtinRuleFiles()) {
    if (f.name == "builtin:gov/outline.yaml") files.push_back(f);
  }
  REQUIRE(files.size() == 1);
  files.push_back({"t.yaml", yaml});
  return loadRuleFiles(files);
}

std::vector<std::string> diagnostics(const RuleLoadResult& result) {
  std::vector<std::string> out;
  for (const RuleDiagnostic& d : result.errors) out.push_back(formatRuleDiagnostic(d));
  return out;
}

std::vector<std::string> ruleIds(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto& check : rules.checks) out.push_back(check->info().id);
  return out;
}

using Strings = std::vector<std::string>;

// A forbidden-pattern rule that loads cleanly; the tests below break it one line at a time.
// Line numbers (1-based) are those of the YAML text.
const std::string kHeader =
    "rules:\n"                            // 1
    "  - id: test/ok\n"                   // 2
    "    kind: forbidden-pattern\n"       // 3
    "    severity: info\n"                // 4
    "    summary: 测试规则\n"             // 5
    "    message: \"发现“{match}”\"\n";   // 6
const std::string kPatterns =
    "    patterns:\n"                     // 7
    "      - pattern: '设量'\n";          // 8

std::string knownKinds() {
  std::string out;
  for (const CheckKind& kind : checkKinds()) out += (out.empty() ? "" : ", ") + std::string(kind.name);
  return out;
}

}  // namespace

TEST_CASE("the base rule of these tests loads cleanly", "[rules]") {
  const RuleLoadResult r = load(kHeader + kPatterns);
  CHECK(diagnostics(r) == Strings{});
  CHECK(ruleIds(r.rules) == Strings{"test/ok"});
  const Check* check = r.rules.find("test/ok");
  REQUIRE(check != nullptr);
  CHECK(check->info().kind == "forbidden-pattern");
  CHECK(check->info().severity == Severity::Info);
  CHECK(check->info().mark.file == "t.yaml");
  CHECK(check->info().mark.line == 2);
  CHECK(check->info().mark.column == 5);
}

TEST_CASE("formatRuleDiagnostic spells file:line:col: error: message and key", "[rules]") {
  RuleDiagnostic located;
  located.mark = {"a.yaml", 3, 7};
  located.key = "rules[0].kind";
  located.message = "bad";
  CHECK(formatRuleDiagnostic(located) == "a.yaml:3:7: error: bad [rules[0].kind]");
  RuleDiagnostic wholeFile;
  wholeFile.mark.file = "a.yaml";
  wholeFile.message = "whole file";
  CHECK(formatRuleDiagnostic(wholeFile) == "a.yaml: error: whole file");
}

TEST_CASE("a YAML syntax error is located", "[rules]") {
  SECTION("unclosed flow sequence") {
    const RuleLoadResult r = load(
        "rules:\n"
        "  - id: test/x\n"
        "    kind: [forbidden-pattern\n"
        "    severity: info\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:4:13: error: YAML syntax error: end of sequence flow not found"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("a key indented one space too little") {
    const RuleLoadResult r = load("rules:\n  - id: test/x\n   kind: forbidden-pattern\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:3:4: error: YAML syntax error: end of sequence not found"});
  }
  SECTION("a tab used for indentation") {
    const RuleLoadResult r = load("rules:\n\t- id: test/x\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:2:2: error: YAML syntax error: illegal block entry"});
  }
  SECTION("an undefined alias") {
    const RuleLoadResult r = load("rules:\n  - id: test/x\n    severity: *level\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:3:15: error: YAML syntax error: the referenced anchor is not defined"});
  }
  SECTION("a mapping value where none is allowed") {
    const RuleLoadResult r = load("rules:\n  - id: a: b\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:2:10: error: YAML syntax error: illegal map value"});
  }
}

TEST_CASE("rule files with the wrong shape", "[rules]") {
  CHECK(diagnostics(load("")) == Strings{});
  CHECK(diagnostics(load("# only a comment\n")) == Strings{});
  CHECK(diagnostics(load("- a\n- b\n")) ==
        Strings{"t.yaml:1:1: error: a rule file must be a mapping with 'rules:', 'outline:' and/or 'templates:'"});
  CHECK(diagnostics(load("rules: test/ok\n")) == Strings{"t.yaml:1:8: error: 'rules' must be a list of rules [rules]"});
  CHECK(diagnostics(load("outline: six\n")) ==
        Strings{"t.yaml:1:10: error: 'outline' must be a list of sections [outline]"});
}

TEST_CASE("an unknown top-level key is an error", "[rules]") {
  const RuleLoadResult r = load("version: 2\n" + kHeader + kPatterns);
  CHECK(diagnostics(r) == Strings{"t.yaml:1:1: error: unknown key 'version' [version]"});
  CHECK(ruleIds(r.rules) == Strings{"test/ok"});  // the file's rules are still fine
}

TEST_CASE("an unknown rule key is an error and the rule is left out", "[rules]") {
  const RuleLoadResult r = load(kHeader + "    level: high\n" + "    patterns:\n      - pattern: '设量'\n");
  CHECK(diagnostics(r) == Strings{"t.yaml:7:5: error: unknown key 'level' [rules[0].level]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("an unknown key inside a pattern entry is an error", "[rules]") {
  const RuleLoadResult r = load(kHeader + kPatterns + "        replace_with: '设置'\n");
  CHECK(diagnostics(r) == Strings{"t.yaml:9:9: error: unknown key 'replace_with' [rules[0].patterns[0].replace_with]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("every missing required key is reported at the rule", "[rules]") {
  const RuleLoadResult r = load(
      "rules:\n"
      "  - description: 没有其他键\n");
  CHECK(diagnostics(r) == Strings{
                              "t.yaml:2:5: error: missing required key 'id' [rules[0].id]",
                              "t.yaml:2:5: error: missing required key 'kind' [rules[0].kind]",
                              "t.yaml:2:5: error: missing required key 'severity' [rules[0].severity]",
                              "t.yaml:2:5: error: missing required key 'summary' [rules[0].summary]",
                              "t.yaml:2:5: error: missing required key 'message' [rules[0].message]",
                          });
  CHECK(r.rules.checks.empty());
}

TEST_CASE("a null required key counts as missing, a list is the wrong type", "[rules]") {
  const RuleLoadResult r = load(
      "rules:\n"                              // 1
      "  - id: test/ok\n"                     // 2
      "    kind: forbidden-pattern\n"         // 3
      "    severity:\n"                       // 4
      "    summary: [一, 二]\n"               // 5
      "    message: \"发现“{match}”\"\n"      // 6
      + kPatterns);
  CHECK(diagnostics(r) == Strings{
                              "t.yaml:2:5: error: missing required key 'severity' [rules[0].severity]",
                              "t.yaml:5:14: error: 'summary' must be a string [rules[0].summary]",
                          });
  CHECK(r.rules.checks.empty());
}

TEST_CASE("rule ids must look like category/kebab-name", "[rules]") {
  for (const char* id : {"Test/OK", "typo", "text/typo_x", "text/-typo", "text/typo-", "text/", "/typo", "text/typo/x",
                         "文本/错别字"}) {
    INFO(id);
    std::string yaml = kHeader + kPatterns;
    yaml.replace(yaml.find("test/ok"), 7, id);
    const RuleLoadResult r = load(yaml);
    CHECK(diagnostics(r) == Strings{"t.yaml:2:5: error: rule id '" + std::string(id) +
                                    "' must look like category/kebab-name (e.g. text/typo) [rules[0].id]"});
    CHECK(r.rules.checks.empty());
  }
  for (const char* id : {"text/typo", "arith/t3-balance", "a1/b-2-c"}) {
    INFO(id);
    std::string yaml = kHeader + kPatterns;
    yaml.replace(yaml.find("test/ok"), 7, id);
    CHECK(diagnostics(load(yaml)) == Strings{});
  }
}

TEST_CASE("a duplicate rule id is an error naming the first definition", "[rules]") {
  SECTION("in one file") {
    const std::string rule = kHeader.substr(std::string("rules:\n").size()) + kPatterns;  // 7 lines
    const RuleLoadResult r = load("rules:\n" + rule + rule);
    CHECK(diagnostics(r) == Strings{"t.yaml:9:5: error: duplicate rule id 'test/ok' (already defined at t.yaml:2) "
                                    "[rules[1].id]"});
    CHECK(ruleIds(r.rules) == Strings{"test/ok"});
  }
  SECTION("across files") {
    const RuleLoadResult r = loadRuleFiles({{"a.yaml", kHeader + kPatterns}, {"b.yaml", kHeader + kPatterns}});
    CHECK(diagnostics(r) == Strings{"b.yaml:2:5: error: duplicate rule id 'test/ok' (already defined at a.yaml:2) "
                                    "[rules[0].id]"});
    CHECK(ruleIds(r.rules) == Strings{"test/ok"});
    CHECK(r.rules.find("test/ok")->info().mark.file == "a.yaml");
  }
}

TEST_CASE("an unknown kind lists the known kinds", "[rules]") {
  std::string yaml = kHeader + kPatterns;
  yaml.replace(yaml.find("forbidden-pattern"), 17, "regex");
  const RuleLoadResult r = load(yaml);
  REQUIRE_FALSE(r.errors.empty());
  CHECK(formatRuleDiagnostic(r.errors[0]) ==
        "t.yaml:3:5: error: unknown check kind 'regex' (known kinds: " + knownKinds() + ") [rules[0].kind]");
  CHECK(knownKinds().find("forbidden-pattern, required-pattern") != std::string::npos);
  CHECK(r.rules.checks.empty());
}

TEST_CASE("an unknown kind does not also report the kind's own keys as unknown", "[rules]") {
  // With the kind unknown, nobody knows which keys it takes: "unknown key 'patterns'" would
  // send the author after the wrong line.
  std::string yaml = kHeader + kPatterns;
  yaml.replace(yaml.find("forbidden-pattern"), 17, "regex");
  const RuleLoadResult r = load(yaml);
  CHECK(r.errors.size() == 1);
  for (const std::string& d : diagnostics(r)) CHECK(d.find("unknown key") == std::string::npos);
}

TEST_CASE("an unknown severity is an error", "[rules]") {
  std::string yaml = kHeader + kPatterns;
  yaml.replace(yaml.find("severity: info"), 14, "severity: fatal");
  const RuleLoadResult r = load(yaml);
  CHECK(diagnostics(r) == Strings{"t.yaml:4:5: error: unknown severity 'fatal' (use info, warning or error) "
                                  "[rules[0].severity]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("bad applies conditions are each reported at their key", "[rules]") {
  SECTION("every condition wrong") {
    const RuleLoadResult r = load(kHeader +
                                  "    applies:\n"                // 7
                                  "      template: gov-2030\n"    // 8
                                  "      year: \"2021-2022\"\n"   // 9
                                  "      format: odt \n"          // 10
                                  "      organ: village\n"        // 11
                                  "      level: county\n"         // 12
                                  + kPatterns);
    CHECK(diagnostics(r) ==
          Strings{
              "t.yaml:8:7: error: unknown template 'gov-2030' (use gov-2021, gov-2019 or old-2007) "
              "[rules[0].applies.template]",
              "t.yaml:9:7: error: bad year condition '2021-2022' (use 2021, \">=2021\", \"<=2020\" or 2019..2020) "
              "[rules[0].applies.year]",
              "t.yaml:10:7: error: unknown format 'odt' (use txt, md, html, docx or pdf) [rules[0].applies.format]",
              "t.yaml:11:7: error: unknown organ kind 'village' (use government, township or department) "
              "[rules[0].applies.organ]",
              "t.yaml:12:7: error: unknown key 'level' [rules[0].applies.level]",
          });
    CHECK(r.rules.checks.empty());
  }
  SECTION("not a mapping") {
    const RuleLoadResult r = load(kHeader + "    applies: gov-2021\n" + kPatterns);
    CHECK(diagnostics(r) == Strings{"t.yaml:7:14: error: 'applies' must be a mapping (template, year, format, organ) "
                                    "[rules[0].applies]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("every documented form is accepted") {
    struct Case {
      const char* applies;
      int minYear, maxYear;
    };
    for (const Case& c : {Case{"{year: 2021}", 2021, 2021}, Case{"{year: \">=2021\"}", 2021, 0},
                          Case{"{year: \"<=2020\"}", 0, 2020}, Case{"{year: 2019..2020}", 2019, 2020}}) {
      INFO(c.applies);
      const RuleLoadResult r = load(kHeader + "    applies: " + c.applies + "\n" + kPatterns);
      CHECK(diagnostics(r) == Strings{});
      REQUIRE(r.rules.checks.size() == 1);
      CHECK(r.rules.checks[0]->info().applies.minYear == c.minYear);
      CHECK(r.rules.checks[0]->info().applies.maxYear == c.maxYear);
    }
    const RuleLoadResult r = load(kHeader +
                                  "    applies: {template: [gov-2021, gov-2019], format: [txt, md], organ: department}\n" +
                                  kPatterns);
    CHECK(diagnostics(r) == Strings{});
    REQUIRE(r.rules.checks.size() == 1);
    const Applicability& a = r.rules.checks[0]->info().applies;
    CHECK(a.templates == std::vector<TemplateId>{TemplateId::Gov2021, TemplateId::Trial2019});
    CHECK(a.formats == std::vector<DocumentFormat>{DocumentFormat::Text, DocumentFormat::Markdown});
    CHECK(a.organ == OrganKind::Department);
  }
}

TEST_CASE("a message placeholder the kind does not provide is an error", "[rules]") {
  std::string yaml = kHeader + kPatterns;
  yaml.replace(yaml.find("{match}"), 7, "{name}");
  const RuleLoadResult r = load(yaml);
  CHECK(diagnostics(r) == Strings{"t.yaml:6:5: error: placeholder {name} is not provided by kind 'forbidden-pattern' "
                                  "(it provides {match}, {replacement}) [rules[0].message]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("a bad scope is an error", "[rules]") {
  for (const char* scope : {"chapter", "section:", "Section:overview", "sections"}) {
    INFO(scope);
    const RuleLoadResult r = load(kHeader + "    scope: \"" + scope + "\"\n" + kPatterns);
    CHECK(diagnostics(r) == Strings{"t.yaml:7:5: error: unknown scope '" + std::string(scope) +
                                    "' (use document, preamble, title or section:<key>) [rules[0].scope]"});
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("a scope naming a section of the outline loads", "[rules]") {
  const RuleLoadResult r = loadWithOutline(kHeader + "    scope: section:problems\n" + kPatterns);
  CHECK(diagnostics(r) == Strings{});
  CHECK(ruleIds(r.rules) == Strings{"test/ok"});
}

TEST_CASE("a scope naming an unknown section is located at the scope's value", "[rules]") {
  const RuleLoadResult r = loadWithOutline(kHeader + "    scope: section:nope\n" + kPatterns);
  CHECK(diagnostics(r) == Strings{"t.yaml:7:12: error: section 'nope' is not in the outline (known sections: overview, "
                                  "active, requests, review, problems, other) [rules[0].scope]"});
}

TEST_CASE("a rule whose scope names an unknown section is left out", "[rules]") {
  // RuleSet.h: "A rule that has errors is left out".
  const RuleLoadResult r = loadWithOutline(kHeader + "    scope: section:nope\n" + kPatterns);
  CHECK(r.errors.size() == 1);
  CHECK(r.rules.find("test/ok") == nullptr);
}

TEST_CASE("forbidden-pattern needs patterns", "[rules]") {
  SECTION("none given") {
    const RuleLoadResult r = load(kHeader);
    CHECK(diagnostics(r) ==
          Strings{"t.yaml:2:5: error: a forbidden-pattern rule needs 'patterns' or 'swap' [rules[0].patterns]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("not a list") {
    const RuleLoadResult r = load(kHeader + "    patterns: '设量'\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:7:15: error: 'patterns' must be a list of {pattern, capture, replace, map} "
                                    "[rules[0].patterns]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("an entry without a pattern") {
    const RuleLoadResult r = load(kHeader + "    patterns:\n      - capture: 1\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:8:9: error: each pattern needs a 'pattern' string [rules[0].patterns[0]]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("an empty list") {
    const RuleLoadResult r = load(kHeader + "    patterns: []\n");
    CHECK(diagnostics(r) ==
          Strings{"t.yaml:7:5: error: a forbidden-pattern rule needs 'patterns' or 'swap' [rules[0].patterns]"});
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("a capture group out of range is an error", "[rules]") {
  for (const char* capture : {"2", "-2"}) {
    INFO(capture);
    const RuleLoadResult r = load(kHeader +
                                  "    patterns:\n"                 // 7
                                  "      - pattern: '设(量)'\n"     // 8
                                  "        capture: " + capture + "\n");  // 9
    CHECK(diagnostics(r) == Strings{"t.yaml:9:9: error: capture group " + std::string(capture) +
                                    " does not exist in the pattern (it has 1) [rules[0].patterns[0].capture]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("capture: any and an existing group load") {
    CHECK(diagnostics(load(kHeader + "    patterns:\n      - {pattern: '设(量)', capture: any}\n")) == Strings{});
    CHECK(diagnostics(load(kHeader + "    patterns:\n      - {pattern: '设(量)', capture: 1}\n")) == Strings{});
  }
  SECTION("not a number") {
    const RuleLoadResult r = load(kHeader + "    patterns:\n      - pattern: '设(量)'\n        capture: first\n");
    CHECK(diagnostics(r) ==
          Strings{"t.yaml:9:18: error: 'capture' must be a whole number [rules[0].patterns[0].capture]"});
  }
}

TEST_CASE("a bad replacement rewrite is an error", "[rules]") {
  SECTION("group out of range") {
    const RuleLoadResult r = load(kHeader +
                                  "    patterns:\n"
                                  "      - pattern: '设(量)'\n"
                                  "        replace: '\\2'\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:9:9: error: bad replacement: Rewrite schema requests 2 matches, but the "
                                    "regexp only has 1 parenthesized subexpressions. [rules[0].patterns[0].replace]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("trailing backslash") {
    const RuleLoadResult r = load(kHeader +
                                  "    patterns:\n"
                                  "      - pattern: '设(量)'\n"
                                  "        replace: '设\\'\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:9:9: error: bad replacement: Rewrite schema error: '\\' not allowed at "
                                    "end. [rules[0].patterns[0].replace]"});
    CHECK(r.rules.checks.empty());
  }
}

namespace {

const std::string kRequiredHeader =
    "rules:\n"                          // 1
    "  - id: test/req\n"                // 2
    "    kind: required-pattern\n"      // 3
    "    severity: warning\n"           // 4
    "    summary: 测试规则\n"           // 5
    "    message: \"缺少{name}\"\n";    // 6

}  // namespace

TEST_CASE("a required item needs exactly one of pattern and together", "[rules]") {
  for (const char* item : {"      - name: 电话\n"                        // 8
                           "        pattern: '电话'\n"                   // 9
                           "        together: ['电话', '\\d+']\n",       // 10
                           "      - name: 电话\n"}) {
    INFO(item);
    const RuleLoadResult r = load(kRequiredHeader + "    require:\n" + item);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].mark.line == 8);
    CHECK(r.errors[0].mark.column == 9);
    CHECK(r.errors[0].message == "give exactly one of 'pattern' or 'together'");
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("a diagnostic about a whole list item names the item without a trailing dot", "[rules]") {
  SECTION("required item") {
    const RuleLoadResult r = load(kRequiredHeader + "    require:\n      - name: 电话\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:8:9: error: give exactly one of 'pattern' or 'together' [rules[0].require[0]]"});
  }
  SECTION("rule") {
    const RuleLoadResult r = load("rules:\n  - just a string\n");
    CHECK(diagnostics(r) == Strings{"t.yaml:2:5: error: each rule must be a mapping with id, kind, severity, summary "
                                    "and message [rules[0]]"});
  }
}

TEST_CASE("a required-pattern rule without require is located at the rule", "[rules]") {
  const RuleLoadResult r = load(kRequiredHeader);
  CHECK(diagnostics(r) == Strings{"t.yaml:2:5: error: a required-pattern rule needs 'require': a list of {name, "
                                  "pattern} or {name, together: [...]} [rules[0].require]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("a non-string item in together is an error, not an empty pattern", "[rules]") {
  // An empty pattern matches everywhere, so the requirement would silently always hold.
  const RuleLoadResult r = load(kRequiredHeader +
                                "    require:\n"
                                "      - name: 电话\n"
                                "        together: ['tel', [0451]]\n");
  CHECK(diagnostics(r) == Strings{"t.yaml:9:27: error: every item of 'together' must be a regular expression string "
                                  "[rules[0].require[0].together]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("rule diagnostic columns count code points, like every position the CLI prints", "[rules]") {
  // DESIGN.md §2: the CLI prints 1-based line:column in code points. yaml-cpp marks count
  // bytes, so a Chinese name before the error moves the column: 电话 is 2 code points, 6 bytes.
  const RuleLoadResult r = load(kHeader +
                                "    patterns:\n"                               // 7
                                "      - {name: 电话, pattern: '(a)\\1'}\n");  // 8: the value opens at code point 29
  REQUIRE(r.errors.size() >= 1);
  CHECK(r.errors[0].mark.line == 8);
  CHECK(r.errors[0].mark.column == 29);
}

TEST_CASE("hostile patterns are rejected with RE2's reason, never run", "[rules]") {
  const std::string re2Note =
      " (gklint uses RE2, which has no lookaround or backreferences, so that every pattern runs in linear time; "
      "rewrite the pattern with alternatives or capture groups)";
  auto withPattern = [&](const std::string& pattern) {
    return load(kHeader + "    patterns:\n      - pattern: '" + pattern + "'\n");  // value at 8:18
  };
  SECTION("backreference") {
    const RuleLoadResult r = withPattern("(a)\\1");
    CHECK(diagnostics(r) == Strings{"t.yaml:8:18: error: invalid pattern /(a)\\1/: invalid escape sequence: \\1" +
                                    re2Note + " [rules[0].patterns[0].pattern]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("lookbehind") {
    const RuleLoadResult r = withPattern("(?<=公开)设量");
    CHECK(diagnostics(r) == Strings{"t.yaml:8:18: error: invalid pattern /(?<=公开)设量/: invalid perl operator: (?<" +
                                    re2Note + " [rules[0].patterns[0].pattern]"});
    CHECK(r.rules.checks.empty());
  }
  SECTION("lookahead") {
    const RuleLoadResult r = withPattern("设量(?=栏目)");
    CHECK(diagnostics(r) == Strings{"t.yaml:8:18: error: invalid pattern /设量(?=栏目)/: invalid perl operator: (?=" +
                                    re2Note + " [rules[0].patterns[0].pattern]"});
  }
  SECTION("plain syntax error") {
    const RuleLoadResult r = withPattern("设(量");
    CHECK(diagnostics(r) ==
          Strings{"t.yaml:8:18: error: invalid pattern /设(量/: missing ): 设(量 [rules[0].patterns[0].pattern]"});
  }
  SECTION("in a required-pattern together list") {
    const RuleLoadResult r = load(kRequiredHeader +
                                  "    require:\n"                                 // 7
                                  "      - name: 电话\n"                           // 8
                                  "        together: ['电话', '(\\d)\\1']\n");     // 9
    CHECK(diagnostics(r) == Strings{"t.yaml:9:19: error: invalid pattern /(\\d)\\1/: invalid escape sequence: \\1" +
                                    re2Note + " [rules[0].require[0].together]"});
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("patterns over the memory budget are rejected as too large, quickly", "[rules]") {
  const std::string tooLarge = " (the pattern needs more than 8 MiB once compiled; simplify its repetitions)";
  for (const char* pattern : {"[\\p{L}\\p{N}]{1000}", "(\\pL{50}){20}", "\\p{L}{1000}\\p{L}{1000}"}) {
    INFO(pattern);
    const auto start = std::chrono::steady_clock::now();
    const RuleLoadResult r = load(kHeader + "    patterns:\n      - pattern: '" + pattern + "'\n");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5.0);
    CHECK(diagnostics(r) == Strings{"t.yaml:8:18: error: invalid pattern /" + std::string(pattern) +
                                    "/: pattern too large - compile failed" + tooLarge +
                                    " [rules[0].patterns[0].pattern]"});
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("nested huge repetitions are rejected, quickly", "[rules]") {
  for (const char* pattern : {"((a{100}){100}){100}", "(\\p{L}{1000}){1000}"}) {
    INFO(pattern);
    const auto start = std::chrono::steady_clock::now();
    const RuleLoadResult r = load(kHeader + "    patterns:\n      - pattern: '" + pattern + "'\n");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5.0);
    REQUIRE(r.errors.size() == 1);
    CHECK(formatRuleDiagnostic(r.errors[0]).rfind("t.yaml:8:18: error: invalid pattern /" + std::string(pattern) +
                                                      "/: invalid repetition size: {",
                                                  0) == 0);
    CHECK(r.rules.checks.empty());
  }
}

TEST_CASE("nested huge repetitions are explained as too large", "[rules]") {
  // RE2 says "invalid repetition size: {100}" (ErrorRepeatSize) although {100} alone is fine:
  // it is the product 100*100*100 that exceeds RE2's limit of 1000. The rule author needs the
  // same advice as for ErrorPatternTooLarge.
  const RuleLoadResult r = load(kHeader + "    patterns:\n      - pattern: '((a{100}){100}){100}'\n");
  REQUIRE(r.errors.size() == 1);
  INFO(r.errors[0].message);
  CHECK(r.errors[0].message.find("simplify its repetitions") != std::string::npos);
}

TEST_CASE("title-format rejects a pattern that is not a string", "[rules]") {
  const RuleLoadResult r = load(
      "rules:\n"
      "  - id: test/title\n"
      "    kind: title-format\n"
      "    severity: warning\n"
      "    summary: 测试规则\n"
      "    message: \"{detail}\"\n"
      "    pattern: [a, b]\n");
  CHECK(diagnostics(r) == Strings{"t.yaml:7:14: error: 'pattern' must be a string (a regular expression the whole "
                                  "title must match) [rules[0].pattern]"});
  CHECK(r.rules.checks.empty());
}

TEST_CASE("a valid rule loads beside a broken one, the broken one does not", "[rules]") {
  const RuleLoadResult r = load(
      "rules:\n"                               // 1
      "  - id: test/broken\n"                  // 2
      "    kind: forbidden-pattern\n"          // 3
      "    severity: info\n"                   // 4
      "    summary: 坏规则\n"                  // 5
      "    message: \"{match}\"\n"             // 6
      "    patterns:\n"                        // 7
      "      - pattern: '(a)\\1'\n"            // 8
      "  - id: test/good\n"                    // 9
      "    kind: forbidden-pattern\n"          // 10
      "    severity: info\n"                   // 11
      "    summary: 好规则\n"                  // 12
      "    message: \"{match}\"\n"             // 13
      "    patterns:\n"                        // 14
      "      - pattern: '设量'\n"              // 15
      "  - id: test/broken-kind\n"             // 16
      "    kind: nope\n"                       // 17
      "    severity: info\n"                   // 18
      "    summary: 坏规则\n"                  // 19
      "    message: \"{match}\"\n");           // 20
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].mark.line == 8);
  CHECK(r.errors[0].key == "rules[0].patterns[0].pattern");
  CHECK(r.errors[1].mark.line == 17);
  CHECK(r.errors[1].key == "rules[2].kind");
  CHECK(ruleIds(r.rules) == Strings{"test/good"});
}

TEST_CASE("outline entries are validated", "[rules]") {
  const RuleLoadResult r = load(
      "outline:\n"                         // 1
      "  - key: overview\n"                // 2
      "    number: one\n"                  // 3
      "    title: 总体情况\n"              // 4
      "  - key: active\n"                  // 5
      "    title: 主动公开政府信息情况\n"  // 6
      "    keywords: [主动公开]\n"         // 7
      "    colour: red\n");                // 8
  CHECK(diagnostics(r) == Strings{
                              "t.yaml:3:13: error: 'number' must be a whole number [outline[0].number]",
                              "t.yaml:2:5: error: an outline section needs at least one keyword [outline[0].keywords]",
                              "t.yaml:8:5: error: unknown key 'colour' [outline[1].colour]",
                          });
}

TEST_CASE("the built-in packs load without errors", "[rules][builtin]") {
  const RuleLoadResult r = loadBuiltinRules();
  CHECK(diagnostics(r) == Strings{});
  CHECK_FALSE(r.rules.checks.empty());
}

TEST_CASE("the built-in packs ship every catalogued structure/, content/ and text/ rule", "[rules][builtin]") {
  // /work/shared/CHECKS.md; content/township-rules needs table binding and is not built in yet.
  const Strings catalogue = {
      "structure/section-missing", "structure/section-order",   "structure/section-title",
      "structure/heading-numbering", "structure/subheading-style", "structure/title-format",
      "structure/section-empty",   "content/period-missing",    "content/period-invalid",
      "content/year-mismatch",     "content/contact-missing",   "content/publication-missing",
      "content/fee-statement",     "content/overview-topics",   "content/assessment-results",
      "content/improvements",      "content/relative-time",     "content/legal-basis",
      "text/halfwidth-punct",      "text/cjk-spacing",          "text/markup-residue",
      "text/stray-punct",          "text/approx-exact",         "text/typo",
      "text/phone-format",
  };
  const RuleLoadResult r = loadBuiltinRules();
  for (const std::string& id : catalogue) {
    INFO(id);
    CHECK(r.rules.find(id) != nullptr);
  }
}

TEST_CASE("every built-in rule is documented and cites its source", "[rules][builtin]") {
  const RuleLoadResult r = loadBuiltinRules();
  Strings ids;
  for (const auto& check : r.rules.checks) {
    const RuleInfo& info = check->info();
    INFO(info.id);
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.description.empty());
    CHECK_FALSE(info.source.empty());
    CHECK(info.mark.file.rfind("builtin:gov/", 0) == 0);
    CHECK(info.mark.line > 0);
    ids.push_back(info.id);
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("the built-in outline has the six sections in order", "[rules][builtin]") {
  const RuleLoadResult r = loadBuiltinRules();
  Strings keys;
  for (const OutlineSection& s : r.rules.outline.sections) keys.push_back(s.key);
  CHECK(keys == Strings{"overview", "active", "requests", "review", "problems", "other"});
}

TEST_CASE("every check kind has a summary and a factory, and is used or documented", "[rules][kinds]") {
  const RuleLoadResult builtin = loadBuiltinRules();
  const std::filesystem::path docs = std::filesystem::path(GKLINT_TEST_DIR) / ".." / "docs" / "checks";
  REQUIRE(checkKinds().size() >= 11);
  for (const CheckKind& kind : checkKinds()) {
    INFO(kind.name);
    CHECK_FALSE(kind.summary.empty());
    CHECK_FALSE(kind.className.empty());
    CHECK(kind.create != nullptr);
    CHECK(findCheckKind(kind.name) == &kind);
    const bool used = std::any_of(builtin.rules.checks.begin(), builtin.rules.checks.end(),
                                  [&](const auto& c) { return c->info().kind == kind.name; });
    const bool documented = std::filesystem::exists(docs / (std::string(kind.name) + ".md"));
    CHECK((used || documented));
  }
  CHECK(findCheckKind("regex") == nullptr);
}

TEST_CASE("a relation limited to one format is checked against that format's templates only", "[rules][relation]") {
  // R22 (（六）2. 逾期未缴费) exists only in the 2021 template of 表三.
  auto withBuiltins = [](const std::string& yaml) {
    std::vector<RuleFile> files = builtinRuleFiles();
    files.push_back({"t.yaml", yaml});
    return loadRuleFiles(files);
  };
  auto rule = [](const std::string& format) {
    return "rules:\n"
           "  - id: local/t3-r22\n"
           "    kind: relation\n"
           "    severity: warning\n"
           "    summary: 测试\n"
           "    message: \"{where}\"\n" +
           (format.empty() ? std::string() : "    applies: {template: " + format + "}\n") +
           "    table: t3\n"
           "    assert: R22 <= R24\n";
  };
  const RuleLoadResult only2021 = withBuiltins(rule("gov-2021"));
  CHECK(diagnostics(only2021) == Strings{});
  CHECK(only2021.rules.find("local/t3-r22") != nullptr);

  const RuleLoadResult anyFormat = withBuiltins(rule(""));  // no applies line: the assert is on line 8
  CHECK(diagnostics(anyFormat) ==
        Strings{"t.yaml:8:13: error: relation 'R22 <= R24' names 'R22', which template gov-2019/t3 does not define [local/t3-r22]"});

  const RuleLoadResult onlyTrial = withBuiltins(rule("gov-2019"));
  CHECK(diagnostics(onlyTrial) ==
        Strings{"t.yaml:9:13: error: relation 'R22 <= R24' names 'R22', which template gov-2019/t3 does not define [local/t3-r22]"});
  CHECK(onlyTrial.rules.find("local/t3-r22") == nullptr);
}

TEST_CASE("the built-in packs load cleanly with every pattern compiled at load as for a user file", "[rules]") {
  // loadBuiltinRules() trusts its own packs and compiles their patterns on first use; under
  // another name the same files are validated as a user's would be (captures, rewrites, syntax).
  std::vector<RuleFile> files = builtinRuleFiles(RuleExamples::Skip);
  for (RuleFile& file : files) file.name = "rules/" + file.name.substr(file.name.find(':') + 1);
  const RuleLoadResult validated = loadRuleFiles(files);
  for (const RuleDiagnostic& d : validated.errors) UNSCOPED_INFO(formatRuleDiagnostic(d));
  CHECK(validated.errors.empty());
  const RuleLoadResult trusted = loadBuiltinRules(RuleExamples::Skip);
  CHECK(trusted.errors.empty());
  CHECK(trusted.rules.checks.size() == validated.rules.checks.size());
  CHECK(trusted.rules.checks.size() > 40);
}
