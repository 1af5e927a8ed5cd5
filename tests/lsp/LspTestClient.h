// LspTestClient: an in-process fake LSP client with no threads. It drives an LspServer through
// its MessageHandler, records everything the server sends, and applies workspace edits the
// way an editor would (with its own position arithmetic, independent of lsp/Convert).
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/LspServer.h"
#include "lsp/Transport.h"

namespace gklint::lsp::test {

using json = nlohmann::json;

// Records what the server sends; the loop is never run (the client calls the handler).
class RecordingTransport final : public Transport {
 public:
  void notify(std::string_view method, json params) override;
  void call(std::string_view method, json params, json id) override;
  void reply(json id, Expected<json> result) override;
  bool loop(MessageHandler&) override { return false; }

  std::vector<json> sent;  // full JSON-RPC messages, in order
};

class TestClient {
 public:
  // Zero-thread server; `drain` runs queued work after each message (off to test queuing).
  explicit TestClient(bool drain = true);
  ~TestClient();

  // Capabilities of a modern client: utf-16 only, hierarchical symbols, literals, markdown.
  static json defaultCapabilities();
  json initialize(json capabilities = defaultCapabilities(), json initializationOptions = nullptr,
                  json rootUri = nullptr);

  // Sends a request and returns the server's reply message ({"id", "result"} or {"id", "error"}).
  // Fails the test when there is not exactly one reply (after running queued work).
  json request(const std::string& method, json params);
  // Sends a request without waiting; returns its id.
  int64_t send(const std::string& method, json params);
  json replyTo(int64_t id);
  void notify(const std::string& method, json params);

  void open(const std::string& uri, const std::string& text, const std::string& languageId = "plaintext",
            int64_t version = 1);
  void change(const std::string& uri, int64_t version, json contentChanges);

  // Params of every publishDiagnostics for `uri`, in order; and the latest one.
  std::vector<json> published(const std::string& uri) const;
  json lastPublished(const std::string& uri) const;
  std::vector<json> notifications(const std::string& method) const;
  void clearSent() { transport_.sent.clear(); }

  LspServer& server() { return *server_; }
  RecordingTransport& transport() { return transport_; }
  std::string logText() const { return log_.str(); }

 private:
  RecordingTransport transport_;
  std::ostringstream log_;
  std::unique_ptr<Logger> logger_;
  std::unique_ptr<LspServer> server_;
  int64_t nextId_ = 1;
};

// Applies LSP TextEdits (all relative to `text`, non-overlapping) like an editor would.
// `utf8`: columns are bytes; otherwise UTF-16 code units.
std::string applyEdits(const std::string& text, const json& edits, bool utf8);
// The edits for `uri` in a WorkspaceEdit, from `changes` or `documentChanges`.
json editsFor(const json& workspaceEdit, const std::string& uri);

// Splits Content-Length framed output into messages; fails the test on bad framing.
std::vector<json> parseFramed(const std::string& bytes);
// Frames one message body.
std::string frame(const std::string& body);

std::string readFile(const std::string& path);
std::string seedPath(const std::string& name);  // tests/corpus/seeds/<name>

}  // namespace gklint::lsp::test
