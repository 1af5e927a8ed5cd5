// Tests for rule configuration in the Language Server: extra rule folders and files, the year
// override, reloading on watched-file changes and saves, diagnostics on broken rule files, and
// the last good rule set serving meanwhile.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "lsp/Uri.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;
namespace fs = std::filesystem;

namespace {

const char* kSeed002 = "002_093c900e5eacee9f.txt";
const std::string kDoc = "file:///reports/002.txt";

const std::string kGoodRule = R"(rules:
  - id: local/vague-basis
    kind: forbidden-pattern
    severity: error
    summary: 只写“有关规定”而未写明具体规定
    message: "请写明具体规定，不要只写“{match}”"
    source: 本单位审核要求
    description: 测试用的本地规则。
    patterns:
      - pattern: '有关规定'
)";

// The same rule with a misspelt kind on line 3.
const std::string kBrokenRule = R"(rules:
  - id: local/vague-basis
    kind: forbiden-pattern
    severity: error
    summary: 只写“有关规定”而未写明具体规定
    message: "请写明具体规定"
    patterns:
      - pattern: '有关规定'
)";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("gklint-lsp-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path / "rules");
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
  }
};

std::vector<json> withCode(const json& diagnostics, const std::string& code) {
  std::vector<json> out;
  for (const json& d : diagnostics) {
    if (d.value("code", "") == code) out.push_back(d);
  }
  return out;
}

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json watched(const fs::path& file, int type = 2) {
  return {{"changes", json::array({{{"uri", gklint::lsp::pathToUri(file.string())}, {"type", type}}})}};
}

}  // namespace

TEST_CASE("a rule folder from initializationOptions adds rules after the built-in packs", "[lsp][rules]") {
  TempDir dir;
  dir.write("rules/local.yaml", kGoodRule);
  TestClient client;
  // Relative folders resolve against the workspace root.
  client.initialize(TestClient::defaultCapabilities(), {{"ruleFolders", {"rules"}}},
                    gklint::lsp::pathToUri(dir.path.string()));
  client.open(kDoc, readFile(seedPath(kSeed002)));
  std::vector<json> local = withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis");
  REQUIRE(local.size() == 1);
  CHECK(local[0]["range"] == range(5, 53, 5, 57));
  CHECK(local[0]["severity"] == 1);
  CHECK(local[0]["message"] == "请写明具体规定，不要只写“有关规定”");
  // Hover explains the local rule too.
  json hover = client.request("textDocument/hover", {{"textDocument", {{"uri", kDoc}}},
                                                     {"position", {{"line", 5}, {"character", 54}}}})["result"];
  CHECK(hover["contents"]["value"] ==
        "**只写“有关规定”而未写明具体规定**\n\n测试用的本地规则。\n\n依据：本单位审核要求\n\n`local/vague-basis` · error");
}

TEST_CASE("a broken rule file gets diagnostics at its line and the last good rules keep serving", "[lsp][rules]") {
  TempDir dir;
  const fs::path file = dir.path / "rules" / "local.yaml";
  dir.write("rules/local.yaml", kGoodRule);
  TestClient client;
  client.initialize(TestClient::defaultCapabilities(), {{"ruleFolders", {(dir.path / "rules").string()}}});
  client.open(kDoc, readFile(seedPath(kSeed002)));
  REQUIRE(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);

  // Break the file: the watcher reports it, the YAML file gets an error at line 3.
  dir.write("rules/local.yaml", kBrokenRule);
  client.notify("workspace/didChangeWatchedFiles", watched(file));
  const std::string yamlUri = gklint::lsp::pathToUri(file.string());
  json problems = client.lastPublished(yamlUri)["diagnostics"];
  INFO(problems.dump());
  REQUIRE_FALSE(problems.empty());
  CHECK(problems[0]["range"] == range(2, 4, 2, 26));
  CHECK(problems[0]["severity"] == 1);
  CHECK(problems[0]["source"] == "gklint");
  CHECK(problems[0]["message"].get<std::string>().rfind("unknown check kind 'forbiden-pattern' (known kinds: ", 0) == 0);
  for (const json& p : problems) CHECK(p["range"]["start"]["line"] >= 2);  // all inside the broken rule
  std::vector<json> shown = client.notifications("window/showMessage");
  REQUIRE_FALSE(shown.empty());
  CHECK(shown.back()["message"] == "gklint: " + std::to_string(problems.size()) +
                                        " problem(s) in the rule files; the previous rules stay in use until they are fixed");
  // The last good rules keep serving: nothing changed for the document, so nothing is
  // published again, and the local rule still reports.
  CHECK(client.published(kDoc).size() == 1);
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);

  // Remove the rule entirely (a valid, empty file): the YAML diagnostics clear, the rule goes.
  dir.write("rules/local.yaml", "rules: []\n");
  client.notify("workspace/didChangeWatchedFiles", watched(file));
  CHECK(client.lastPublished(yamlUri)["diagnostics"].empty());
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").empty());

  // Changes to unrelated files are ignored.
  const size_t before = client.published(kDoc).size();
  client.notify("workspace/didChangeWatchedFiles", watched(dir.path / "other.yaml"));
  CHECK(client.published(kDoc).size() == before);
}

