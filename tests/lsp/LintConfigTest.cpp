// Tests for .gklint.yaml in the Language Server: discovery of the nearest config, the settings
// layered over it, configPath, config problems published on the config file (from its open
// buffer or the disk) with the last good config serving, re-linting on edits and watched
// changes, and `ignore`.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lsp/Uri.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;
namespace fs = std::filesystem;

namespace {

const char* kSeed002 = "002_093c900e5eacee9f.txt";

// Seed 002 numbers four of its level-1 headings 1、4、5、6、.
const std::vector<std::string> kHeadingNumbering = {
    "5:1: error: 一级标题编号“1、”应为“一、” [structure/heading-numbering]",
    "362:1: error: 一级标题编号“4、”应为“四、” [structure/heading-numbering]",
    "417:1: error: 一级标题编号“5、”应为“五、” [structure/heading-numbering]",
    "421:1: error: 一级标题编号“6、”应为“六、” [structure/heading-numbering]",
};

const std::string kOnlyHeadingNumbering = "rules:\n  \"*\": off\n  structure/heading-numbering: error\n";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("gklint-lsp-config-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
  }
  std::string uri(const std::string& name) const { return gklint::lsp::pathToUri((path / name).string()); }
};

std::string render(const json& d) {
  static const char* kSeverity[] = {"", "error", "warning", "info", "hint"};
  std::string out = std::to_string(d["range"]["start"]["line"].get<int>() + 1) + ":" +
                    std::to_string(d["range"]["start"]["character"].get<int>() + 1) + ": " +
                    kSeverity[d["severity"].get<int>()] + ": " + d["message"].get<std::string>();
  if (d.contains("code")) out += " [" + d["code"].get<std::string>() + "]";
  return out;
}

std::vector<std::string> renderAll(const json& diagnostics) {
  std::vector<std::string> out;
  for (const json& d : diagnostics) out.push_back(render(d));
  return out;
}

std::vector<std::string> withSeverity(std::vector<std::string> lines, const std::string& from, const std::string& to) {
  for (std::string& l : lines) l.replace(l.find(from), from.size(), to);
  return lines;
}

json fullChange(const std::string& text) { return json::array({{{"text", text}}}); }

json watched(const fs::path& file, int type = 2) {
  return {{"changes", json::array({{{"uri", gklint::lsp::pathToUri(file.string())}, {"type", type}}})}};
}

}  // namespace

TEST_CASE("the nearest .gklint.yaml above a report governs it", "[lsp][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", kOnlyHeadingNumbering);
  dir.write("quiet/.gklint.yaml", "rules:\n  \"*\": off\n");
  const std::string report = readFile(seedPath(kSeed002));
  TestClient client;
  client.initialize();
  client.open(dir.uri("2021/sub/002.txt"), report);
  client.open(dir.uri("quiet/deeper/002.txt"), report);
  client.open("file:///reports/002.txt", report);  // no config above it: the built-in severities
  CHECK(renderAll(client.lastPublished(dir.uri("2021/sub/002.txt"))["diagnostics"]) == kHeadingNumbering);
  // The nearest file wins; configs are not merged without `extends`.
  CHECK(client.lastPublished(dir.uri("quiet/deeper/002.txt"))["diagnostics"].empty());
  CHECK(client.lastPublished("file:///reports/002.txt")["diagnostics"].size() == 23);
}

TEST_CASE("settings are layered over the .gklint.yaml, and configPath replaces discovery", "[lsp][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", kOnlyHeadingNumbering);
  dir.write("elsewhere/strict.yaml", "rules:\n  \"*\": off\n  content/year-mismatch: error\nyear: 2021\n");
  const std::string doc = dir.uri("002.txt");
  TestClient client;
  // Severities from the settings come after the config's `rules:`, rule ids after globs.
  client.initialize(TestClient::defaultCapabilities(),
                    {{"severities", {{"structure/heading-numbering", "info"}, {"structure/*", "off"}}}});
  client.open(doc, readFile(seedPath(kSeed002)));
  CHECK(renderAll(client.lastPublished(doc)["diagnostics"]) == withSeverity(kHeadingNumbering, "error", "info"));

  // An explicit configPath is used instead of the nearest file; its year (2021, against the
  // title's 2022) makes the year mismatch.
  const std::string strict = (dir.path / "elsewhere/strict.yaml").string();
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"configPath", strict}}}}}});
  const json mismatch = client.lastPublished(doc)["diagnostics"];
  REQUIRE_FALSE(mismatch.empty());
  for (const json& d : mismatch) CHECK(d["code"] == "content/year-mismatch");
  // The settings' year wins over the config's.
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"gklint", {{"configPath", strict}, {"year", 2022}}}}}});
  CHECK(client.lastPublished(doc)["diagnostics"].empty());
  // Without configPath, discovery again.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", json::object()}}}});
  CHECK(renderAll(client.lastPublished(doc)["diagnostics"]) == kHeadingNumbering);
}

