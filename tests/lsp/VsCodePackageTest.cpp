// Tests that the VS Code client (editors/vscode) offers exactly the settings the server reads,
// under the names and types it reads them, and associates the report file types.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "lsp/Protocol.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp;
using json = nlohmann::json;

namespace {

const std::string kPackage = std::string(GKLINT_TEST_DIR) + "/../editors/vscode/";

// A value of the setting's JSON Schema type, different from its default.
json sampleOf(const json& schema) {
  const json type = schema["type"].is_array() ? schema["type"][0] : schema["type"];
  if (type == "array") return json::array({"rules"});
  if (type == "integer") return 2021;
  if (type == "object") return {{"text/*", "off"}};
  if (schema["description"].get<std::string>().find("URL") != std::string::npos) return "https://docs.example.gov.cn/gklint/";
  return "config/.gklint.yaml";
}

}  // namespace

TEST_CASE("the VS Code client's settings are the server's settings", "[lsp][vscode]") {
  const json package = json::parse(test::readFile(kPackage + "package.json"));
  const json& properties = package["contributes"]["configuration"]["properties"];
  std::set<std::string> serverKeys;
  json defaults = json::object();
  for (auto it = properties.begin(); it != properties.end(); ++it) {
    const std::string key = it.key().substr(std::string("gklint.").size());
    if (key == "path" || key == "serverArgs") continue;  // for starting the server, not sent to it
    serverKeys.insert(key);
    defaults[key] = it.value()["default"];
  }
  CHECK(serverKeys == std::set<std::string>{"configPath", "docsUrl", "ruleFolders", "ruleFiles", "severities", "year"});
  // extension.js sends exactly those.
  const std::string extension = test::readFile(kPackage + "extension.js");
  CHECK(extension.find("const SERVER_SETTINGS = ['configPath', 'ruleFolders', 'ruleFiles', 'year', 'severities', 'docsUrl'];") !=
        std::string::npos);

  // The defaults, and a value of each setting's type, are accepted as the client sends them.
  Expected<DidChangeConfigurationParams> parsed = parseParams<DidChangeConfigurationParams>({{"settings", {{"gklint", defaults}}}});
  REQUIRE(parsed.ok());
  REQUIRE(parsed->settings);
  CHECK(parsed->settings->ruleFolders.empty());
  CHECK_FALSE(parsed->settings->configPath);
  for (const std::string& key : serverKeys) {
    json settings = defaults;
    settings[key] = sampleOf(properties["gklint." + key]);
    Expected<InitializeParams> init = parseParams<InitializeParams>({{"capabilities", json::object()}, {"initializationOptions", settings}});
    INFO(key);
    REQUIRE(init.ok());
    const GklintSettings& s = *init->initializationOptions;
    const bool landed = (key == "configPath" && s.configPath == "config/.gklint.yaml") ||
                        (key == "ruleFolders" && s.ruleFolders == std::vector<std::string>{"rules"}) ||
                        (key == "ruleFiles" && s.ruleFiles == std::vector<std::string>{"rules"}) ||
                        (key == "year" && s.year == 2021) ||
                        (key == "severities" && s.severities.size() == 1 && s.severities[0].first == "text/*") ||
                        (key == "docsUrl" && s.docsUrl == "https://docs.example.gov.cn/gklint/");
    CHECK(landed);
  }

  // Reports open as plaintext, Markdown or HTML pages; configuration files as YAML.
  std::set<std::string> extensions;
  for (const json& language : package["contributes"]["languages"]) {
    for (const json& e : language.value("extensions", json::array())) extensions.insert(e.get<std::string>());
  }
  CHECK(extensions == std::set<std::string>{".txt", ".text", ".md", ".markdown", ".html", ".htm"});
  CHECK(package["dependencies"]["vscode-languageclient"] == "9.0.1");  // pinned, no range
}
