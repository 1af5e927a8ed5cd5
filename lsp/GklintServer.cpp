#include "lsp/GklintServer.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <tuple>

#include "engine/rules/RuleDiagnostic.h"
#include "lsp/CodeActions.h"
#include "lsp/Convert.h"
#include "lsp/DocumentSymbols.h"
#include "lsp/Hover.h"
#include "lsp/Uri.h"

namespace gklint::lsp {

#ifndef GKLINT_DOCS_URL
#define GKLINT_DOCS_URL ""
#endif
// Where the documentation is published, as gklint was built (-DGKLINT_DOCS_URL); the
// docsUrl setting overrides it.
constexpr const char* kBuiltDocsUrl = GKLINT_DOCS_URL;
namespace {

namespace fs = std::filesystem;

std::optional<DocumentFormat> formatOf(const TextDocumentItem& item) {
  // Word and PDF files are not text an editor edits: not linted here (gklint check reads them).
  if (auto format = formatFromPath(uriFileName(item.uri))) {
    if (*format == DocumentFormat::Docx || *format == DocumentFormat::Pdf) return std::nullopt;
    return format;
  }
  if (item.languageId == "markdown") return DocumentFormat::Markdown;
  if (item.languageId == "html") return DocumentFormat::Html;
  if (item.languageId == "plaintext" || item.languageId == "text") return DocumentFormat::Text;
  return std::nullopt;
}

std::string diagnosticsKey(const DocumentUri& uri) { return "diagnostics:" + uri; }

// Published per document at most (then one diagnostic saying how many more there are).
constexpr size_t kMaxDiagnostics = 1000;

// A configuration buffer being typed into is reloaded this long after its last edit (loading
// rule files costs far more than linting one report).
constexpr std::chrono::milliseconds kConfigDebounce{200};

std::chrono::nanoseconds threadCpuTime() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

LspError notOpen(const DocumentUri& uri) { return {ErrorCode::InvalidParams, "document is not open: " + uri}; }

}  // namespace

namespace {

std::shared_ptr<const RuleSet> loadBuiltin(Logger& log) {
  RuleLoadResult builtin = loadBuiltinRules();
  for (const RuleDiagnostic& d : builtin.errors) log.error("built-in rules: " + formatRuleDiagnostic(d));
  return std::make_shared<const RuleSet>(std::move(builtin.rules));
}

std::string todayIso() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

bool isConfigFileName(const std::string& path) { return fs::path(path).filename() == ".gklint.yaml"; }

std::string resolvePath(const std::string& spec, const fs::path& root) {
  fs::path path(spec);
  if (path.is_relative()) path = (root.empty() ? fs::current_path() : root) / path;
  return path.lexically_normal().string();
}

}  // namespace

GklintServer::GklintServer(Callbacks& callbacks, Logger& log, GklintServerOptions options)
    : callbacks_(callbacks),
      log_(log),
      options_(std::move(options)),
      configs_(loadBuiltin(log_)),
      scheduler_(options_.scheduler) {}

GklintServer::~GklintServer() = default;

// ---------------------------------------------------------------------------------------------
// Configuration

void GklintServer::configure(const GklintSettings& settings) {
  std::lock_guard<std::mutex> configuring(configureMutex_);
  configureLocked(settings);
}

void GklintServer::configureLocked(const GklintSettings& settings) {
  RuleSources sources = resolveRuleSources(settings, options_.workspaceRoot);
  // An open rule file is read from its buffer, saved or not, as a .gklint.yaml is.
  ConfiguredRuleFiles read =
      readConfiguredRuleFiles(sources, [this](const fs::path& path) { return files_.read(path.string()); });
  for (const std::string& problem : read.problems) {
    log_.error(problem);
    callbacks_.onMessage(MessageType::Warning, "gklint: " + problem);
  }
  SettingsLayer layer;
  layer.ruleFiles = std::move(read.files);
  for (const auto& [pattern, level] : settings.severities) {
    SeveritySetting setting;
    setting.pattern = pattern;
    Severity severity;
    if (level != "off" && parseSeverity(level, severity)) setting.severity = severity;
    setting.mark = {"settings", 0, 0};
    layer.severities.push_back(std::move(setting));
  }
  layer.year = settings.year;
  if (settings.configPath) layer.configPath = resolvePath(*settings.configPath, options_.workspaceRoot);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    settings_ = settings;
    sources_ = std::move(sources);
  }
  const std::string explicitConfig = layer.configPath;
  configs_.setSettings(std::move(layer));
  reloadConfigs({explicitConfig});
}

