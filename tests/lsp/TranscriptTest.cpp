// Transcript tests: the real `gklint lsp` binary over stdio, in --sync mode and with its
// worker thread, including bad input on the wire.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

#include "tests/lsp/ChildProcess.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;

namespace {

std::string message(json m) {
  m["jsonrpc"] = "2.0";
  return frame(m.dump());
}

json replyWithId(const std::vector<json>& messages, const json& id) {
  for (const json& m : messages) {
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
  }
  FAIL("no reply with id " << id.dump());
  return {};
}

std::vector<json> publishedFor(const std::vector<json>& messages, const std::string& uri) {
  std::vector<json> out;
  for (const json& m : messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) out.push_back(m["params"]);
  }
  return out;
}

const std::string kUri = "file:///work/002.txt";

json initializeRequest(const std::string& encoding) {
  return {{"id", 1},
          {"method", "initialize"},
          {"params",
           {{"processId", nullptr},
            {"rootUri", nullptr},
            {"capabilities",
             {{"general", {{"positionEncodings", {encoding}}}},
              {"textDocument", {{"codeAction", {{"codeActionLiteralSupport", json::object()}}}}}}}}}};
}

}  // namespace

TEST_CASE("transcript: gklint lsp --sync serves a whole session over stdio", "[lsp][transcript]") {
  const std::string text = readFile(seedPath("002_093c900e5eacee9f.txt"));
  std::string input = message(initializeRequest("utf-8")) + message({{"method", "initialized"}, {"params", json::object()}}) +
                      message({{"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", kUri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}}) +
                      message({{"id", 2},
                               {"method", "textDocument/codeAction"},
                               {"params",
                                {{"textDocument", {{"uri", kUri}}},
                                 {"range", {{"start", {{"line", 4}, {"character", 0}}}, {"end", {{"line", 4}, {"character", 0}}}}},
                                 {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}}}}) +
                      message({{"method", "textDocument/didChange"},
                               {"params",
                                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                 {"contentChanges",
                                  {{{"range", {{"start", {{"line", 4}, {"character", 0}}}, {"end", {{"line", 4}, {"character", 5}}}}},
                                    {"text", "一、"}}}}}}}) +
                      message({{"id", 3}, {"method", "textDocument/documentSymbol"}, {"params", {{"textDocument", {{"uri", kUri}}}}}}) +
                      message({{"id", 4}, {"method", "shutdown"}}) + message({{"method", "exit"}});
  ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--sync"}, input);
  INFO(r.err);
  REQUIRE_FALSE(r.timedOut);
  CHECK(r.exitCode == 0);
  std::vector<json> out = parseFramed(r.out);
  CHECK(replyWithId(out, 1)["result"]["capabilities"]["positionEncoding"] == "utf-8");
  // --sync: everything arrives in message order.
  CHECK(out[1]["method"] == "textDocument/publishDiagnostics");
  CHECK(out[1]["params"]["version"] == 1);
  json actions = replyWithId(out, 2)["result"];
  REQUIRE(actions.size() >= 2);
  CHECK(actions[0]["title"] == "改为“一、”");
  // utf-8 columns: the fix replaces "1、 " — 1 + 3 + 1 bytes.
  CHECK(actions[0]["edit"]["changes"][kUri][0]["range"]["end"] == json{{"line", 4}, {"character", 5}});
  std::vector<json> published = publishedFor(out, kUri);
  REQUIRE(published.size() == 2);
  CHECK(published[1]["version"] == 2);
  CHECK(replyWithId(out, 3)["result"][0]["name"] == "一、总体情况");
  CHECK(replyWithId(out, 4)["result"].is_null());
}

TEST_CASE("transcript: with its worker thread, diagnostics are debounced and for the latest version",
          "[lsp][transcript][threads]") {
  const std::string text = readFile(seedPath("002_093c900e5eacee9f.txt"));
  std::string input = message(initializeRequest("utf-16")) +
                      message({{"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", kUri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}});
  for (int v = 2; v <= 30; ++v) {
    input += message({{"method", "textDocument/didChange"},
                      {"params",
                       {{"textDocument", {{"uri", kUri}, {"version", v}}},
                        {"contentChanges",
                         {{{"range", {{"start", {{"line", 5}, {"character", 0}}}, {"end", {{"line", 5}, {"character", 0}}}}},
                           {"text", "字"}}}}}}});
  }
  input += message({{"id", 2},
                    {"method", "textDocument/hover"},
                    {"params", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 4}, {"character", 0}}}}}}) +
           message({{"id", 3}, {"method", "shutdown"}}) + message({{"method", "exit"}});
  ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--debounce=100"}, input);
  INFO(r.err);
  REQUIRE_FALSE(r.timedOut);
  CHECK(r.exitCode == 0);
  std::vector<json> out = parseFramed(r.out);
  CHECK(replyWithId(out, 2)["result"]["contents"]["value"].get<std::string>().find("structure/heading-numbering") !=
        std::string::npos);
  CHECK(replyWithId(out, 3)["result"].is_null());
  std::vector<json> published = publishedFor(out, kUri);
  REQUIRE_FALSE(published.empty());
  CHECK(published.size() < 29);  // debounced: not one per edit
  CHECK(published.back()["version"] == 30);
}

