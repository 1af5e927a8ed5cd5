// In-process tests of the Language Server through a fake client with no threads: lifecycle and
// errors, diagnostics, incremental edits, code actions (applied and re-linted), hover, symbols.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/Analyzer.h"
#include "engine/lint/FixApplier.h"
#include "tests/lsp/LspTestClient.h"
#include "tests/support/FixtureRunner.h"

using namespace gklint::lsp::test;

namespace {

const std::string kUri002 = "file:///reports/002.txt";
const char* kSeed002 = "002_093c900e5eacee9f.txt";
const char* kSeed003 = "003_8d3f9a9668695af1.txt";

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

json docId(const std::string& uri) { return {{"uri", uri}}; }

// "line:col: severity: message [code]" with 1-based line and column, as the goldens spell it.
std::string render(const json& d) {
  static const char* kSeverity[] = {"", "error", "warning", "info", "hint"};
  return std::to_string(d["range"]["start"]["line"].get<int>() + 1) + ":" +
         std::to_string(d["range"]["start"]["character"].get<int>() + 1) + ": " + kSeverity[d["severity"].get<int>()] +
         ": " + d["message"].get<std::string>() + " [" + d["code"].get<std::string>() + "]";
}

std::vector<std::string> renderAll(const json& diagnostics) {
  std::vector<std::string> out;
  for (const json& d : diagnostics) out.push_back(render(d));
  return out;
}

std::vector<json> withCode(const json& diagnostics, const std::string& code) {
  std::vector<json> out;
  for (const json& d : diagnostics) {
    if (d.value("code", "") == code) out.push_back(d);
  }
  return out;
}

json actionTitled(const json& actions, const std::string& title) {
  for (const json& a : actions) {
    if (a["title"] == title) return a;
  }
  FAIL("no code action titled " << title << " in " << actions.dump());
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Lifecycle and errors

TEST_CASE("initialize advertises the features and negotiates utf-16 by default", "[lsp][server]") {
  TestClient client;
  json reply = client.initialize();
  const json& caps = reply["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["textDocumentSync"] == json::parse(R"({"openClose":true,"change":2,"save":{"includeText":false}})"));
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["documentSymbolProvider"] == true);
  CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::parse(R"(["quickfix","source.fixAll.gklint"])"));
  CHECK(caps["diagnosticProvider"]["identifier"] == "gklint");
  CHECK(reply["result"]["serverInfo"]["name"] == "gklint");
  // The rule files are watched through dynamic registration.
  const json& sent = client.transport().sent.back();
  CHECK(sent["method"] == "client/registerCapability");
  CHECK(sent["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
}

TEST_CASE("initialize picks utf-8 when the client offers it", "[lsp][server]") {
  TestClient client;
  json caps = TestClient::defaultCapabilities();
  caps["general"]["positionEncodings"] = {"utf-16", "utf-8"};
  CHECK(client.initialize(caps)["result"]["capabilities"]["positionEncoding"] == "utf-8");
}

TEST_CASE("a client without code action literals gets codeActionProvider true", "[lsp][server]") {
  TestClient client;
  CHECK(client.initialize(json::object())["result"]["capabilities"]["codeActionProvider"] == true);
}

TEST_CASE("requests get the JSON-RPC error the spec asks for, and the server lives on", "[lsp][server][errors]") {
  TestClient client;
  // Before initialize.
  json early = client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(0, 0)}});
  CHECK(early["error"]["code"] == -32002);
  // Notifications before initialize are dropped.
  client.open(kUri002, "x");
  CHECK(client.published(kUri002).empty());

