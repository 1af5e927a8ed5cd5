#include "cli/CheckCommand.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <thread>
#include <ctime>

#include "cli/AtomicFileWrite.h"
#include "cli/ConfigCache.h"
#include "cli/FileCollector.h"
#include "cli/OrderedWork.h"
#include "cli/PreviousReport.h"
#include "cli/Progress.h"
#include "cli/ReportFile.h"
#include "cli/ReportedTables.h"
#include "cli/StdinInput.h"
#include "cli/Reporter.h"
#include "engine/Analyzer.h"
#include "engine/lint/FixApplier.h"
#include "engine/text/Utf8.h"

namespace gklint::cli {
namespace {

bool isTextFormat(DocumentFormat format) { return format == DocumentFormat::Text || format == DocumentFormat::Markdown; }

// Reports linted ahead of the one being written, per thread; bounds memory whatever the folder size.
constexpr size_t kFilesPerThreadInBatch = 8;

ReportedEdit toReportedEdit(const Source& source, const TextEdit& edit) {
  const Position b = source.position(edit.span.begin, ColumnUnit::CodePoints);
  const Position e = source.position(edit.span.end, ColumnUnit::CodePoints);
  return {static_cast<int>(b.line) + 1, static_cast<int>(b.column) + 1, static_cast<int>(e.line) + 1,
          static_cast<int>(e.column) + 1, edit.replacement};
}

const char* fileFormatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::Docx: return "Word document";
    case DocumentFormat::Html: return "web page";
    case DocumentFormat::Pdf: return "PDF";
    default: return "report";
  }
}

// Applies the fixes (up to a few rounds, as fixes that overlap wait for the next round),
// writes UTF-8 files back, and returns the analysis of the fixed text.
Analysis fixFile(const std::string& path, DocumentFormat format, const std::string& original, Analysis analysis,
                 const AnalyzeOptions& analyze,
                 const RuleSet& rules, FileReport& report) {
  if (analysis.source->origin()) {
    // A .docx (or any file whose linted text the reader built) must never be overwritten with that text.
    report.notes.push_back("not fixed: --fix rewrites text reports only; correct this " +
                           std::string(fileFormatName(format)) + " in the program that wrote it");
    return analysis;
  }
  const Encoding encoding = analysis.source->encoding();
  if (encoding != Encoding::Utf8 && encoding != Encoding::Utf8Bom) {
    report.notes.push_back("not fixed: the file is " + std::string(encodingName(encoding)) +
                           "; re-save it as UTF-8 to use --fix");
    return analysis;
  }
  constexpr int kMaxRounds = 4;
  std::string text(analysis.source->text());
  size_t total = 0;
  for (int round = 0; round < kMaxRounds; ++round) {
    FixResult fixed = applyFixes(text, analysis.findings);
    if (fixed.applied == 0) break;
    total += fixed.applied;
    Analysis next = analyzeBytes(path, fixed.text, format, rules, analyze);
    if (!next.ok()) break;  // cannot happen for valid UTF-8 edits; keep the last good state
    text = std::move(fixed.text);
    analysis = std::move(next);
  }
  if (total == 0) return analysis;
  const std::string bytes = (encoding == Encoding::Utf8Bom ? std::string("\xEF\xBB\xBF") : std::string()) + text;
  if (bytes != original) {
    if (std::optional<std::string> failure = replaceFileAtomically(path, original, bytes)) {
      report.notes.push_back("not fixed: " + *failure);
      return analyzeBytes(path, original, *formatFromPath(path), rules, analyze);  // what the file still says
    }
  }
  report.notes.push_back("fixed " + std::to_string(total) + " finding(s)");
  return analysis;
}

std::string todayIso() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// Sets a finding's (or related place's) location in the original file and its 1-based line and
// code-point columns: the file's own where it has lines, else those of the linted text.
template <typename Placed>
void place(Locator& locator, const Source& source, ByteSpan span, Placed& out) {
  out.location = locator.at(span.begin);
  out.endLocation = locator.endOf(span.begin, span.end);
  if (out.location.hasFileLines() && out.endLocation.hasFileLines()) {
    out.line = out.location.line;
    out.column = out.location.column;
    out.endLine = out.endLocation.line;
    out.endColumn = out.endLocation.column;
    return;
  }
  const Position b = source.position(span.begin, ColumnUnit::CodePoints);
  const Position e = source.position(span.end, ColumnUnit::CodePoints);
  out.line = static_cast<int>(b.line) + 1;
  out.column = static_cast<int>(b.column) + 1;
  out.endLine = static_cast<int>(e.line) + 1;
  out.endColumn = static_cast<int>(e.column) + 1;
}