TEST_CASE("transcript: bad input on the wire gets JSON-RPC errors and the server lives on", "[lsp][transcript][errors]") {
  std::string input = message({{"id", 1}, {"method", "textDocument/hover"}, {"params", json::object()}}) +  // not initialized
                      message(initializeRequest("utf-16")) + frame("{this is not json") +
                      frame(R"({"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":{"textDocument":{}}})") +
                      frame(R"({"jsonrpc":"2.0","id":5,"method":"nonexistent/method","params":{}})") +
                      "Content-Length: 80\r\n\r\n" + R"({"jsonrpc":"2.0","method":"exit"})" +  // overstated length
                      message({{"id", 6}, {"method", "shutdown"}}) + message({{"method", "exit"}});
  ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--sync"}, input);
  INFO(r.err);
  REQUIRE_FALSE(r.timedOut);
  std::vector<json> out = parseFramed(r.out);
  CHECK(replyWithId(out, 1)["error"]["code"] == -32002);
  std::vector<int> codes;
  for (const json& m : out) {
    if (m.contains("error") && m["id"].is_null()) codes.push_back(m["error"]["code"]);
  }
  CHECK(codes == std::vector<int>{-32700, -32700});
  CHECK(replyWithId(out, "x")["error"]["code"] == -32602);
  CHECK(replyWithId(out, "x")["error"]["message"] == "params.textDocument.uri: required but missing");
  CHECK(replyWithId(out, 5)["error"]["code"] == -32601);
  CHECK(replyWithId(out, 6)["result"].is_null());
  CHECK(r.exitCode == 0);
}

TEST_CASE("transcript: a hand-written delimited transcript replays", "[lsp][transcript]") {
  const std::string input = readFile(std::string(GKLINT_TEST_DIR) + "/lsp/transcripts/hover.jsonrpc");
  ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--sync", "--input-style=delimited"}, input);
  INFO(r.err);
  REQUIRE_FALSE(r.timedOut);
  CHECK(r.exitCode == 0);
  std::vector<json> out = parseFramed(r.out);
  REQUIRE(out.size() == 4);  // initialize, diagnostics, hover, shutdown
  json numbering;
  for (const json& d : out[1]["params"]["diagnostics"]) {
    if (d["code"] == "structure/heading-numbering") numbering = d;
  }
  INFO(out[1].dump());
  REQUIRE(numbering.is_object());
  CHECK(numbering["range"] == json::parse(R"({"start":{"line":2,"character":0},"end":{"line":2,"character":2}})"));
  CHECK(numbering["message"] == "一级标题编号“1、”应为“一、”");
  CHECK(out[2]["result"]["contents"]["value"].get<std::string>().find("依据：") != std::string::npos);
}

TEST_CASE("transcript: input that ends without exit exits with 1, bad options with 2", "[lsp][transcript]") {
  ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--sync"}, message(initializeRequest("utf-16")));
  CHECK(r.exitCode == 1);
  ProcessResult bad = runProcess({GKLINT_BINARY, "lsp", "--debounce=fast"}, "");
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.find("--debounce needs milliseconds from 0 to 60000") != std::string::npos);
}

TEST_CASE("Neovim 0.7 headless uses gklint lsp as its language server", "[lsp][transcript][nvim]") {
  if (std::system("command -v nvim > /dev/null 2>&1") != 0) {
    WARN("nvim is not installed: the real-editor test is skipped (apt-get install -y neovim)");
    return;
  }
  ProcessResult r = runProcess({"/bin/bash", std::string(GKLINT_TEST_DIR) + "/lsp/nvim/run.sh", GKLINT_BINARY}, "",
                               std::chrono::seconds(90));
  INFO(r.out << r.err);
  REQUIRE_FALSE(r.timedOut);
  CHECK(r.exitCode == 0);
  CHECK(r.out.find("ok   diagnostic cleared after the edit") != std::string::npos);
  CHECK(r.out.find("FAIL") == std::string::npos);
}
