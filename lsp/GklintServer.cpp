#include "lsp/GklintServer.h"

#include <chrono>

#include "engine/rules/RuleDiagnostic.h"
#include "lsp/CodeActions.h"
#include "lsp/Convert.h"
#include "lsp/DocumentSymbols.h"
#include "lsp/Hover.h"
#include "lsp/Uri.h"

namespace gklint::lsp {
namespace {

std::optional<DocumentFormat> formatOf(const TextDocumentItem& item) {
  if (auto format = formatFromPath(uriFileName(item.uri))) return format;
  if (item.languageId == "markdown") return DocumentFormat::Markdown;
  if (item.languageId == "plaintext" || item.languageId == "text") return DocumentFormat::Text;
  return std::nullopt;
}

std::string diagnosticsKey(const DocumentUri& uri) { return "diagnostics:" + uri; }

LspError notOpen(const DocumentUri& uri) { return {ErrorCode::InvalidParams, "document is not open: " + uri}; }

}  // namespace

GklintServer::GklintServer(Callbacks& callbacks, Logger& log, GklintServerOptions options)
    : callbacks_(callbacks), log_(log), options_(std::move(options)), scheduler_(options_.scheduler) {
  RuleLoadResult builtin = loadBuiltinRules();
  for (const RuleDiagnostic& d : builtin.errors) log_.error("built-in rules: " + formatRuleDiagnostic(d));
  rules_.rules = std::make_shared<const RuleSet>(std::move(builtin.rules));
  rules_.generation = 1;
}

GklintServer::~GklintServer() = default;

GklintServer::RulesState GklintServer::rulesState() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rules_;
}

// ---------------------------------------------------------------------------------------------
// Configuration

void GklintServer::configure(const GklintSettings& settings) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    settings_ = settings;
    sources_ = resolveRuleSources(settings, options_.workspaceRoot);
    if (rules_.year != settings.year) {
      rules_.year = settings.year;
      ++rules_.generation;
    }
  }
  reloadRules();
}

bool GklintServer::filesChanged(const std::vector<std::string>& paths) {
  RuleSources sources;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sources = sources_;
  }
  for (const std::string& path : paths) {
    if (isRuleSource(sources, path)) {
      log_.info("rule file changed: " + path);
      reloadRules();
      return true;
    }
  }
  return false;
}

void GklintServer::reloadRules() {
  RuleSources sources;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sources = sources_;
  }
  ConfiguredRules loaded = loadConfiguredRules(sources);
  for (const std::string& problem : loaded.problems) {
    log_.error(problem);
    callbacks_.onMessage(MessageType::Warning, "gklint: " + problem);
  }
  publishRuleProblems(loaded);
  const size_t errors = loaded.loaded.errors.size();
  if (errors == 0) {
    const size_t count = loaded.loaded.rules.checks.size();
    std::lock_guard<std::mutex> lock(mutex_);
    rules_.rules = std::make_shared<const RuleSet>(std::move(loaded.loaded.rules));
    ++rules_.generation;
    log_.info("loaded " + std::to_string(count) + " rules (" + std::to_string(loaded.texts.size()) +
              " configured rule files)");
  } else {
    const std::string message = "gklint: " + std::to_string(errors) +
                                " problem(s) in the rule files; the previous rules stay in use until they are fixed";
    log_.error(message);
    callbacks_.onMessage(MessageType::Warning, message);
  }
  for (const DocumentSnapshot& doc : documents_.all()) scheduleDiagnostics(doc.uri, std::chrono::milliseconds(0));
  callbacks_.onRulesChanged();
}

std::string GklintServer::uriForFile(const std::string& path) const {
  // An open rule file gets its diagnostics under the URI the client spelled.
  std::vector<DocumentUri> open;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    open.assign(ignored_.begin(), ignored_.end());
  }
  for (const DocumentSnapshot& doc : documents_.all()) open.push_back(doc.uri);
  for (const DocumentUri& uri : open) {
    if (uriToPath(uri) == path) return uri;
  }
  return pathToUri(path);
}

