#include "tests/lsp/LspTestClient.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace gklint::lsp::test {

void RecordingTransport::notify(std::string_view method, json params) {
  sent.push_back({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void RecordingTransport::call(std::string_view method, json params, json id) {
  sent.push_back({{"jsonrpc", "2.0"}, {"id", std::move(id)}, {"method", method}, {"params", std::move(params)}});
}

void RecordingTransport::reply(json id, Expected<json> result) {
  json message = {{"jsonrpc", "2.0"}, {"id", std::move(id)}};
  if (result) message["result"] = std::move(*result);
  else message["error"] = toJSON(result.error());
  sent.push_back(std::move(message));
}

TestClient::TestClient(bool drain) {
  logger_ = std::make_unique<Logger>(log_, LogLevel::Verbose);
  LspServerOptions options;
  options.scheduler.threaded = false;
  options.drainAfterEachMessage = drain;
  server_ = std::make_unique<LspServer>(transport_, *logger_, options);
}

TestClient::~TestClient() = default;

json TestClient::defaultCapabilities() {
  return {
      {"general", {{"positionEncodings", {"utf-16"}}}},
      {"textDocument",
       {{"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}},
        {"codeAction", {{"codeActionLiteralSupport", {{"codeActionKind", {{"valueSet", {"quickfix", "source"}}}}}}}},
        {"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
        {"publishDiagnostics", {{"relatedInformation", true}, {"versionSupport", true}}}}},
      {"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}},
  };
}

json TestClient::initialize(json capabilities, json initializationOptions, json rootUri) {
  json params = {{"processId", nullptr}, {"rootUri", rootUri}, {"capabilities", std::move(capabilities)}};
  if (!initializationOptions.is_null()) params["initializationOptions"] = std::move(initializationOptions);
  json reply = request("initialize", params);
  notify("initialized", json::object());
  return reply;
}

int64_t TestClient::send(const std::string& method, json params) {
  const int64_t id = nextId_++;
  server_->onCall(method, std::move(params), id);
  return id;
}

json TestClient::replyTo(int64_t id) {
  json found;
  int count = 0;
  for (const json& m : transport_.sent) {
    if (m.contains("id") && m["id"] == id && !m.contains("method")) {
      found = m;
      ++count;
    }
  }
  INFO("replies to request " << id << ": " << count);
  REQUIRE(count == 1);
  return found;
}

json TestClient::request(const std::string& method, json params) {
  const int64_t id = send(method, std::move(params));
  server_->runUntilIdle();
  return replyTo(id);
}

void TestClient::notify(const std::string& method, json params) { server_->onNotify(method, std::move(params)); }

void TestClient::open(const std::string& uri, const std::string& text, const std::string& languageId, int64_t version) {
  notify("textDocument/didOpen",
         {{"textDocument", {{"uri", uri}, {"languageId", languageId}, {"version", version}, {"text", text}}}});
}

void TestClient::change(const std::string& uri, int64_t version, json contentChanges) {
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(contentChanges)}});
}

std::vector<json> TestClient::published(const std::string& uri) const {
  std::vector<json> out;
  for (const json& m : transport_.sent) {
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) out.push_back(m["params"]);
  }
  return out;
}

json TestClient::lastPublished(const std::string& uri) const {
  std::vector<json> all = published(uri);
  REQUIRE_FALSE(all.empty());
  return all.back();
}

std::vector<json> TestClient::notifications(const std::string& method) const {
  std::vector<json> out;
  for (const json& m : transport_.sent) {
    if (m.value("method", "") == method && !m.contains("id")) out.push_back(m["params"]);
  }
  return out;
}

namespace {

// Byte offset of (line, character) in `text`; lines end at '\n'.
size_t offsetOf(const std::string& text, int64_t line, int64_t character, bool utf8) {
  size_t pos = 0;
  for (int64_t l = 0; l < line; ++l) {
    const size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return text.size();
    pos = nl + 1;
  }
  int64_t units = 0;
  while (pos < text.size() && text[pos] != '\n' && units < character) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    units += utf8 ? static_cast<int64_t>(len) : (len == 4 ? 2 : 1);
    pos += len;
  }
  return pos;
}

}  // namespace

std::string applyEdits(const std::string& text, const json& edits, bool utf8) {
  struct Edit {
    size_t begin, end;
    std::string text;
  };
  std::vector<Edit> list;
  for (const json& e : edits) {
    const json& r = e["range"];
    list.push_back({offsetOf(text, r["start"]["line"], r["start"]["character"], utf8),
                    offsetOf(text, r["end"]["line"], r["end"]["character"], utf8), e["newText"]});
  }
  std::stable_sort(list.begin(), list.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  size_t pos = 0;
  for (const Edit& e : list) {
    REQUIRE(e.begin >= pos);  // non-overlapping
    out += text.substr(pos, e.begin - pos);
    out += e.text;
    pos = e.end;
  }
  out += text.substr(pos);
  return out;
}

json editsFor(const json& workspaceEdit, const std::string& uri) {
  if (workspaceEdit.contains("changes")) return workspaceEdit["changes"][uri];
  for (const json& d : workspaceEdit["documentChanges"]) {
    if (d["textDocument"]["uri"] == uri) return d["edits"];
  }
  return json::array();
}

std::vector<json> parseFramed(const std::string& bytes) {
  std::vector<json> out;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const std::string header = "Content-Length: ";
    REQUIRE(bytes.compare(pos, header.size(), header) == 0);
    const size_t end = bytes.find("\r\n\r\n", pos);
    REQUIRE(end != std::string::npos);
    const size_t length = std::stoul(bytes.substr(pos + header.size(), end - pos - header.size()));
    REQUIRE(end + 4 + length <= bytes.size());
    out.push_back(json::parse(bytes.substr(end + 4, length)));
    pos = end + 4 + length;
  }
  return out;
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string seedPath(const std::string& name) { return std::string(GKLINT_TEST_DIR) + "/corpus/seeds/" + name; }

}  // namespace gklint::lsp::test