bool GklintServer::filesChanged(const std::vector<std::string>& paths) {
  RuleSources sources;
  GklintSettings settings;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sources = sources_;
    settings = settings_;
  }
  for (const std::string& path : paths) {
    if (isRuleSource(sources, path)) {
      log_.info("rule file changed: " + path);
      configure(settings);
      return true;
    }
  }
  std::vector<std::string> stale = configs_.filesChanged(paths);
  bool discovery = false;
  for (const std::string& path : paths) discovery = discovery || isConfigFileName(path);
  if (stale.empty() && !discovery) return false;
  for (const std::string& path : paths) log_.info("configuration file changed: " + path);
  reloadConfigs(std::move(stale));
  return true;
}

std::string GklintServer::configPathFor(const std::string& path) const {
  std::string configPath;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (settings_.configPath) configPath = resolvePath(*settings_.configPath, options_.workspaceRoot);
  }
  if (configPath.empty() && !path.empty()) {
    configPath = files_.nearestConfigFile(fs::path(path).parent_path().string()).value_or("");
  }
  return configPath;
}

std::set<std::string> GklintServer::usedConfigPaths() const {
  std::set<std::string> used = {"", configPathFor("")};  // the settings themselves always apply
  for (const DocumentSnapshot& doc : documents_.all()) used.insert(configPathFor(uriToPath(doc.uri).value_or("")));
  for (const DocumentSnapshot& buffer : buffers_.all()) {
    const std::optional<std::string> path = uriToPath(buffer.uri);
    if (path && isConfigFileName(*path)) used.insert(fs::path(*path).lexically_normal().string());
  }
  return used;
}

std::shared_ptr<const LintConfig> GklintServer::configFor(const std::string& path) {
  const std::string configPath = configPathFor(path);
  std::optional<LintConfigCache::Loaded> loaded;
  std::shared_ptr<const LintConfig> config = configs_.get(configPath, files_.configFileSystem(), &loaded);
  if (loaded) publishConfigLoad(*loaded);
  return config;
}

void GklintServer::reloadConfigs(std::vector<std::string> configPaths) {
  for (const DocumentSnapshot& doc : documents_.all()) {
    configFor(uriToPath(doc.uri).value_or(""));
  }
  for (const std::string& configPath : configPaths) {
    std::optional<LintConfigCache::Loaded> loaded;
    configs_.get(configPath, files_.configFileSystem(), &loaded);
    if (loaded) publishConfigLoad(*loaded);
  }
  for (const DocumentSnapshot& doc : documents_.all()) scheduleDiagnostics(doc.uri, std::chrono::milliseconds(0));
  callbacks_.onRulesChanged();
}

void GklintServer::publishConfigLoad(const LintConfigCache::Loaded& loaded) {
  const std::string where = loaded.configPath.empty() ? "the rule files" : loaded.configPath + " or the files it names";
  if (loaded.keptPrevious) {
    const std::string message = "gklint: " + std::to_string(loaded.problems.size()) + " problem(s) in " +
                                (loaded.configPath.empty() ? "the rule files; the previous rules stay in use until they are fixed"
                                                           : where + "; the last good configuration stays in use until they are fixed");
    log_.error(message);
    callbacks_.onMessage(MessageType::Warning, message);
  } else if (!loaded.problems.empty()) {
    log_.error("gklint: " + std::to_string(loaded.problems.size()) + " problem(s) in " + where);
  } else {
    log_.info("loaded configuration " + (loaded.configPath.empty() ? std::string("(none)") : loaded.configPath));
  }
  publishConfigProblems(&loaded);
}