void GklintServer::publishRuleProblems(const ConfiguredRules& loaded) {
  std::map<std::string, std::vector<const RuleDiagnostic*>> byFile;
  for (const RuleDiagnostic& d : loaded.loaded.errors) {
    if (d.mark.file.rfind("builtin:", 0) == 0) {
      log_.error("built-in rules: " + formatRuleDiagnostic(d));
      continue;
    }
    byFile[d.mark.file].push_back(&d);
  }
  std::set<std::string> now;
  for (const auto& [file, problems] : byFile) {
    auto text = loaded.texts.find(file);
    const Source yaml(file, text == loaded.texts.end() ? std::string() : text->second);
    PublishDiagnosticsParams params{uriForFile(file), std::nullopt, {}};
    for (const RuleDiagnostic* d : problems) params.diagnostics.push_back(toDiagnostic(*d, yaml, options_.encoding));
    callbacks_.onDiagnostics(params);
    now.insert(file);
  }
  std::set<std::string> previous;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    previous.swap(ruleFilesWithProblems_);
    ruleFilesWithProblems_ = now;
  }
  for (const std::string& file : previous) {
    if (now.count(file) == 0) callbacks_.onDiagnostics({uriForFile(file), std::nullopt, {}});
  }
}

// ---------------------------------------------------------------------------------------------
// Documents

void GklintServer::addDocument(const TextDocumentItem& item) {
  const std::optional<DocumentFormat> format = formatOf(item);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    analyses_.erase(item.uri);
    published_.erase(item.uri);
    if (!format) ignored_.insert(item.uri);
    else ignored_.erase(item.uri);
  }
  if (!format) {
    log_.verbose("not a report (.txt, .md), not linted: " + item.uri);
    return;
  }
  documents_.open(item.uri, item.version, *format, item.text);
  scheduleDiagnostics(item.uri, std::chrono::milliseconds(0));
}

std::optional<LspError> GklintServer::changeDocument(const DidChangeTextDocumentParams& params) {
  const DocumentUri& uri = params.textDocument.uri;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ignored_.count(uri) != 0) return std::nullopt;
  }
  Expected<DocumentSnapshot> changed =
      documents_.change(uri, params.textDocument.version, params.contentChanges, options_.encoding);
  if (!changed) return changed.error();
  scheduleDiagnostics(uri, options_.scheduler.debounce);
  return std::nullopt;
}

void GklintServer::saveDocument(const DocumentUri& uri) {
  if (std::optional<std::string> path = uriToPath(uri)) filesChanged({*path});
}

void GklintServer::closeDocument(const DocumentUri& uri) {
  scheduler_.cancel(diagnosticsKey(uri));
  std::lock_guard<std::mutex> publishing(publishMutex_);
  const bool wasOpen = documents_.close(uri);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    analyses_.erase(uri);
    published_.erase(uri);
    ignored_.erase(uri);
  }
  if (wasOpen && options_.pushDiagnostics) callbacks_.onDiagnostics({uri, std::nullopt, {}});
}

// ---------------------------------------------------------------------------------------------
// Linting and diagnostics

std::shared_ptr<const DocumentAnalysis> GklintServer::analysis(const DocumentUri& uri) {
  const std::optional<DocumentSnapshot> snapshot = documents_.get(uri);
  if (!snapshot) return nullptr;
  const RulesState rules = rulesState();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = analyses_.find(uri);
    if (it != analyses_.end() && it->second->snapshot.source == snapshot->source &&
        it->second->rulesGeneration == rules.generation) {
      return it->second;
    }
  }
  AnalyzeOptions options;
  options.year = rules.year;
  const auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const DocumentAnalysis> result = analyzeSnapshot(*snapshot, rules.rules, rules.generation, options);
  if (log_.enabled(LogLevel::Verbose)) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    log_.verbose("linted " + uri + " v" + std::to_string(snapshot->version) + " in " + std::to_string(ms) + " ms: " +
                 std::to_string(result->findings.size()) + " findings");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (documents_.get(uri)) analyses_[uri] = result;
  return result;
}

std::vector<Diagnostic> GklintServer::diagnosticsOf(const DocumentAnalysis& analysis) const {
  const Source& source = analysis.source();
  if (analysis.hazard) {
    Diagnostic d;
    const uint32_t offset = analysis.hazard->offset;
    const uint32_t lineEnd = source.lines().lineEnd(source.lines().lineOf(offset));
    d.range = toRange(source, {offset, std::max(offset, lineEnd)}, options_.encoding);
    d.severity = DiagnosticSeverity::Error;
    d.message = analysis.hazard->message;
    return {d};
  }
  return toDiagnostics(analysis.findings, source, analysis.snapshot.uri, options_.encoding);
}

void GklintServer::scheduleDiagnostics(const DocumentUri& uri, std::chrono::milliseconds delay) {
  if (!options_.pushDiagnostics) return;  // the client pulls; lint when it asks
  scheduler_.schedule(diagnosticsKey(uri), delay, [this, uri] { publishLatest(uri); });
}

