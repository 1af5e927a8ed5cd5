// GklintServer: the Language Server's features over the engine — open documents, debounced
// linting, diagnostics, code actions, hover, document symbols, the .gklint.yaml governing each
// document and the editor's settings over it. Speaks
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
#include "lsp/EditorFileSystem.h"
#include "lsp/LintConfigCache.h"
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
    // Diagnostics of a document (pushed) or of a config or rule file (always pushed).
    virtual void onDiagnostics(const PublishDiagnosticsParams& params) = 0;
    // Something the user should see that has no place in a file (a missing rule folder).
    virtual void onMessage(MessageType type, const std::string& message) = 0;
    // The rules or settings changed: clients that pull diagnostics should pull again.
    virtual void onRulesChanged() = 0;
  };

  // Starts with the built-in rules and no settings; the callbacks and logger must outlive the
  // server.
  GklintServer(Callbacks& callbacks, Logger& log, GklintServerOptions options);
  ~GklintServer();
  GklintServer(const GklintServer&) = delete;
  GklintServer& operator=(const GklintServer&) = delete;

  const GklintServerOptions& options() const { return options_; }

  // --- Configuration -------------------------------------------------------------------------
  // Each report is linted under the nearest .gklint.yaml above it (or settings.configPath),
  // read through the editor: an open buffer's text, else the disk. The settings are layered
  // over it (docs/editors.md, "Configuration"): their rule files after its rule_paths, their
  // severities after its `rules:`, their year instead of its `year`. Problems are published as
  // diagnostics on the file they are in (cleared when fixed); while a configuration has
  // problems, the last one that loaded cleanly keeps serving. Open documents are linted again.
  void configure(const GklintSettings& settings);
  // Files changed on disk (watched files, saves): reloads the settings' rule files when one of
  // them (or a YAML file under a configured folder) changed, and every configuration that read
  // one of the paths; a .gklint.yaml created or deleted may govern other documents now. True
  // when something was reloaded.
  bool filesChanged(const std::vector<std::string>& paths);
  // --- Documents -------------------------------------------------------------------------------
  // Format from the URI's extension (.txt, .text, .md, .markdown), else from languageId
  // ("markdown", "plaintext"/"text"). Other documents are kept as buffers (a .gklint.yaml or
  // rule file open in the editor is read from its buffer) but never linted, and their
  // requests get empty answers. Diagnostics follow after the debounce; a configuration buffer
  // that changes reloads its configuration after the debounce.
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
  void configureLocked(const GklintSettings& settings);  // configureMutex_ held
  // The configuration governing the document at `path` ("" without a file), loading it when
  // needed and publishing what the load found.
  std::shared_ptr<const LintConfig> configFor(const std::string& path);
  // The configuration file that governs the document at `path` ("" for none).
  std::string configPathFor(const std::string& path) const;
  // The configurations in use: the settings' own, those of open reports, open .gklint.yaml files.
  std::set<std::string> usedConfigPaths() const;
  void publishConfigLoad(const LintConfigCache::Loaded& loaded);
  // Records `loaded` (if any) and publishes every file whose problems changed, counting only
  // the configurations in use.
  void publishConfigProblems(const LintConfigCache::Loaded* loaded);
  // Loads the configurations of `configPaths` (and of every open document) now, then lints
  // every open document again.
  void reloadConfigs(std::vector<std::string> configPaths);
  // A buffer that may be configuration changed (opened, edited, closed).
  void bufferChanged(const DocumentUri& uri);
  void scheduleDiagnostics(const DocumentUri& uri, std::chrono::milliseconds delay);
  void publishLatest(const DocumentUri& uri);
  std::vector<Diagnostic> diagnosticsOf(const DocumentAnalysis& analysis) const;
  void linkRuleDocs(std::vector<Diagnostic>& diagnostics, const DocumentAnalysis& analysis) const;
  // Runs `work` with the latest analysis on the worker; answers errors itself.
  template <typename T>
  void withAnalysis(const DocumentUri& uri, CancelToken token, Callback<T> reply,
                    std::function<Expected<T>(const DocumentAnalysis*)> work);
  std::string uriForFile(const std::string& path) const;

  Callbacks& callbacks_;
  Logger& log_;
  GklintServerOptions options_;
  DocumentStore documents_;

  DocumentStore buffers_;  // open documents that are not reports
  EditorFileSystem files_{buffers_};
  LintConfigCache configs_;

  mutable std::mutex mutex_;  // guards everything below
  GklintSettings settings_;
  RuleSources sources_;
  std::map<std::string, std::vector<RuleDiagnostic>> configProblems_;  // config path → problems of its last load
  std::map<std::string, std::vector<RuleDiagnostic>> problemsByFile_;  // what each file has published
  std::map<DocumentUri, std::shared_ptr<const DocumentAnalysis>> analyses_;
  std::map<DocumentUri, std::pair<std::shared_ptr<const Source>, uint64_t>> published_;
  std::map<DocumentUri, LintHistory> lintTimes_;  // recent lint times: the adaptive debounce

  std::mutex publishMutex_;    // orders "publish latest" against close
  std::mutex configureMutex_;  // one configure at a time (the reader's, or a rule-file edit's on the worker)
  Scheduler scheduler_;      // last: its worker stops before the members it uses go away
};

}  // namespace gklint::lsp