void GklintServer::publishConfigProblems(const LintConfigCache::Loaded* loaded) {
  // Every file's problems from the last load of every configuration in use, once each;
  // published when they differ from what the file has. A configuration no open document
  // uses (and that is not open itself) has no audience: its problems are cleared (and kept,
  // for when a document uses it again without reloading it).
  const std::set<std::string> used = usedConfigPaths();
  auto same = [](const RuleDiagnostic& a, const RuleDiagnostic& b) {
    return a.mark.file == b.mark.file && a.mark.line == b.mark.line && a.mark.column == b.mark.column &&
           a.message == b.message && a.key == b.key;
  };
  std::map<std::string, std::vector<RuleDiagnostic>> byFile;
  std::map<std::string, std::vector<RuleDiagnostic>> changed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (loaded) configProblems_[loaded->configPath] = loaded->problems;
    for (const auto& [origin, problems] : configProblems_) {
      if (used.count(origin) == 0) continue;  // kept: shown again when a document uses it
      for (const RuleDiagnostic& d : problems) {
        std::vector<RuleDiagnostic>& list = byFile[d.mark.file];
        if (std::none_of(list.begin(), list.end(), [&](const RuleDiagnostic& o) { return same(o, d); })) list.push_back(d);
      }
    }
    for (auto& [file, problems] : byFile) {
      std::stable_sort(problems.begin(), problems.end(), [](const RuleDiagnostic& a, const RuleDiagnostic& b) {
        return std::tie(a.mark.line, a.mark.column) < std::tie(b.mark.line, b.mark.column);
      });
      const std::vector<RuleDiagnostic>& before = problemsByFile_[file];
      if (!std::equal(problems.begin(), problems.end(), before.begin(), before.end(), same)) changed[file] = problems;
    }
    for (const auto& [file, problems] : problemsByFile_) {
      if (!problems.empty() && byFile.count(file) == 0) changed[file] = {};
    }
    problemsByFile_ = byFile;
  }
  std::lock_guard<std::mutex> publishing(publishMutex_);
  for (const auto& [file, problems] : changed) {
    const Source yaml(file, files_.read(file).value_or(std::string()));
    PublishDiagnosticsParams params{uriForFile(file), std::nullopt, {}};
    for (const RuleDiagnostic& d : problems) params.diagnostics.push_back(toDiagnostic(d, yaml, options_.encoding));
    callbacks_.onDiagnostics(params);
  }
}

void GklintServer::bufferChanged(const DocumentUri& uri) {
  const std::optional<std::string> path = uriToPath(uri);
  if (!path) return;
  bool ruleSource = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ruleSource = isRuleSource(sources_, *path);
  }
  if (ruleSource) {
    // A rule file named in the settings: reload them (from this buffer) after the debounce,
    // with the settings current then.
    scheduler_.schedule("rules:" + *path, options_.scheduler.debounce.fixed.value_or(kConfigDebounce), [this] {
      std::lock_guard<std::mutex> configuring(configureMutex_);  // settings that arrive meanwhile win
      GklintSettings settings;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        settings = settings_;
      }
      log_.info("rule file edited in the editor: reloading the rules");
      configureLocked(settings);
    });
    return;
  }
  const bool config = isConfigFileName(*path);
  // Reloading marks what read it stale now; the reload itself waits for the debounce.
  std::vector<std::string> stale = configs_.filesChanged({*path});
  if (stale.empty() && !config) return;
  if (config) stale.push_back(fs::path(*path).lexically_normal().string());
  scheduler_.schedule("config:" + *path, options_.scheduler.debounce.fixed.value_or(kConfigDebounce),
                      [this, stale = std::move(stale)]() mutable { reloadConfigs(std::move(stale)); });
}