void GklintServer::publishLatest(const DocumentUri& uri) {
  std::shared_ptr<const DocumentAnalysis> latest = analysis(uri);
  if (!latest) return;
  std::lock_guard<std::mutex> publishing(publishMutex_);
  // Only the latest version under the latest rules is published: anything older means a
  // newer run is already scheduled.
  const std::optional<DocumentSnapshot> current = documents_.get(uri);
  if (!current || current->source != latest->snapshot.source || rulesState().generation != latest->rulesGeneration) {
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& published = published_[uri];
    if (published.first == latest->snapshot.source && published.second == latest->rulesGeneration) return;
    published = {latest->snapshot.source, latest->rulesGeneration};
  }
  callbacks_.onDiagnostics({uri, latest->snapshot.version, diagnosticsOf(*latest)});
}

// ---------------------------------------------------------------------------------------------
// Requests

template <typename T>
void GklintServer::withAnalysis(const DocumentUri& uri, CancelToken token, Callback<T> reply,
                                std::function<Expected<T>(const DocumentAnalysis*)> work) {
  scheduler_.enqueue([this, uri, token, reply = std::move(reply), work = std::move(work)] {
    if (token.cancelled()) return reply(LspError{ErrorCode::RequestCancelled, "request cancelled"});
    bool ignored = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ignored = ignored_.count(uri) != 0;
    }
    if (ignored) return reply(work(nullptr));
    std::shared_ptr<const DocumentAnalysis> latest = analysis(uri);
    if (!latest) return reply(notOpen(uri));
    if (token.cancelled()) return reply(LspError{ErrorCode::RequestCancelled, "request cancelled"});
    reply(work(latest.get()));
  });
}

void GklintServer::diagnostics(const DocumentDiagnosticParams& params, CancelToken token,
                               Callback<DocumentDiagnosticReport> reply) {
  withAnalysis<DocumentDiagnosticReport>(
      params.textDocument.uri, token, std::move(reply),
      [this, previous = params.previousResultId](const DocumentAnalysis* a) -> Expected<DocumentDiagnosticReport> {
        DocumentDiagnosticReport report;
        if (a == nullptr) {
          report.resultId = "none";
          return report;
        }
        report.resultId = std::to_string(a->snapshot.version) + "." + std::to_string(a->rulesGeneration);
        if (previous && *previous == report.resultId) {
          report.unchanged = true;
          return report;
        }
        report.items = diagnosticsOf(*a);
        return report;
      });
}

void GklintServer::codeActions(const CodeActionParams& params, CancelToken token,
                               Callback<std::vector<CodeAction>> reply) {
  withAnalysis<std::vector<CodeAction>>(
      params.textDocument.uri, token, std::move(reply),
      [this, params](const DocumentAnalysis* a) -> Expected<std::vector<CodeAction>> {
        if (a == nullptr) return std::vector<CodeAction>{};
        const std::optional<ByteSpan> range = toSpan(a->source(), params.range, options_.encoding);
        if (!range) return LspError{ErrorCode::InvalidParams, "params.range: start is after end"};
        return codeActionsFor(*a, *range, params.context.only, {options_.encoding, options_.documentChanges});
      });
}

void GklintServer::hover(const TextDocumentPositionParams& params, CancelToken token,
                         Callback<std::optional<Hover>> reply) {
  withAnalysis<std::optional<Hover>>(
      params.textDocument.uri, token, std::move(reply),
      [this, position = params.position](const DocumentAnalysis* a) -> Expected<std::optional<Hover>> {
        if (a == nullptr) return std::optional<Hover>();
        const uint32_t offset = toOffset(a->source(), position, options_.encoding, Rounding::Down);
        return hoverAt(*a, offset, {options_.encoding, options_.markdownHover});
      });
}

void GklintServer::documentSymbols(const DocumentSymbolParams& params, CancelToken token,
                                   Callback<DocumentSymbolResult> reply) {
  withAnalysis<DocumentSymbolResult>(
      params.textDocument.uri, token, std::move(reply),
      [this](const DocumentAnalysis* a) -> Expected<DocumentSymbolResult> {
        DocumentSymbolResult result;
        std::vector<DocumentSymbol> symbols;
        if (a != nullptr && a->document) symbols = lsp::documentSymbols(*a->document, options_.encoding);
        if (options_.hierarchicalSymbols) result.symbols = std::move(symbols);
        else result.symbols = flattenSymbols(symbols, a != nullptr ? a->snapshot.uri : DocumentUri());
        return result;
      });
}

}  // namespace gklint::lsp