  client.initialize();
  CHECK(client.request("initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);
  json unknown = client.request("textDocument/definition", {{"textDocument", docId(kUri002)}, {"position", position(0, 0)}});
  CHECK(unknown["error"]["code"] == -32601);
  CHECK(unknown["error"]["message"] == "method not found: textDocument/definition");

  json bad = client.request("textDocument/hover", {{"textDocument", {{"uri", 5}}}, {"position", position(0, 0)}});
  CHECK(bad["error"]["code"] == -32602);
  CHECK(bad["error"]["message"] == "params.textDocument.uri: expected a string");
  json missing = client.request("textDocument/hover", {{"textDocument", docId(kUri002)}});
  CHECK(missing["error"]["message"] == "params.position: required but missing");
  json negative = client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(-1, 0)}});
  CHECK(negative["error"]["message"] == "params.position.line: expected an integer from 0 to 2147483647");
  json notOpen = client.request("textDocument/hover", {{"textDocument", docId("file:///nope.txt")}, {"position", position(0, 0)}});
  CHECK(notOpen["error"]["code"] == -32602);
  CHECK(notOpen["error"]["message"] == "document is not open: file:///nope.txt");
  json badRange = client.request("textDocument/codeAction", {{"textDocument", docId(kUri002)}, {"range", range(0, 0, 0, 0)}});
  CHECK(badRange["error"]["message"] == "params.context: required but missing");

  // A malformed notification is logged, never answered, and harmless.
  const size_t before = client.transport().sent.size();
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", kUri002}}}});
  client.notify("workspace/somethingNew", json::object());
  CHECK(client.transport().sent.size() == before);
  CHECK(client.logText().find("params.textDocument.languageId: required but missing") != std::string::npos);

  // Still serving.
  client.open(kUri002, "一、总体情况\n");
  CHECK(client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(0, 0)}})
            .contains("result"));

  CHECK(client.request("shutdown", nullptr)["result"].is_null());
  CHECK(client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(0, 0)}})["error"]["code"] ==
        -32600);
  CHECK_FALSE(client.server().onNotify("exit", nullptr));
  CHECK(client.server().exitCode() == 0);
}

TEST_CASE("exit without shutdown exits with 1", "[lsp][server]") {
  TestClient client;
  client.initialize();
  CHECK_FALSE(client.server().onNotify("exit", nullptr));
  CHECK(client.server().exitCode() == 1);
}