std::string GklintServer::uriForFile(const std::string& path) const {
  // An open file gets its diagnostics under the URI the client spelled.
  std::vector<DocumentSnapshot> open = buffers_.all();
  for (const DocumentSnapshot& doc : documents_.all()) open.push_back(doc);
  const std::string wanted = fs::path(path).lexically_normal().string();
  for (const DocumentSnapshot& doc : open) {
    const std::optional<std::string> docPath = uriToPath(doc.uri);
    if (docPath && fs::path(*docPath).lexically_normal().string() == wanted) return doc.uri;
  }
  return pathToUri(path);
}

// ---------------------------------------------------------------------------------------------
// Documents

void GklintServer::addDocument(const TextDocumentItem& item) {
  const std::optional<DocumentFormat> format = formatOf(item);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    analyses_.erase(item.uri);
    published_.erase(item.uri);
  }
  if (!format) {
    log_.verbose("not a report (.txt, .md, .html), not linted: " + item.uri);
    documents_.close(item.uri);
    buffers_.open(item.uri, item.version, DocumentFormat::Text, item.text);
    bufferChanged(item.uri);
    return;
  }
  buffers_.close(item.uri);
  documents_.open(item.uri, item.version, *format, item.text);
  publishConfigProblems(nullptr);  // its configuration's problems, if it had none to show them
  scheduleDiagnostics(item.uri, std::chrono::milliseconds(0));
}

std::optional<LspError> GklintServer::changeDocument(const DidChangeTextDocumentParams& params) {
  const DocumentUri& uri = params.textDocument.uri;
  if (buffers_.get(uri)) {
    Expected<DocumentSnapshot> changed =
        buffers_.change(uri, params.textDocument.version, params.contentChanges, options_.encoding);
    if (!changed) return changed.error();
    bufferChanged(uri);
    return std::nullopt;
  }
  Expected<DocumentSnapshot> changed =
      documents_.change(uri, params.textDocument.version, params.contentChanges, options_.encoding);
  if (!changed) return changed.error();
  std::chrono::milliseconds delay;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    delay = options_.scheduler.debounce.delayFor(lintTimes_[uri]);
  }
  scheduleDiagnostics(uri, delay);
  return std::nullopt;
}

void GklintServer::saveDocument(const DocumentUri& uri) {
  // Configuration and rule-file buffers are read as they are edited; a save of one of the
  // settings' rule files reloads them too (a client may save a file it never opened).
  RuleSources sources;
  GklintSettings settings;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sources = sources_;
    settings = settings_;
  }
  const std::optional<std::string> path = uriToPath(uri);
  if (path && isRuleSource(sources, *path)) {
    log_.info("rule file saved: " + *path);
    configure(settings);
  }
}

void GklintServer::closeDocument(const DocumentUri& uri) {
  if (buffers_.close(uri)) {
    bufferChanged(uri);            // the disk speaks for the file again
    publishConfigProblems(nullptr);  // a .gklint.yaml no report uses loses its audience
    return;
  }
  scheduler_.cancel(diagnosticsKey(uri));
  bool wasOpen = false;
  {
    std::lock_guard<std::mutex> publishing(publishMutex_);
    wasOpen = documents_.close(uri);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      analyses_.erase(uri);
      published_.erase(uri);
      lintTimes_.erase(uri);
    }
    if (wasOpen && options_.pushDiagnostics) callbacks_.onDiagnostics({uri, std::nullopt, {}});
  }
  if (wasOpen) publishConfigProblems(nullptr);  // its configuration may have no audience left
}

// ---------------------------------------------------------------------------------------------
// Linting and diagnostics