TEST_CASE("didChangeConfiguration sets rule files and the reporting year", "[lsp][rules]") {
  TempDir dir;
  dir.write("single.yaml", kGoodRule);
  TestClient client;
  client.initialize();
  client.open(kDoc, readFile(seedPath(kSeed002)));
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").empty());
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"gklint", {{"ruleFiles", {(dir.path / "single.yaml").string()}}}}}}});
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);

  // The title says 2022; a 2021 override makes the statistics period disagree with the year.
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "content/year-mismatch").empty());
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"year", 2021}}}}}});
  CHECK_FALSE(withCode(client.lastPublished(kDoc)["diagnostics"], "content/year-mismatch").empty());
  // Settings without gklint keys change nothing; bad values are logged, not applied.
  const size_t before = client.published(kDoc).size();
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"editor", {{"fontSize", 12}}}}}});
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"year", "2021"}}}}}});
  CHECK(client.published(kDoc).size() == before);
  CHECK(client.logText().find("params.settings.year: expected an integer") != std::string::npos);
}

TEST_CASE("saving an open rule file reloads the rules, and a missing folder is reported", "[lsp][rules]") {
  TempDir dir;
  const fs::path file = dir.path / "rules" / "local.yaml";
  dir.write("rules/local.yaml", "rules: []\n");
  TestClient client;
  client.initialize(TestClient::defaultCapabilities(),
                    {{"ruleFolders", {(dir.path / "rules").string(), (dir.path / "missing").string()}}});
  std::vector<json> shown = client.notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["message"] == "gklint: rule folder " + (dir.path / "missing").string() +
                                   " does not exist or is not a folder");
  client.open(kDoc, readFile(seedPath(kSeed002)));
  const std::string yamlUri = gklint::lsp::pathToUri(file.string());
  client.open(yamlUri, "rules: []\n", "yaml");
  dir.write("rules/local.yaml", kGoodRule);
  client.change(yamlUri, 2, json::array({{{"text", kGoodRule}}}));
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", yamlUri}}}});
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);
}

TEST_CASE("a rule file named in the settings is read from its open buffer, saved or not", "[lsp][rules]") {
  TempDir dir;
  const fs::path file = dir.path / "rules" / "local.yaml";
  dir.write("rules/local.yaml", "rules: []\n");  // the disk never gets the rule
  TestClient client;
  client.initialize(TestClient::defaultCapabilities(), {{"ruleFiles", {file.string()}}});
  client.open(kDoc, readFile(seedPath(kSeed002)));
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").empty());
  const std::string yamlUri = gklint::lsp::pathToUri(file.string());
  client.open(yamlUri, "rules: []\n", "yaml");
  // Typed in, unsaved: the rule applies after the debounce.
  client.change(yamlUri, 2, json::array({{{"text", kGoodRule}}}));
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);
  // Broken in the buffer: located in the buffer's text, the last good rules keep serving.
  client.change(yamlUri, 3, json::array({{{"text", kBrokenRule}}}));
  const json problems = client.lastPublished(yamlUri)["diagnostics"];
  REQUIRE_FALSE(problems.empty());
  CHECK(problems[0]["range"] == range(2, 4, 2, 26));
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").size() == 1);
  // Closed without saving: the disk speaks for the file again.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", yamlUri}}}});
  CHECK(withCode(client.lastPublished(kDoc)["diagnostics"], "local/vague-basis").empty());
  CHECK(client.lastPublished(yamlUri)["diagnostics"].empty());
}