FileReport lintFile(const std::string& path, const CheckOptions& options, EncodingChoice encoding,
                    const LoadedConfig& loaded, const PreviousReport* previous, const std::string& today) {
  const RuleSet& rules = *loaded.rules;
  FileReport report;
  report.path = path;
  std::string bytes;
  const std::optional<uint64_t> configLimit = loaded.fromFile ? loaded.config.maxFileBytes : std::nullopt;
  if (!readReportFile(readsStdin(options) ? kStdinDevice : path,
                      options.maxFileBytes.value_or(configLimit.value_or(kDefaultMaxFileBytes)), bytes, report.error)) {
    return report;
  }
  const DocumentFormat format = formatFromPath(path).value_or(DocumentFormat::Text);  // "<stdin>": text
  AnalyzeOptions analyze;
  analyze.encoding = encoding;
  analyze.year = options.year ? options.year : loaded.config.year;
  analyze.previous = previous ? &previous->document() : nullptr;
  analyze.config = loaded.fromFile ? &loaded.config : nullptr;
  analyze.maxFindingsPerRule = options.maxFindingsPerRule;
  // Publish date: --published, else the config's per-file dates, else its default date.
  analyze.publishDate = options.published;
  if (analyze.publishDate.empty() && loaded.fromFile) {
    // Each glob is relative to the folder of the config file that wrote it.
    for (const auto& [glob, date] : loaded.config.publishDates) {
      if (globMatches(glob.glob, relativeTo(glob.root, path))) analyze.publishDate = date;
    }
    if (analyze.publishDate.empty()) analyze.publishDate = loaded.config.publishDate;
  }
  Analysis analysis = analyzeBytes(path, bytes, format, rules, analyze);
  if (!analysis.ok()) {
    report.error = analysis.error;
    return report;
  }
  if (previous) {
    // Carry-over against another body's report, or another year's, would be nonsense: say
    // so and lint without it (a second pass, only in this rare case).
    if (auto mismatch = previousReportMismatch(*analysis.document, *previous)) {
      report.warnings.push_back(std::move(*mismatch));
      analyze.previous = nullptr;
      analysis = analyzeBytes(path, bytes, format, rules, analyze);
    }
  }
  if (options.fix) analysis = fixFile(path, format, bytes, std::move(analysis), analyze, rules, report);
  if (loaded.waivers) {
    const size_t waived = applyWaivers(*loaded.waivers, relativeTo(loaded.waivers->root, path), *analysis.source, rules,
                                       analyze.config, today, analysis.findings);
    if (waived > 0) report.notes.push_back("waived " + std::to_string(waived) + " finding(s) (.gklint-waivers.yaml)");
  }
  const Source& source = *analysis.source;
  for (const auto& check : rules.checks) {
    const RuleInfo& info = check->info();
    const std::optional<Severity> severity = analyze.config ? effectiveSeverity(*analyze.config, info) : info.severity;
    if (severity && info.applies.matches(*analysis.document)) report.rulesRun.push_back(info.id);
  }
  std::sort(report.rulesRun.begin(), report.rulesRun.end());
  if (options.format == "html") report.tables = reportedTables(*analysis.document, source, rules, analysis.findings);
  report.year = analysis.document->year;
  report.templateName = std::string(templateName(analysis.document->templateId));
  report.encoding = std::string(encodingName(source.encoding()));
  report.format = formatName(*formatFromPath(path));
  report.body = analysis.body;
  Locator locator(source);  // findings come sorted by begin
  for (const Finding& f : analysis.findings) {
    ReportedFinding r;
    r.rule = f.ruleId;
    r.severity = f.severity;
    r.message = f.message;
    place(locator, source, f.span, r);
    const std::string_view spanText = source.text().substr(f.span.begin, f.span.size());
    r.excerpt = std::string(spanText.substr(0, utf8::validPrefixLength(spanText.substr(0, kExcerptBytes))));
    for (const RelatedSpan& related : f.related) {
      ReportedRelated out;
      out.message = related.message;
      place(locator, source, related.span, out);
      r.related.push_back(std::move(out));
    }
    if (f.fix && isTextFormat(format)) {  // edits are for text files
      r.fixTitle = f.fix->title;
      r.fixSafe = f.fix->safe;
      for (const TextEdit& edit : f.fix->edits) r.fixEdits.push_back(toReportedEdit(source, edit));
    }
    report.findings.push_back(std::move(r));
  }
  return report;
}