TEST_CASE("$/cancelRequest answers a queued request with RequestCancelled", "[lsp][server][cancel]") {
  TestClient client(/*drain=*/false);
  client.initialize();
  client.server().runUntilIdle();
  client.open(kUri002, readFile(seedPath(kSeed002)));
  const int64_t hover = client.send("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(4, 0)}});
  const int64_t symbols = client.send("textDocument/documentSymbol", {{"textDocument", docId(kUri002)}});
  client.notify("$/cancelRequest", {{"id", hover}});
  client.notify("$/cancelRequest", {{"id", 999}});  // unknown ids are ignored
  client.server().runUntilIdle();
  json cancelled = client.replyTo(hover);
  CHECK(cancelled["error"]["code"] == -32800);
  CHECK(cancelled["error"]["message"] == "request cancelled");
  CHECK(client.replyTo(symbols)["result"].is_array());
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

TEST_CASE("didOpen publishes the seed's findings exactly as the CLI reports them", "[lsp][server][diagnostics]") {
  for (const std::string seed : {"000_59d64a34d2dae9ef", "001_300c643672395d3d", "002_093c900e5eacee9f",
                                 "003_8d3f9a9668695af1", "004_8d6632e4e8c36cd9"}) {
    INFO(seed);
    TestClient client;
    client.initialize();
    const std::string uri = "file:///seeds/" + seed + ".txt";
    client.open(uri, readFile(seedPath(seed + ".txt")));
    json published = client.lastPublished(uri);
    CHECK(published["version"] == 1);
    // The seeds hold no character outside the BMP, so UTF-16 columns equal the golden's
    // code-point columns.
    CHECK(renderAll(published["diagnostics"]) ==
          gklint::test::renderFindings(seedPath(seed + ".txt")));
  }
}

TEST_CASE("diagnostics carry the rule id, source, severity and message", "[lsp][server][diagnostics]") {
  TestClient client;
  client.initialize();
  client.open(kUri002, readFile(seedPath(kSeed002)));
  json diagnostics = client.lastPublished(kUri002)["diagnostics"];
  std::vector<json> numbering = withCode(diagnostics, "structure/heading-numbering");
  REQUIRE(numbering.size() == 4);
  CHECK(numbering[0]["range"] == range(4, 0, 4, 2));
  CHECK(numbering[0]["severity"] == 2);
  CHECK(numbering[0]["source"] == "gklint");
  CHECK(numbering[0]["message"] == "一级标题编号“1、”应为“一、”");
  CHECK(withCode(diagnostics, "content/fee-statement").at(0)["severity"] == 2);
  CHECK(withCode(diagnostics, "content/publication-missing").at(0)["severity"] == 3);
}

TEST_CASE("with docsUrl set, built-in rules' diagnostics link to their page", "[lsp][server][diagnostics]") {
  TestClient client;
  client.initialize(TestClient::defaultCapabilities(), {{"docsUrl", "https://docs.example.gov.cn/gklint"}});
  client.open(kUri002, readFile(seedPath(kSeed002)));
  json diagnostics = client.lastPublished(kUri002)["diagnostics"];
  REQUIRE_FALSE(diagnostics.empty());
  for (const json& d : diagnostics) {
    CHECK(d["codeDescription"]["href"] ==
          "https://docs.example.gov.cn/gklint/docs/rules/" + d["code"].get<std::string>() + ".md");
  }
  // A later didChangeConfiguration without docsUrl falls back to the built-in default (none
  // in this build): no links.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"year", 2021}}}}}});
  client.change(kUri002, 2, json::array({{{"range", range(0, 0, 0, 0)}, {"text", " "}}}));
  const json republished = client.lastPublished(kUri002);  // kept: the loop must not run over a temporary
  for (const json& d : republished["diagnostics"]) {
    CHECK(d.contains("codeDescription") == (std::string(GKLINT_TEST_DOCS_URL) != ""));
  }
}

TEST_CASE("didClose clears the document's diagnostics", "[lsp][server][diagnostics]") {
  TestClient client;
  client.initialize();
  client.open(kUri002, readFile(seedPath(kSeed002)));
  client.notify("textDocument/didClose", {{"textDocument", docId(kUri002)}});
  json last = client.lastPublished(kUri002);
  CHECK(last["diagnostics"].empty());
  CHECK_FALSE(last.contains("version"));
}

TEST_CASE("a burst of edits is linted once, for the latest version", "[lsp][server][scheduler]") {
  TestClient client(/*drain=*/false);
  client.initialize();
  client.server().runUntilIdle();
  const std::string text = readFile(seedPath(kSeed002));
  client.open(kUri002, text);
  for (int v = 2; v <= 6; ++v) client.change(kUri002, v, json::array({{{"range", range(0, 0, 0, 0)}, {"text", "x"}}}));
  client.server().runUntilIdle();
  std::vector<json> published = client.published(kUri002);
  REQUIRE(published.size() == 1);
  CHECK(published[0]["version"] == 6);
}

TEST_CASE("pull clients get no push, and textDocument/diagnostic answers full, then unchanged", "[lsp][server][diagnostics]") {
  TestClient client;
  json caps = TestClient::defaultCapabilities();
  caps["textDocument"]["diagnostic"] = {{"dynamicRegistration", false}};
  client.initialize(caps);
  client.open(kUri002, readFile(seedPath(kSeed002)));
  CHECK(client.published(kUri002).empty());
  json full = client.request("textDocument/diagnostic", {{"textDocument", docId(kUri002)}})["result"];
  CHECK(full["kind"] == "full");
  CHECK(renderAll(full["items"]) == gklint::test::renderFindings(seedPath(kSeed002)));
  json again = client.request("textDocument/diagnostic",
                              {{"textDocument", docId(kUri002)}, {"previousResultId", full["resultId"]}})["result"];
  CHECK(again == json{{"kind", "unchanged"}, {"resultId", full["resultId"]}});
  client.change(kUri002, 2, json::array({{{"range", range(4, 0, 4, 3)}, {"text", "一、"}}}));
  json changed = client.request("textDocument/diagnostic",
                                {{"textDocument", docId(kUri002)}, {"previousResultId", full["resultId"]}})["result"];
  CHECK(changed["kind"] == "full");
  CHECK(changed["items"].size() == full["items"].size() - 1);
}

TEST_CASE("Markdown that cannot be parsed safely gets one error diagnostic", "[lsp][server][diagnostics]") {
  TestClient client;
  client.initialize();
  std::string text = "标题\n\n" + std::string(200, '>') + " 深层引用\n";
  client.open("file:///deep.md", text, "markdown");
  json diagnostics = client.lastPublished("file:///deep.md")["diagnostics"];
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["severity"] == 1);
  CHECK(diagnostics[0]["range"]["start"] == position(2, 0));
  CHECK_FALSE(diagnostics[0].contains("code"));
}

TEST_CASE("documents that are not reports are not linted and get empty answers", "[lsp][server]") {
  TestClient client;
  client.initialize();
  client.open("file:///rules/custom.yaml", "rules: []\n", "yaml");
  CHECK(client.published("file:///rules/custom.yaml").empty());
  CHECK(client.request("textDocument/hover", {{"textDocument", docId("file:///rules/custom.yaml")}, {"position", position(0, 0)}})["result"]
            .is_null());
  CHECK(client.request("textDocument/documentSymbol", {{"textDocument", docId("file:///rules/custom.yaml")}})["result"] ==
        json::array());
  // The format comes from the extension first, the languageId second.
  client.open("untitled:Untitled-1", "一、总体情况\n", "markdown");
  CHECK(client.published("untitled:Untitled-1").size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Incremental edits and positions

TEST_CASE("incremental edits are applied exactly and re-linted", "[lsp][server][edits]") {
  TestClient client;
  client.initialize();
  const std::string text = readFile(seedPath(kSeed002));
  client.open(kUri002, text);
  // "1、 总体情况" → "一、总体情况": the numbering warning on line 5 goes away.
  client.change(kUri002, 2, json::array({{{"range", range(4, 0, 4, 3)}, {"text", "一、"}}}));
  json after = client.lastPublished(kUri002);
  CHECK(after["version"] == 2);
  std::vector<json> numbering = withCode(after["diagnostics"], "structure/heading-numbering");
  REQUIRE(numbering.size() == 3);
  CHECK(numbering[0]["range"]["start"] == position(361, 0));
  // Several changes in one notification apply in order; a change without range replaces all.
  client.change(kUri002, 3,
                json::array({{{"text", "一、总体情况\n"}}, {{"range", range(0, 2, 0, 6)}, {"text", "主动公开政府信息情况"}}}));
  auto analysis = client.server().features()->analysis(kUri002);
  REQUIRE(analysis);
  CHECK(analysis->source().text() == "一、主动公开政府信息情况\n");
  CHECK(analysis->snapshot.version == 3);
}

TEST_CASE("an edit with start after end is refused and the document stays as it was", "[lsp][server][edits]") {
  TestClient client;
  client.initialize();
  client.open(kUri002, "一、总体情况\n");
  client.change(kUri002, 2, json::array({{{"range", range(0, 4, 0, 2)}, {"text", "x"}}}));
  CHECK(client.server().features()->analysis(kUri002)->source().text() == "一、总体情况\n");
  std::vector<json> shown = client.notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 1);
  CHECK(shown[0]["message"].get<std::string>().find("start is after end") != std::string::npos);
}

TEST_CASE("edits that split a UTF-16 surrogate pair replace the whole character", "[lsp][server][edits]") {
  // 𠀋 (U+2000B) is two UTF-16 code units (D840 DC0B) and four UTF-8 bytes.
  TestClient client;
  client.initialize();
  const std::string uri = "file:///pair.txt";
  client.open(uri, "a𠀋b\n");
  auto text = [&] { return std::string(client.server().features()->analysis(uri)->source().text()); };
  // Deleting only the high surrogate deletes the character.
  client.change(uri, 2, json::array({{{"range", range(0, 1, 0, 2)}, {"text", ""}}}));
  CHECK(text() == "ab\n");
  client.change(uri, 3, json::array({{{"text", "a𠀋b\n"}}}));
  // Replacing only the low surrogate replaces the character.
  client.change(uri, 4, json::array({{{"range", range(0, 2, 0, 3)}, {"text", "X"}}}));
  CHECK(text() == "aXb\n");
  client.change(uri, 5, json::array({{{"text", "a𠀋b\n"}}}));
  // An insertion between the halves goes before the character; nothing is lost.
  client.change(uri, 6, json::array({{{"range", range(0, 2, 0, 2)}, {"text", "X"}}}));
  CHECK(text() == "aX𠀋b\n");
  // A range from inside one pair to inside another covers both characters.
  client.change(uri, 7, json::array({{{"text", "𠀋中𠀋\n"}}}));
  client.change(uri, 8, json::array({{{"range", range(0, 1, 0, 4)}, {"text", "-"}}}));
  CHECK(text() == "-\n");
  // Whole-character edits work as usual.
  client.change(uri, 9, json::array({{{"text", "a𠀋b\n"}}}));
  client.change(uri, 10, json::array({{{"range", range(0, 1, 0, 3)}, {"text", "中"}}}));
  CHECK(text() == "a中b\n");
}

TEST_CASE("edits in utf-8 columns split a multi-byte character the same way", "[lsp][server][edits]") {
  TestClient client;
  json caps = TestClient::defaultCapabilities();
  caps["general"]["positionEncodings"] = {"utf-8"};
  client.initialize(caps);
  const std::string uri = "file:///u8.txt";
  client.open(uri, "a中b\n");
  client.change(uri, 2, json::array({{{"range", range(0, 2, 0, 3)}, {"text", ""}}}));  // inside 中 (bytes 1..4)
  CHECK(client.server().features()->analysis(uri)->source().text() == "ab\n");
}

TEST_CASE("positions after CJK text and 𠀋 are exact in utf-16 and utf-8", "[lsp][server][positions]") {
  // Seed 003 line 33 has a half-width comma at code-point column 18 (0-based), after 18
  // Chinese characters (54 bytes). Prefixing the line with 𠀋 moves it to UTF-16 column 20
  // and byte column 58.
  std::string text = readFile(seedPath(kSeed003));
  size_t lineStart = 0;
  for (int i = 0; i < 32; ++i) lineStart = text.find('\n', lineStart) + 1;
  text.insert(lineStart, "𠀋");
  for (const bool utf8 : {false, true}) {
    INFO((utf8 ? "utf-8" : "utf-16"));
    TestClient client;
    json caps = TestClient::defaultCapabilities();
    if (utf8) caps["general"]["positionEncodings"] = {"utf-8", "utf-16"};
    client.initialize(caps);
    client.open("file:///003.txt", text);
    std::vector<json> punct;
    for (const json& d : withCode(client.lastPublished("file:///003.txt")["diagnostics"], "text/halfwidth-punct")) {
      if (d["range"]["start"]["line"] == 32) punct.push_back(d);
    }
    REQUIRE(punct.size() == 1);
    CHECK(punct[0]["range"] == (utf8 ? range(32, 58, 32, 59) : range(32, 20, 32, 21)));
    CHECK(punct[0]["message"] == "中文语句中应使用全角标点：“,”应为“，”");
    // The quick fix lands on the same spot, and applying it fixes the comma.
    json actions = client.request("textDocument/codeAction",
                                  {{"textDocument", docId("file:///003.txt")},
                                   {"range", punct[0]["range"]},
                                   {"context", {{"diagnostics", json::array({punct[0]})}}}})["result"];
    json fix = actionTitled(actions, "改为“，”");
    json edits = editsFor(fix["edit"], "file:///003.txt");
    REQUIRE(edits.size() == 1);
    CHECK(edits[0]["range"] == punct[0]["range"]);
    const std::string fixed = applyEdits(text, edits, utf8);
    CHECK(fixed.substr(lineStart, 64) == "𠀋息公开工作自觉接受上级指导及群众监督，在");
  }
}

// ---------------------------------------------------------------------------------------------
// Code actions

TEST_CASE("the heading-numbering quick fix round trip: apply it, the diagnostic clears", "[lsp][server][codeaction]") {
  TestClient client;
  client.initialize();
  const std::string text = readFile(seedPath(kSeed002));
  client.open(kUri002, text);
  json diagnostic = withCode(client.lastPublished(kUri002)["diagnostics"], "structure/heading-numbering").at(0);
  json actions = client.request("textDocument/codeAction",
                                {{"textDocument", docId(kUri002)},
                                 {"range", range(4, 0, 4, 0)},
                                 {"context", {{"diagnostics", json::array({diagnostic})}}}})["result"];
  json fix = actionTitled(actions, "改为“一、”");
  CHECK(fix["kind"] == "quickfix");
  CHECK(fix["isPreferred"] == true);
  REQUIRE(fix["diagnostics"].size() == 1);
  CHECK(fix["diagnostics"][0] == diagnostic);
  json edits = editsFor(fix["edit"], kUri002);
  CHECK(edits == json::array({{{"range", range(4, 0, 4, 3)}, {"newText", "一、"}}}));

  // The editor applies the edit and sends it back as an incremental change.
  const std::string fixed = applyEdits(text, edits, false);
  client.change(kUri002, 2, json::array({{{"range", edits[0]["range"]}, {"text", edits[0]["newText"]}}}));
  CHECK(client.server().features()->analysis(kUri002)->source().text() == fixed);
  json after = client.lastPublished(kUri002)["diagnostics"];
  for (const json& d : withCode(after, "structure/heading-numbering")) CHECK(d["range"]["start"]["line"] != 4);
  CHECK(withCode(after, "structure/heading-numbering").size() == 3);
}

TEST_CASE("fix all of one rule applies every fix of that rule", "[lsp][server][codeaction]") {
  TestClient client;
  client.initialize();
  const std::string text = readFile(seedPath(kSeed002));
  client.open(kUri002, text);
  json actions = client.request("textDocument/codeAction", {{"textDocument", docId(kUri002)},
                                                            {"range", range(4, 1, 4, 1)},
                                                            {"context", {{"diagnostics", json::array()}}}})["result"];
  json all = actionTitled(actions, "修复本文档中全部 4 处 structure/heading-numbering 问题");
  CHECK(all["kind"] == "quickfix");
  CHECK_FALSE(all.contains("isPreferred"));
  json edits = editsFor(all["edit"], kUri002);
  REQUIRE(edits.size() == 4);
  client.change(kUri002, 2, json::array({{{"text", applyEdits(text, edits, false)}}}));
  CHECK(withCode(client.lastPublished(kUri002)["diagnostics"], "structure/heading-numbering").empty());
}

TEST_CASE("source.fixAll.gklint applies the safe fixes exactly as gklint check --fix", "[lsp][server][codeaction]") {
  for (const std::string seed : {"002_093c900e5eacee9f", "003_8d3f9a9668695af1", "004_8d6632e4e8c36cd9"}) {
    INFO(seed);
    TestClient client;
    json caps = TestClient::defaultCapabilities();
    caps["workspace"]["workspaceEdit"] = {{"documentChanges", true}};
    client.initialize(caps);
    const std::string uri = "file:///" + seed + ".txt";
    gklint::RuleLoadResult rules = gklint::loadBuiltinRules();
    // Fixes that overlap an applied one wait for the next round, as with `check --fix`.
    std::string text = readFile(seedPath(seed + ".txt"));
    client.open(uri, text);
    int64_t version = 1;
    for (int round = 0;; ++round) {
      REQUIRE(round < 5);
      json actions = client.request("textDocument/codeAction",
                                    {{"textDocument", docId(uri)},
                                     {"range", range(0, 0, 0, 0)},
                                     {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}})["result"];
      if (actions.empty()) break;
      REQUIRE(actions.size() == 1);
      CHECK(actions[0]["kind"] == "source.fixAll.gklint");
      CHECK(actions[0]["title"] == "gklint：应用全部安全修复");
      // Versioned edits for a client that supports documentChanges.
      CHECK(actions[0]["edit"]["documentChanges"][0]["textDocument"] == json{{"uri", uri}, {"version", version}});
      const std::string fixed = applyEdits(text, editsFor(actions[0]["edit"], uri), false);
      gklint::Analysis analysis = gklint::analyzeBytes(uri, text, gklint::DocumentFormat::Text, rules.rules);
      CHECK(fixed == gklint::applyFixes(text, analysis.findings, gklint::FixSelection::SafeOnly).text);
      CHECK(fixed != text);
      text = fixed;
      client.change(uri, ++version, json::array({{{"text", text}}}));
    }
    json quickfixes = client.request("textDocument/codeAction",
                                     {{"textDocument", docId(uri)},
                                      {"range", range(0, 0, 100000, 0)},
                                      {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}})["result"];
    for (const json& a : quickfixes) CHECK_FALSE(a.value("isPreferred", false));  // only unsafe fixes remain
  }
}

TEST_CASE("the missing-section fix is offered as a quickfix but never as a safe fix", "[lsp][server][codeaction]") {
  TestClient client;
  client.initialize();
  const std::string text = readFile(std::string(GKLINT_TEST_DIR) + "/fixtures/reports/compliant/compliant-2021.txt");
  // Remove section 五 (its heading and body) so section-missing fires with an insertion fix.
  const size_t five = text.find("五、存在的主要问题及改进情况");
  const size_t six = text.find("六、其他需要报告的事项");
  REQUIRE(five != std::string::npos);
  REQUIRE(six != std::string::npos);
  const std::string broken = text.substr(0, five) + text.substr(six);
  client.open("file:///c.txt", broken);
  std::vector<json> missing = withCode(client.lastPublished("file:///c.txt")["diagnostics"], "structure/section-missing");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["severity"] == 1);
  CHECK(missing[0]["message"] == "缺少第五部分“存在的主要问题及改进情况”");
  json actions = client.request("textDocument/codeAction", {{"textDocument", docId("file:///c.txt")},
                                                            {"range", missing[0]["range"]},
                                                            {"context", {{"diagnostics", missing}}}})["result"];
  json insert = actionTitled(actions, "插入标题“五、存在的主要问题及改进情况”");
  CHECK(insert["kind"] == "quickfix");
  CHECK_FALSE(insert.contains("isPreferred"));
  for (const json& a : actions) CHECK(a["kind"] != "source.fixAll.gklint");  // nothing safe to fix
  const std::string fixed = applyEdits(broken, editsFor(insert["edit"], "file:///c.txt"), false);
  client.change("file:///c.txt", 2, json::array({{{"text", fixed}}}));
  CHECK(withCode(client.lastPublished("file:///c.txt")["diagnostics"], "structure/section-missing").empty());
}

TEST_CASE("code actions honour only and stay empty away from findings", "[lsp][server][codeaction]") {
  TestClient client;
  client.initialize();
  client.open(kUri002, readFile(seedPath(kSeed002)));
  auto actions = [&](json only, json r) {
    json params = {{"textDocument", docId(kUri002)}, {"range", r}, {"context", {{"diagnostics", json::array()}}}};
    if (!only.is_null()) params["context"]["only"] = only;
    return client.request("textDocument/codeAction", params)["result"];
  };
  for (const json& a : actions(json::array({"quickfix"}), range(4, 0, 4, 0))) CHECK(a["kind"] == "quickfix");
  for (const json& a : actions(json::array({"source"}), range(4, 0, 4, 0))) CHECK(a["kind"] == "source.fixAll.gklint");
  CHECK(actions(json::array({"refactor"}), range(4, 0, 4, 0)).empty());
  // Line 6 (0-based 5) is prose with no fixable finding: only the document-wide action.
  json away = actions(nullptr, range(5, 10, 5, 10));
  REQUIRE(away.size() == 1);
  CHECK(away[0]["kind"] == "source.fixAll.gklint");
}

// ---------------------------------------------------------------------------------------------
// Hover and symbols

TEST_CASE("hover on a finding shows the rule's summary, description and legal source", "[lsp][server][hover]") {
  TestClient client;
  client.initialize();
  client.open(kUri002, readFile(seedPath(kSeed002)));
  json hover = client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(4, 1)}})["result"];
  CHECK(hover["contents"]["kind"] == "markdown");
  const std::string value = hover["contents"]["value"];
  INFO(value);
  // The overview-topics finding shares the heading line; sections follow the findings' order.
  CHECK(value.rfind("**“一、总体情况”缺少五个方面之一**", 0) == 0);
  CHECK(value.find("`content/overview-topics` · warning\n\n---\n\n**一级标题编号不是“一、…六、”**\n\n"
                   "一级标题用中文数字加顿号编号（一、二、…六、）。从Word或PDF转换时常出现“1、”“5、”与“二、”混用。"
                   "快速修复将编号改为对应的中文数字。\n\n") != std::string::npos);
  CHECK(value.find("依据：国办公开办函〔2021〕30号（格式）；《党政机关公文格式》层次序数") != std::string::npos);
  CHECK(value.find("`structure/heading-numbering` · warning") != std::string::npos);
  CHECK(hover["range"]["start"] == position(4, 0));

  // Away from findings: null.
  CHECK(client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(5, 3)}})["result"]
            .is_null());
}