std::shared_ptr<const DocumentAnalysis> GklintServer::analysis(const DocumentUri& uri) {
  const std::optional<DocumentSnapshot> snapshot = documents_.get(uri);
  if (!snapshot) return nullptr;
  const std::string path = uriToPath(uri).value_or("");
  std::shared_ptr<const LintConfig> config = configFor(path);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = analyses_.find(uri);
    if (it != analyses_.end() && it->second->snapshot.source == snapshot->source && it->second->config == config) {
      return it->second;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const std::chrono::nanoseconds startCpu = threadCpuTime();
  std::shared_ptr<const DocumentAnalysis> result = analyzeSnapshot(*snapshot, config, path, todayIso());
  // The debounce follows what linting this document costs (CPU time), not how long a busy
  // machine made it wait for a core.
  const std::chrono::nanoseconds took = threadCpuTime() - startCpu;
  if (log_.enabled(LogLevel::Verbose)) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    log_.verbose("linted " + uri + " v" + std::to_string(snapshot->version) + " in " + std::to_string(ms) + " ms: " +
                 std::to_string(result->findings.size()) + " findings" +
                 (result->ignoredByConfig ? " (ignored by " + config->configPath + ")" : std::string()));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (documents_.get(uri)) {
    analyses_[uri] = result;
    lintTimes_[uri].record(took);  // the next edit's debounce follows it
  }
  return result;
}

std::vector<Diagnostic> GklintServer::diagnosticsOf(const DocumentAnalysis& analysis) const {
  const Source& source = analysis.source();
  if (analysis.ignoredByConfig) return {};
  if (analysis.hazard) {
    Diagnostic d;
    const uint32_t offset = analysis.hazard->offset;
    const uint32_t lineEnd = source.lines().lineEnd(source.lines().lineOf(offset));
    d.range = toRange(source, {offset, std::max(offset, lineEnd)}, options_.encoding);
    d.severity = DiagnosticSeverity::Error;
    d.message = analysis.hazard->message;
    return {d};
  }
  // A flood (a pasted line of 100,000 half-width commas) would freeze the editor: the first
  // kMaxDiagnostics in document order are shown, then one diagnostic says how many more.
  const std::vector<Finding>& findings = analysis.findings;
  std::vector<Diagnostic> out =
      toDiagnostics(findings, source, analysis.snapshot.uri, options_.encoding, kMaxDiagnostics);
  linkRuleDocs(out, analysis);
  if (findings.size() > kMaxDiagnostics) {
    const size_t more = findings.size() - kMaxDiagnostics;
    Diagnostic d;
    const ByteSpan at = findings[kMaxDiagnostics].span;
    d.range = toRange(source, {at.begin, at.begin}, options_.encoding);
    d.severity = DiagnosticSeverity::Warning;
    d.code = "gklint/too-many-findings";
    d.message = "另有 " + std::to_string(more) + " 条问题未显示：每个文档最多显示前 " + std::to_string(kMaxDiagnostics) +
                " 条（按文中顺序）；运行 gklint check 可看到全部";
    out.push_back(std::move(d));
  }
  return out;
}

// codeDescription for the built-in rules (they have a page under docs/rules/; a supervisor's
// own rules have none), when the documentation is published somewhere.
void GklintServer::linkRuleDocs(std::vector<Diagnostic>& diagnostics, const DocumentAnalysis& analysis) const {
  std::string base;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    base = settings_.docsUrl.value_or(kBuiltDocsUrl);
  }
  if (base.empty() || !analysis.rules) return;
  if (base.back() != '/') base += '/';
  for (Diagnostic& d : diagnostics) {
    const Check* check = d.code.empty() ? nullptr : analysis.rules->find(d.code);
    if (check && check->info().mark.file.rfind("builtin:", 0) == 0) d.codeHref = base + "docs/rules/" + d.code + ".md";
  }
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
  if (!current || current->source != latest->snapshot.source) return;
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
    if (buffers_.get(uri)) return reply(work(nullptr));
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
        if (a == nullptr || a->readFromPage()) return std::vector<CodeAction>{};  // no quick fixes on a page
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
        if (a == nullptr || a->readFromPage()) return std::optional<Hover>();
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
        if (a != nullptr && a->document && !a->readFromPage()) symbols = lsp::documentSymbols(*a->document, options_.encoding);
        if (options_.hierarchicalSymbols) result.symbols = std::move(symbols);
        else result.symbols = flattenSymbols(symbols, a != nullptr ? a->snapshot.uri : DocumentUri());
        return result;
      });
}

}  // namespace gklint::lsp