// Every rule the run may report, once per id, sorted: the rule sets of the configurations used
// (the built-in set when no file has one).
std::vector<const RuleInfo*> ruleCatalogue(const RuleSet& builtin, const std::vector<const LoadedConfig*>& configs) {
  std::map<std::string, const RuleInfo*> byId;
  auto add = [&](const RuleSet& rules) {
    for (const auto& check : rules.checks) byId.emplace(check->info().id, &check->info());
  };
  for (const LoadedConfig* loaded : configs) add(*loaded->rules);
  if (configs.empty()) add(builtin);
  std::vector<const RuleInfo*> out;
  for (const auto& [id, info] : byId) out.push_back(info);
  return out;
}

bool failsOn(Severity s, const std::string& threshold) {
  if (threshold == "never") return false;
  Severity limit = Severity::Error;
  parseSeverity(threshold, limit);
  return s >= limit;
}

}  // namespace

int runCheck(const CheckOptions& options, const RuleSet& builtin, std::ostream& out, std::ostream& err) {
  EncodingChoice encoding = EncodingChoice::Auto;
  if (!parseEncodingChoice(options.encoding, encoding)) {
    err << "gklint: error: unknown encoding '" << options.encoding << "' (use auto, utf-8, utf-16 or gb18030)\n";
    return 2;
  }
  if (!isReportFormat(options.format)) {
    err << "gklint: error: unknown output format '" << options.format << "' (use text, json, sarif, junit, html, github or gitlab)\n";
    return 2;
  }
  if (const std::string problem = stdinUsageError(options); !problem.empty()) {
    err << "gklint: error: " << problem << "\n";
    return 2;
  }
  ProgressMode progressMode = ProgressMode::Auto;
  if (!parseProgressMode(options.progress, progressMode)) {
    err << "gklint: error: unknown --progress '" << options.progress << "' (use auto, always or never)\n";
    return 2;
  }
  CollectedFiles collected;
  if (readsStdin(options)) collected.files.push_back(stdinReportName(options));
  else collected = collectFiles(options.paths);
  if (options.fix) {
    // Fixes rewrite the text; a page, a Word document or a PDF is not that text. Named on the
    // command line, it is refused; found in a folder, it is checked and left as it is (fixFile
    // says so), while the folder's text reports are fixed.
    for (const std::string& file : options.paths) {
      const std::optional<DocumentFormat> format = formatFromPath(file);
      if (format && !isTextFormat(*format) && !std::filesystem::is_directory(file)) {
        err << file << ": error: --fix edits .txt and .md reports only; fix the " << formatName(*format)
            << " in the program that made it (or check without --fix)\n";
        return 2;
      }
    }
  }
  // Each report's configuration, resolved up front (the linting threads only read it).
  ConfigCache configs(builtin, options.config, options.noConfig);
  std::vector<RuleDiagnostic> configErrors;
  std::vector<std::string> files;
  std::vector<const LoadedConfig*> fileConfigs;
  for (const std::string& file : collected.files) {
    const LoadedConfig& loaded = configs.forReport(file, configErrors);
    bool ignored = false;
    for (const PathGlob& g : loaded.config.ignore) ignored = ignored || globMatches(g.glob, relativeTo(g.root, file));
    if (ignored) continue;
    files.push_back(file);
    fileConfigs.push_back(&loaded);
  }
  for (const RuleDiagnostic& d : configErrors) err << formatRuleDiagnostic(d) << "\n";
  if (!configErrors.empty()) {
    err << "gklint: error: fix the configuration above (gklint config show REPORT shows what applies); nothing was checked\n";
    return 2;
  }
  if (collected.files.empty() && collected.errors.empty()) {
    err << "gklint: error: no reports (.txt, .md, .html, .htm, .docx, .pdf) found in the given folders\n";
    return 2;
  }

  // Last year's report, read once under its configuration and shared (read-only) by every
  // file's analysis.
  std::optional<PreviousReport> previous;
  if (!options.previous.empty()) {
    std::vector<RuleDiagnostic> previousConfigErrors;
    const LoadedConfig& previousConfig = configs.forReport(options.previous, previousConfigErrors);
    for (const RuleDiagnostic& d : previousConfigErrors) err << formatRuleDiagnostic(d) << "\n";
    if (!previousConfigErrors.empty()) {
      err << "gklint: error: fix the configuration of the previous year's report above; nothing was checked\n";
      return 2;
    }
    std::string error;
    previous = readPreviousReport(options.previous, previousConfig, options.maxFileBytes.value_or(kDefaultMaxFileBytes), error);
    if (!previous) {
      err << options.previous << ": error: " << error << "\n";
      return 2;
    }
  }
  const PreviousReport* previousReport = previous ? &*previous : nullptr;

  std::ofstream outputFile;
  if (!options.output.empty()) {
    outputFile.open(options.output, std::ios::binary | std::ios::trunc);
    if (!outputFile) {
      err << options.output << ": error: cannot write the report here (--output); check the folder exists and is writable\n";
      return 2;
    }
  }
  std::ostream& sink = options.output.empty() ? out : outputFile;
  ReporterOptions reporting;
  reporting.color = options.color && options.output.empty();
  reporting.rules = ruleCatalogue(builtin, fileConfigs);
  reporting.title = options.title;
  if (options.failOn != "never") {
    Severity limit = Severity::Error;
    parseSeverity(options.failOn, limit);
    reporting.failOn = limit;
  }
  const auto reporter = makeReporter(options.format, sink, err, reporting);

  const unsigned jobs = std::max(1u, options.jobs ? options.jobs : std::thread::hardware_concurrency());
  Totals totals;
  bool failed = false;
  reporter->begin();
  // Paths that could not be collected are reported like unreadable files, so JSON consumers see them.
  for (const PathError& e : collected.errors) {
    FileReport report;
    report.path = e.path;
    report.error = e.message;
    ++totals.files;
    ++totals.failedFiles;
    reporter->file(report);
  }
  const std::string today = options.today.empty() ? todayIso() : options.today;
  ProgressBar progress(err, files.size(), progressWanted(progressMode, options.stderrIsTerminal), progressDelay(progressMode));
  // Reports are written in input order as soon as each is linted; the threads never wait
  // for a batch to finish, and at most jobs * kFilesPerThreadInBatch reports wait at once.
  runInOrder<FileReport>(
      files.size(), jobs, jobs * kFilesPerThreadInBatch,
      [&](size_t i) {
        FileReport report = lintFile(files[i], options, encoding, *fileConfigs[i], previousReport, today);
        progress.fileDone();
        return report;
      },
      [&](size_t, FileReport& report) {
        ++totals.files;
        if (!report.error.empty()) ++totals.failedFiles;
        for (const ReportedFinding& f : report.findings) {
          (f.severity == Severity::Error ? totals.errors : f.severity == Severity::Warning ? totals.warnings : totals.infos)++;
          failed = failed || failsOn(f.severity, options.failOn);
        }
        // The reporter may write to the same terminal: the bar steps aside, and is redrawn at
        // most once per report that prints something (clean reports print nothing).
        const bool prints = !report.findings.empty() || !report.error.empty() || !report.notes.empty() ||
                            !report.warnings.empty();
        if (prints) progress.pause();
        reporter->file(report);
        if (prints) progress.resume();
      });
  progress.finish();
  reporter->end(totals);
  if (outputFile.is_open()) {
    outputFile.close();
    if (!outputFile) {
      err << options.output << ": error: could not write the whole report (--output)\n";
      return 2;
    }
  }
  if (totals.failedFiles > 0 || !collected.errors.empty()) return 2;
  return failed ? 1 : 0;
}

}  // namespace gklint::cli