TEST_CASE("hover falls back to plain text for clients without markdown", "[lsp][server][hover]") {
  TestClient client;
  json caps = TestClient::defaultCapabilities();
  caps["textDocument"]["hover"]["contentFormat"] = {"plaintext"};
  client.initialize(caps);
  client.open(kUri002, readFile(seedPath(kSeed002)));
  json hover = client.request("textDocument/hover", {{"textDocument", docId(kUri002)}, {"position", position(4, 1)}})["result"];
  CHECK(hover["contents"]["kind"] == "plaintext");
  CHECK(hover["contents"]["value"].get<std::string>().find("[structure/heading-numbering] warning") != std::string::npos);
}

TEST_CASE("document symbols: sections with their level-2 headings, and tables", "[lsp][server][symbols]") {
  TestClient client;
  client.initialize();
  const std::string uri = "file:///compliant-2021.md";
  client.open(uri, readFile(std::string(GKLINT_TEST_DIR) + "/fixtures/reports/compliant/compliant-2021.md"), "markdown");
  CHECK(client.lastPublished(uri)["diagnostics"].empty());  // the fixture is fully compliant
  json symbols = client.request("textDocument/documentSymbol", {{"textDocument", docId(uri)}})["result"];
  std::vector<std::string> names;
  for (const json& s : symbols) names.push_back(s["name"]);
  CHECK(names == std::vector<std::string>{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                          "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                          "六、其他需要报告的事项"});
  CHECK(symbols[0]["kind"] == 2);
  CHECK(symbols[0]["selectionRange"] == range(4, 2, 4, 8));  // "# " is markup, not heading text
  CHECK(symbols[0]["range"]["start"] == position(4, 0));
  std::vector<std::string> overview;
  for (const json& c : symbols[0]["children"]) {
    overview.push_back(c["name"]);
    CHECK(c["kind"] == 3);
  }
  CHECK(overview == std::vector<std::string>{"（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"});
  // Tables sit inside their section.
  REQUIRE(symbols[1].contains("children"));
  const json& table = symbols[1]["children"][0];
  CHECK(table["kind"] == 18);
  CHECK(table["name"] == "第二十条第（一）项");
  CHECK(table["detail"] == "表格，14 行");
  for (const json& s : symbols) {  // every child lies inside its parent
    for (const json& c : s.value("children", json::array())) {
      CHECK(c["range"]["start"]["line"] >= s["range"]["start"]["line"]);
      CHECK(c["range"]["end"]["line"] <= s["range"]["end"]["line"]);
    }
  }
}

TEST_CASE("clients without hierarchical symbols get SymbolInformation with containers", "[lsp][server][symbols]") {
  TestClient client;
  json caps = TestClient::defaultCapabilities();
  caps["textDocument"]["documentSymbol"] = json::object();
  client.initialize(caps);
  client.open(kUri002, readFile(seedPath(kSeed002)));
  json symbols = client.request("textDocument/documentSymbol", {{"textDocument", docId(kUri002)}})["result"];
  REQUIRE_FALSE(symbols.empty());
  CHECK(symbols[0]["name"] == "1、 总体情况");
  CHECK(symbols[0]["location"]["uri"] == kUri002);
  CHECK_FALSE(symbols[0].contains("containerName"));
}

TEST_CASE("a pasted line of 100,000 half-width commas: the first 1,000 diagnostics in order, then how many more",
          "[lsp][server][diagnostics][flood]") {
  TestClient client;
  client.initialize();
  const std::string uri = "file:///reports/003.txt";
  client.open(uri, readFile(seedPath(kSeed003)));
  // A list pasted from a spreadsheet: each comma follows a Han character (text/halfwidth-punct),
  // on line 11 after 𠀋, so columns past the BMP character are counted in UTF-16 units.
  std::string paste = "𠀋";
  for (int i = 0; i < 100000; ++i) paste += "字,";
  client.change(uri, 2, json::array({{{"range", range(10, 0, 10, 0)}, {"text", paste}}}));
  std::shared_ptr<const gklint::lsp::DocumentAnalysis> analysis = client.server().features()->analysis(uri);
  const size_t total = analysis->findings.size();
  REQUIRE(total > 1000);
  const json diagnostics = client.lastPublished(uri)["diagnostics"];
  REQUIRE(diagnostics.size() == 1001);
  for (size_t i = 0; i < 1000; ++i) {
    CHECK(diagnostics[i]["code"] == analysis->findings[i].ruleId);
    if (i > 0) {
      const json& a = diagnostics[i - 1]["range"]["start"];
      const json& b = diagnostics[i]["range"]["start"];
      CHECK(std::make_pair(a["line"].get<int>(), a["character"].get<int>()) <=
            std::make_pair(b["line"].get<int>(), b["character"].get<int>()));
    }
  }
  const json& more = diagnostics[1000];
  CHECK(more["code"] == "gklint/too-many-findings");
  CHECK(more["severity"] == 2);
  CHECK(more["message"] == "另有 " + std::to_string(total - 1000) +
                               " 条问题未显示：每个文档最多显示前 1000 条（按文中顺序）；运行 gklint check 可看到全部");
  // It sits where the first finding left out starts: on the pasted line, past 𠀋 (2 units).
  CHECK(more["range"]["start"]["line"] == 10);
  CHECK(more["range"]["start"] == more["range"]["end"]);
  CHECK(more["range"]["start"]["character"].get<int>() >= 2);
  // Pull diagnostics are capped the same way, and the server still answers.
  const json pulled = client.request("textDocument/diagnostic", {{"textDocument", docId(uri)}})["result"];
  CHECK(pulled["items"] == diagnostics);
  CHECK(client.request("textDocument/documentSymbol", {{"textDocument", docId(uri)}})["result"].size() >= 6);
  CHECK(client.request("textDocument/hover", {{"textDocument", docId(uri)}, {"position", position(10, 3)}})
            .contains("result"));
  // Deleting the paste brings the report's own findings back, uncapped.
  client.change(uri, 3, json::array({{{"range", range(10, 0, 10, static_cast<int>(2 + 200000))}, {"text", ""}}}));
  CHECK(withCode(client.lastPublished(uri)["diagnostics"], "gklint/too-many-findings").empty());
}