TEST_CASE("config problems are published on the .gklint.yaml and the last good config keeps serving", "[lsp][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", kOnlyHeadingNumbering);
  const std::string doc = dir.uri("002.txt");
  const std::string config = dir.uri(".gklint.yaml");
  TestClient client;
  client.initialize();
  client.open(config, kOnlyHeadingNumbering, "yaml");
  client.open(doc, readFile(seedPath(kSeed002)));
  REQUIRE(renderAll(client.lastPublished(doc)["diagnostics"]) == kHeadingNumbering);
  const size_t reportPublishes = client.published(doc).size();

  // Unsaved edits in the open buffer count: a misspelt severity after a CJK key (columns in
  // UTF-16 code units, not bytes), a rule that does not exist, an unreadable rule path.
  client.change(config, 2,
                fullChange("rules:\n  \"*\": off\n  structure/heading-numbering: warning\n  结构/标题: eror\n"
                           "rule_paths: [missing-rules]\n"));
  CHECK(renderAll(client.lastPublished(config)["diagnostics"]) ==
        std::vector<std::string>{
            "4:10: error: severity of '结构/标题' must be off, info, warning or error [rules.结构/标题]",
            "5:1: error: cannot read rule file or folder '" + (dir.path / "missing-rules").string() +
                "' [rule_paths]",
        });
  CHECK(client.notifications("window/showMessage").back()["message"] ==
        "gklint: 2 problem(s) in " + (dir.path / ".gklint.yaml").string() +
            " or the files it names; the last good configuration stays in use until they are fixed");
  // The last good config keeps serving: nothing changed for the report.
  CHECK(client.published(doc).size() == reportPublishes);

  // Fixed: the problems clear and the report is linted under the new config.
  client.change(config, 3, fullChange("rules:\n  \"*\": off\n  structure/heading-numbering: warning\n  text/typoo: off\n"));
  CHECK(renderAll(client.lastPublished(config)["diagnostics"]) ==
        std::vector<std::string>{"4:3: error: 'text/typoo' matches no rule (gklint rules list shows every id; globs "
                                 "look like text/*) [rules.text/typoo]"});
  client.change(config, 4, fullChange("rules:\n  \"*\": off\n  structure/heading-numbering: warning\n"));
  CHECK(client.lastPublished(config)["diagnostics"].empty());
  CHECK(renderAll(client.lastPublished(doc)["diagnostics"]) == withSeverity(kHeadingNumbering, "error", "warning"));

  // Closed, the buffer no longer counts: the disk's version (errors) serves again.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", config}}}});
  CHECK(renderAll(client.lastPublished(doc)["diagnostics"]) == kHeadingNumbering);
}

TEST_CASE("a YAML syntax error in a .gklint.yaml on disk is located, and malformed configs never crash", "[lsp][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", "rules: [unclosed\n");
  const std::string doc = dir.uri("002.txt");
  TestClient client;
  client.initialize();
  client.open(doc, readFile(seedPath(kSeed002)));
  const json problems = client.lastPublished(dir.uri(".gklint.yaml"))["diagnostics"];
  REQUIRE(problems.size() == 1);
  CHECK(problems[0]["message"].get<std::string>().rfind("YAML syntax error: ", 0) == 0);
  // No good config before it: the rest (here: nothing) applies, the report is still linted.
  CHECK(client.lastPublished(doc)["diagnostics"].size() == 23);
  for (const char* text : {"", "- a\n- b\n", "rules: 3\n", "extends: .gklint.yaml\n", "rules:\n  ? [a]\n  : b\n",
                           "year: abc\n", "ignore: {a: b}\n", "\xff\xfe\n"}) {
    dir.write(".gklint.yaml", text);
    client.notify("workspace/didChangeWatchedFiles", watched(dir.path / ".gklint.yaml"));
    CHECK_FALSE(client.lastPublished(doc).is_null());
  }
}

