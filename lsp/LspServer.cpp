#include "lsp/LspServer.h"

#include <algorithm>

#include "lsp/Uri.h"

namespace gklint::lsp {

using json = nlohmann::json;

namespace {

std::string idKey(const json& id) {
  RequestId parsed;
  std::string ignored;
  if (!fromJSON(id, parsed, JsonPath(&ignored, "id"))) return id.dump();
  return idToString(parsed);
}

}  // namespace

LspServer::LspServer(Transport& transport, Logger& log, LspServerOptions options)
    : transport_(transport), log_(log), options_(std::move(options)) {
  bindMethods();
}

LspServer::~LspServer() {
  // Stop the worker first: a task still running replies through members declared after
  // server_, which would otherwise be destroyed before it.
  server_.reset();
}

// The method table: one line per method.
void LspServer::bindMethods() {
  bindCall("initialize", &LspServer::onInitialize);
  bindCall("shutdown", &LspServer::onShutdown);
  bindCall("textDocument/diagnostic", &LspServer::onDocumentDiagnostic);
  bindCall("textDocument/codeAction", &LspServer::onCodeAction);
  bindCall("textDocument/hover", &LspServer::onHover);
  bindCall("textDocument/documentSymbol", &LspServer::onDocumentSymbol);
  bindNotification("initialized", &LspServer::onInitialized);
  bindNotification("$/cancelRequest", &LspServer::onCancelRequest);
  bindNotification("textDocument/didOpen", &LspServer::onDidOpen);
  bindNotification("textDocument/didChange", &LspServer::onDidChange);
  bindNotification("textDocument/didSave", &LspServer::onDidSave);
  bindNotification("textDocument/didClose", &LspServer::onDidClose);
  bindNotification("workspace/didChangeConfiguration", &LspServer::onDidChangeConfiguration);
  bindNotification("workspace/didChangeWatchedFiles", &LspServer::onDidChangeWatchedFiles);
}

template <typename Param, typename Result>
void LspServer::bindCall(const char* method, void (LspServer::*handler)(const Param&, CancelToken, Callback<Result>)) {
  calls_[method] = [this, handler, method](json params, json id, CancelToken token) {
    Expected<Param> parsed = parseParams<Param>(params);
    const std::string key = idKey(id);
    if (!parsed) {
      log_.error(std::string(method) + ": " + parsed.error().message);
      transport_.reply(std::move(id), parsed.error());
      return;
    }
    {
      std::lock_guard<std::mutex> lock(inflightMutex_);
      inflight_[key] = token;
    }
    (this->*handler)(*parsed, token, [this, id, key, method](Expected<Result> result) {
      {
        std::lock_guard<std::mutex> lock(inflightMutex_);
        inflight_.erase(key);
      }
      if (!result) {
        log_.info(std::string(method) + " " + key + " failed: " + result.error().message);
        transport_.reply(id, result.error());
        return;
      }
      transport_.reply(id, toJSON(*result));
    });
  };
}

template <typename Param>
void LspServer::bindNotification(const char* method, void (LspServer::*handler)(const Param&)) {
  notifications_[method] = [this, handler, method](json params) {
    Expected<Param> parsed = parseParams<Param>(params);
    if (!parsed) {
      // A notification has no reply: the problem goes to the log.
      log_.error(std::string(method) + ": " + parsed.error().message);
      return;
    }
    (this->*handler)(*parsed);
  };
}

int LspServer::run() {
  const bool exited = transport_.loop(*this);
  if (!exited) log_.error("input ended without an exit notification");
  return exited ? exitCode_ : 1;
}

bool LspServer::onCall(std::string_view method, json params, json id) {
  log_.verbose("<-- " + std::string(method) + " " + id.dump());
  if (method == "initialize") {
    if (initialized_) {
      transport_.reply(std::move(id), LspError{ErrorCode::InvalidRequest, "initialize may only be sent once"});
      return true;
    }
  } else if (!initialized_) {
    transport_.reply(std::move(id), LspError{ErrorCode::ServerNotInitialized,
                                             "the server is not initialized: send initialize first"});
    return true;
  } else if (shutdown_) {
    transport_.reply(std::move(id), LspError{ErrorCode::InvalidRequest, "the server is shutting down"});
    return true;
  }
  auto handler = calls_.find(method);
  if (handler == calls_.end()) {
    log_.info("method not found: " + std::string(method));
    transport_.reply(std::move(id), LspError{ErrorCode::MethodNotFound, "method not found: " + std::string(method)});
    return true;
  }
  handler->second(std::move(params), std::move(id), CancelToken());
  drain();
  return true;
}

bool LspServer::onNotify(std::string_view method, json params) {
  log_.verbose("<-- " + std::string(method));
  if (method == "exit") {
    exitCode_ = shutdown_ ? 0 : 1;
    return false;
  }
  if (!initialized_ || shutdown_) {
    log_.info("dropped " + std::string(method) + (initialized_ ? " after shutdown" : " before initialize"));
    return true;
  }
  auto handler = notifications_.find(method);
  if (handler == notifications_.end()) {
    // "$/" notifications are optional by the spec; others are worth a line in the log.
    if (method.substr(0, 2) != "$/") log_.info("unknown notification ignored: " + std::string(method));
    return true;
  }
  handler->second(std::move(params));
  drain();
  return true;
}

bool LspServer::onReply(json id, Expected<json> result) {
  if (!result) log_.info("client answered " + id.dump() + " with an error: " + result.error().message);
  return true;
}

void LspServer::drain() {
  if (!options_.scheduler.threaded && options_.drainAfterEachMessage) runUntilIdle();
}

void LspServer::runUntilIdle() {
  if (server_) server_->runUntilIdle();
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void LspServer::onInitialize(const InitializeParams& params, CancelToken, Callback<InitializeResult> reply) {
  client_ = params.capabilities;
  const auto& offered = client_.positionEncodings;
  const bool utf8 = std::find(offered.begin(), offered.end(), "utf-8") != offered.end();

  GklintServerOptions options;
  options.scheduler = options_.scheduler;
  options.encoding = utf8 ? PositionEncoding::Utf8 : PositionEncoding::Utf16;
  options.pushDiagnostics = !client_.pullDiagnostics;
  options.hierarchicalSymbols = client_.hierarchicalDocumentSymbol;
  options.markdownHover = client_.hoverMarkdown;
  options.documentChanges = client_.documentChanges;
  std::optional<std::string> root;
  if (params.rootUri) root = uriToPath(*params.rootUri);
  if (!root && !params.workspaceFolders.empty()) root = uriToPath(params.workspaceFolders.front().uri);
  if (!root && params.rootPath) root = *params.rootPath;
  if (root) options.workspaceRoot = *root;

  server_ = std::make_unique<GklintServer>(static_cast<GklintServer::Callbacks&>(*this), log_, options);
  initialized_ = true;
  log_.info(std::string("initialized: position encoding ") + std::string(positionEncodingName(options.encoding)) +
            ", diagnostics " + (options.pushDiagnostics ? "pushed" : "pulled") +
            (root ? ", workspace " + *root : std::string()));

  InitializeResult result;
  result.capabilities.positionEncoding = options.encoding;
  result.capabilities.codeActionLiterals = client_.codeActionLiterals;
  result.serverVersion = options_.version;
  reply(std::move(result));
  if (params.initializationOptions) server_->configure(*params.initializationOptions);
}

void LspServer::onInitialized(const NoParams&) {
  if (!client_.watchedFilesRegistration) return;
  // Rule files may be added to a configured folder later and a .gklint.yaml may appear above
  // any report, so every YAML file is watched (the config by name too: not every client's
  // `*` matches a leading dot) and GklintServer::filesChanged picks out the ones that matter.
  RegistrationParams params;
  params.registrations.push_back({"gklint-rule-files",
                                  "workspace/didChangeWatchedFiles",
                                  {{"**/*.yaml"}, {"**/*.yml"}, {"**/.gklint.yaml"}, {"**/.gklint-waivers.yaml"}}});
  transport_.call("client/registerCapability", toJSON(params), "gklint-" + std::to_string(nextServerRequest_++));
}

void LspServer::onShutdown(const NoParams&, CancelToken, Callback<std::nullptr_t> reply) {
  shutdown_ = true;
  // Finish what is queued (requests still owed a reply, pending diagnostics) before saying
  // yes: after `exit` nothing more is sent.
  server_->runUntilIdle();
  reply(nullptr);
}

void LspServer::onCancelRequest(const CancelParams& params) {
  const std::string key = idToString(params.id);
  std::lock_guard<std::mutex> lock(inflightMutex_);
  auto it = inflight_.find(key);
  if (it == inflight_.end()) return;  // already answered
  log_.info("cancelled request " + key);
  it->second.cancel();
}

// ---------------------------------------------------------------------------------------------
// Documents and configuration

void LspServer::onDidOpen(const DidOpenTextDocumentParams& params) { server_->addDocument(params.textDocument); }

void LspServer::onDidChange(const DidChangeTextDocumentParams& params) {
  if (std::optional<LspError> error = server_->changeDocument(params)) {
    log_.error("textDocument/didChange: " + error->message);
    onMessage(MessageType::Error,
              "gklint: an edit could not be applied (" + error->message + "); close and reopen the document");
  }
}

void LspServer::onDidSave(const DidSaveTextDocumentParams& params) { server_->saveDocument(params.textDocument.uri); }

void LspServer::onDidClose(const DidCloseTextDocumentParams& params) {
  server_->closeDocument(params.textDocument.uri);
}

void LspServer::onDidChangeConfiguration(const DidChangeConfigurationParams& params) {
  if (params.settings) server_->configure(*params.settings);
}

void LspServer::onDidChangeWatchedFiles(const DidChangeWatchedFilesParams& params) {
  std::vector<std::string> paths;
  for (const FileEvent& change : params.changes) {
    if (std::optional<std::string> path = uriToPath(change.uri)) paths.push_back(*path);
  }
  server_->filesChanged(paths);
}

// ---------------------------------------------------------------------------------------------
// Requests

void LspServer::onDocumentDiagnostic(const DocumentDiagnosticParams& params, CancelToken token,
                                     Callback<DocumentDiagnosticReport> reply) {
  server_->diagnostics(params, std::move(token), std::move(reply));
}

void LspServer::onCodeAction(const CodeActionParams& params, CancelToken token, Callback<std::vector<CodeAction>> reply) {
  server_->codeActions(params, std::move(token), std::move(reply));
}

void LspServer::onHover(const TextDocumentPositionParams& params, CancelToken token, Callback<std::optional<Hover>> reply) {
  server_->hover(params, std::move(token), std::move(reply));
}

void LspServer::onDocumentSymbol(const DocumentSymbolParams& params, CancelToken token,
                                 Callback<DocumentSymbolResult> reply) {
  server_->documentSymbols(params, std::move(token), std::move(reply));
}

// ---------------------------------------------------------------------------------------------
// GklintServer::Callbacks

void LspServer::onDiagnostics(const PublishDiagnosticsParams& params) {
  transport_.notifyText("textDocument/publishDiagnostics", toJSONText(params));
}

void LspServer::onMessage(MessageType type, const std::string& message) {
  transport_.notify("window/showMessage", toJSON(ShowMessageParams{type, message}));
}

void LspServer::onRulesChanged() {
  if (!client_.pullDiagnostics || !client_.diagnosticRefresh) return;
  transport_.call("workspace/diagnostic/refresh", nullptr, "gklint-" + std::to_string(nextServerRequest_++));
}

}  // namespace gklint::lsp
