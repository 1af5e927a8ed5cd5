// GklintServer: the Language Server's features over the engine — open documents, debounced
// linting, diagnostics, code actions, hover, document symbols and rule configuration. Speaks
// LSP's types (lsp/Protocol.h) but no JSON, so tests and tools can drive it directly.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lsp/Cancellation.h"
#include "lsp/DocumentAnalysis.h"
#include "lsp/DocumentStore.h"
#include "lsp/Logger.h"
#include "lsp/Protocol.h"
#include "lsp/RuleConfig.h"
#include "lsp/Scheduler.h"

namespace gklint::lsp {

struct GklintServerOptions {
  SchedulerOptions scheduler;
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool pushDiagnostics = true;      // publish on every change (off for clients that pull)
  bool hierarchicalSymbols = true;  // DocumentSymbol[] rather than SymbolInformation[]
  bool markdownHover = true;
  bool documentChanges = false;     // versioned edits in code actions
  std::filesystem::path workspaceRoot;  // relative rule paths in settings resolve against it
};

template <typename T>
using Callback = std::function<void(Expected<T>)>;

class GklintServer {
 public:
  // Called from the worker thread (or the caller's, with zero threads).
  class Callbacks {
   public:
    virtual ~Callbacks() = default;
    // Diagnostics of a document (pushed) or of a rule file (always pushed).
    virtual void onDiagnostics(const PublishDiagnosticsParams& params) = 0;
    // Something the user should see that has no place in a file (a missing rule folder).
    virtual void onMessage(MessageType type, const std::string& message) = 0;
    // The rules or settings changed: clients that pull diagnostics should pull again.
    virtual void onRulesChanged() = 0;
  };

  // Starts with the built-in rules; the callbacks and logger must outlive the server.
  GklintServer(Callbacks& callbacks, Logger& log, GklintServerOptions options);
  ~GklintServer();
  GklintServer(const GklintServer&) = delete;
  GklintServer& operator=(const GklintServer&) = delete;

  const GklintServerOptions& options() const { return options_; }

  // --- Configuration -------------------------------------------------------------------------
  // Applies settings: the reporting year at once; the rule files are read and loaded after
  // the built-in packs. Problems are published as diagnostics on each rule file (and cleared
  // when fixed); while any remain, the last rule set that loaded cleanly keeps serving. Open
  // documents are linted again.
  void configure(const GklintSettings& settings);
  // Reloads the configured rules when one of the changed paths is a configured rule file or
  // a YAML file under a configured folder; true when it reloaded.
  bool filesChanged(const std::vector<std::string>& paths);

  // --- Documents -------------------------------------------------------------------------------
  // Format from the URI's extension (.txt, .text, .md, .markdown), else from languageId
  // ("markdown", "plaintext"/"text"). Other documents are kept but never linted, and their
  // requests get empty answers. Diagnostics follow after the debounce.
  void addDocument(const TextDocumentItem& item);
  // Fails with InvalidParams for a document that is not open or a range whose start is after
  // its end; the document is then left as it was.
  std::optional<LspError> changeDocument(const DidChangeTextDocumentParams& params);
  // A saved rule file reloads the rules.
  void saveDocument(const DocumentUri& uri);
  // Forgets the document and clears its diagnostics.
  void closeDocument(const DocumentUri& uri);

  // --- Requests: answered on the worker, after linting the latest version if needed ---------
  // Errors: InvalidParams for a document that was never opened, RequestCancelled when `token`
  // was cancelled before the work started.
  void diagnostics(const DocumentDiagnosticParams& params, CancelToken token, Callback<DocumentDiagnosticReport> reply);
  void codeActions(const CodeActionParams& params, CancelToken token, Callback<std::vector<CodeAction>> reply);
  void hover(const TextDocumentPositionParams& params, CancelToken token, Callback<std::optional<Hover>> reply);
  void documentSymbols(const DocumentSymbolParams& params, CancelToken token, Callback<DocumentSymbolResult> reply);

  // The analysis of the document's latest version, linting it now if needed (tests, bench).
  std::shared_ptr<const DocumentAnalysis> analysis(const DocumentUri& uri);

  // Runs queued work (zero threads) or waits for the worker to be idle.
  void runUntilIdle() { scheduler_.runUntilIdle(); }

 private:
  struct RulesState {
    std::shared_ptr<const RuleSet> rules;
    uint64_t generation = 0;
    std::optional<int> year;
  };

  RulesState rulesState() const;
  void reloadRules();
  void publishRuleProblems(const ConfiguredRules& loaded);
  void scheduleDiagnostics(const DocumentUri& uri, std::chrono::milliseconds delay);
  void publishLatest(const DocumentUri& uri);
  std::vector<Diagnostic> diagnosticsOf(const DocumentAnalysis& analysis) const;
  // Runs `work` with the latest analysis on the worker; answers errors itself.
  template <typename T>
  void withAnalysis(const DocumentUri& uri, CancelToken token, Callback<T> reply,
                    std::function<Expected<T>(const DocumentAnalysis*)> work);
  std::string uriForFile(const std::string& path) const;

  Callbacks& callbacks_;
  Logger& log_;
  GklintServerOptions options_;
  DocumentStore documents_;

  mutable std::mutex mutex_;  // guards everything below
  RulesState rules_;
  GklintSettings settings_;
  RuleSources sources_;
  std::set<std::string> ruleFilesWithProblems_;                       // paths
  std::set<DocumentUri> ignored_;                                     // open, but not reports
  std::map<DocumentUri, std::shared_ptr<const DocumentAnalysis>> analyses_;
  std::map<DocumentUri, std::pair<std::shared_ptr<const Source>, uint64_t>> published_;

  std::mutex publishMutex_;  // orders "publish latest" against close
  Scheduler scheduler_;      // last: its worker stops before the members it uses go away
};

}  // namespace gklint::lsp