TEST_CASE("watched changes to a .gklint.yaml re-lint the documents it governs", "[lsp][config]") {
  TempDir dir;
  const std::string doc = dir.uri("a/002.txt");
  TestClient client;
  client.initialize();
  client.open(doc, readFile(seedPath(kSeed002)));
  REQUIRE(client.lastPublished(doc)["diagnostics"].size() == 23);

  // A new config above the report takes effect when the watcher reports it.
  dir.write(".gklint.yaml", kOnlyHeadingNumbering);
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / ".gklint.yaml", 1));
  CHECK(renderAll(client.lastPublished(doc)["diagnostics"]) == kHeadingNumbering);

  // A rule file it names, changed on disk.
  dir.write("local/rules.yaml", "rules: []\n");
  dir.write(".gklint.yaml", kOnlyHeadingNumbering + "  local/*: warning\nrule_paths: [local]\n");
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / ".gklint.yaml"));
  CHECK(renderAll(client.lastPublished(dir.uri(".gklint.yaml"))["diagnostics"]) ==
        std::vector<std::string>{"4:3: error: 'local/*' matches no rule (gklint rules list shows every id; globs look "
                                 "like text/*) [rules.local/*]"});
  dir.write("local/rules.yaml", R"(rules:
  - id: local/township
    kind: forbidden-pattern
    severity: error
    summary: 测试
    message: "不要写“{match}”"
    patterns:
      - pattern: '一平垣乡'
)");
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / "local/rules.yaml"));
  CHECK(client.lastPublished(dir.uri(".gklint.yaml"))["diagnostics"].empty());
  const json diagnostics = client.lastPublished(doc)["diagnostics"];
  CHECK(std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const json& d) { return d["code"] == "local/township" && d["severity"] == 2; }) > 0);

  // Deleted: the built-in severities again; an unrelated YAML file changes nothing.
  fs::remove(dir.path / ".gklint.yaml");
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / ".gklint.yaml", 3));
  CHECK(client.lastPublished(doc)["diagnostics"].size() == 23);
  const size_t before = client.published(doc).size();
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / "other.yaml"));
  CHECK(client.published(doc).size() == before);
}

TEST_CASE("a report matched by an ignore glob gets no diagnostics", "[lsp][config]") {
  TempDir dir;
  dir.write(".gklint.yaml", "ignore:\n  - drafts/**\n");
  const std::string report = readFile(seedPath(kSeed002));
  TestClient client;
  client.initialize();
  client.open(dir.uri("drafts/2021/002.txt"), report);
  client.open(dir.uri("final/002.txt"), report);
  CHECK(client.lastPublished(dir.uri("drafts/2021/002.txt"))["diagnostics"].empty());
  CHECK(client.lastPublished(dir.uri("final/002.txt"))["diagnostics"].size() == 23);
  // Pull diagnostics agree.
  const json pulled = client.request("textDocument/diagnostic",
                                     {{"textDocument", {{"uri", dir.uri("drafts/2021/002.txt")}}}})["result"];
  CHECK(pulled["items"].empty());
}

TEST_CASE("a config's problems are cleared once no open document uses it, kept while the config is open",
          "[lsp][config]") {
  TempDir dir;
  const std::string broken = "rules:\n  structure/heading-numbering: eror\n";
  dir.write("a/.gklint.yaml", broken);
  const std::string docA = dir.uri("a/002.txt");
  const std::string docB = dir.uri("b/002.txt");
  const std::string config = dir.uri("a/.gklint.yaml");
  const std::vector<std::string> problem = {
      "2:32: error: severity of 'structure/heading-numbering' must be off, info, warning or error "
      "[rules.structure/heading-numbering]"};
  TestClient client;
  client.initialize();
  client.open(docA, readFile(seedPath(kSeed002)));
  client.open(docB, readFile(seedPath(kSeed002)));
  REQUIRE(renderAll(client.lastPublished(config)["diagnostics"]) == problem);

  // The other report's config (none) is still in use; a/.gklint.yaml no longer is.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", docA}}}});
  CHECK(client.lastPublished(config)["diagnostics"].empty());
  CHECK(client.lastPublished(docB)["diagnostics"].size() == 23);

  // Opened again: published again. With the config open in the editor, its problems stay
  // after the report closes, and go when the config closes too.
  client.open(docA, readFile(seedPath(kSeed002)));
  CHECK(renderAll(client.lastPublished(config)["diagnostics"]) == problem);
  client.open(config, broken, "yaml");
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", docA}}}});
  CHECK(renderAll(client.lastPublished(config)["diagnostics"]) == problem);
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", config}}}});
  CHECK(client.lastPublished(config)["diagnostics"].empty());
}
