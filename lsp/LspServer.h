// LspServer: the protocol server — the JSON-RPC method table, the LSP lifecycle
// (initialize … shutdown, exit), capability negotiation, cancellation, and the conversion of
// typed results to JSON. Features live in GklintServer, which this owns after initialize.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "lsp/GklintServer.h"
#include "lsp/Logger.h"
#include "lsp/Transport.h"

namespace gklint::lsp {

struct LspServerOptions {
  SchedulerOptions scheduler;
  // With zero threads: run the queued work after each message, so every reply and
  // diagnostic is out before the next message is read (`gklint lsp --sync`, transcripts).
  // Tests that queue work on purpose (cancellation) turn it off and call runUntilIdle().
  bool drainAfterEachMessage = true;
  std::string version = "0.1.0";
};

// Handles the messages a Transport reads; replies and notifications go to the same transport.
// Message handling runs on the transport's thread; replies may come from the worker.
class LspServer final : public MessageHandler, private GklintServer::Callbacks {
 public:
  LspServer(Transport& transport, Logger& log, LspServerOptions options);
  ~LspServer() override;

  // Runs the transport loop until `exit` or end of input. Returns the process exit code:
  // 0 when `shutdown` came before `exit`, 1 otherwise (LSP).
  int run();

  bool onNotify(std::string_view method, nlohmann::json params) override;
  bool onCall(std::string_view method, nlohmann::json params, nlohmann::json id) override;
  bool onReply(nlohmann::json id, Expected<nlohmann::json> result) override;

  // Zero threads: runs the queued work; threaded: waits until the worker is idle.
  void runUntilIdle();
  // The feature server, once initialized (nullptr before).
  GklintServer* features() { return server_.get(); }
  int exitCode() const { return exitCode_; }

 private:
  using CallHandler = std::function<void(nlohmann::json params, nlohmann::json id, CancelToken token)>;
  using NotificationHandler = std::function<void(nlohmann::json params)>;

  void bindMethods();
  template <typename Param, typename Result>
  void bindCall(const char* method, void (LspServer::*handler)(const Param&, CancelToken, Callback<Result>));
  template <typename Param>
  void bindNotification(const char* method, void (LspServer::*handler)(const Param&));

  // Requests.
  void onInitialize(const InitializeParams& params, CancelToken token, Callback<InitializeResult> reply);
  void onShutdown(const NoParams& params, CancelToken token, Callback<std::nullptr_t> reply);
  void onDocumentDiagnostic(const DocumentDiagnosticParams& params, CancelToken token,
                            Callback<DocumentDiagnosticReport> reply);
  void onCodeAction(const CodeActionParams& params, CancelToken token, Callback<std::vector<CodeAction>> reply);
  void onHover(const TextDocumentPositionParams& params, CancelToken token, Callback<std::optional<Hover>> reply);
  void onDocumentSymbol(const DocumentSymbolParams& params, CancelToken token, Callback<DocumentSymbolResult> reply);
  // Notifications.
  void onInitialized(const NoParams& params);
  void onCancelRequest(const CancelParams& params);
  void onDidOpen(const DidOpenTextDocumentParams& params);
  void onDidChange(const DidChangeTextDocumentParams& params);
  void onDidSave(const DidSaveTextDocumentParams& params);
  void onDidClose(const DidCloseTextDocumentParams& params);
  void onDidChangeConfiguration(const DidChangeConfigurationParams& params);
  void onDidChangeWatchedFiles(const DidChangeWatchedFilesParams& params);

  // GklintServer::Callbacks
  void onDiagnostics(const PublishDiagnosticsParams& params) override;
  void onMessage(MessageType type, const std::string& message) override;
  void onRulesChanged() override;

  void drain();

  Transport& transport_;
  Logger& log_;
  LspServerOptions options_;
  std::map<std::string, CallHandler, std::less<>> calls_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;

  bool initialized_ = false;
  bool shutdown_ = false;
  int exitCode_ = 1;
  ClientCapabilities client_;
  std::unique_ptr<GklintServer> server_;

  std::mutex inflightMutex_;
  std::map<std::string, CancelToken> inflight_;  // request id (idToString) → its token
  std::atomic<uint64_t> nextServerRequest_{1};
};

}  // namespace gklint::lsp
