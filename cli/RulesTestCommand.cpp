#include "cli/RulesTestCommand.h"

#include <CLI/CLI.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>

#include "cli/Cli.h"
#include "engine/Analyzer.h"
#include "engine/ruleset/EmbeddedFiles.h"

namespace gklint::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBuiltinPrefix = "builtin:";
constexpr const char* kIndent = "      ";

bool hasExtension(const fs::path& path, std::initializer_list<const char*> extensions) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ext == e; });
}
bool isRuleFile(const fs::path& path) { return hasExtension(path, {".yaml", ".yml"}); }
bool isFixture(const fs::path& path) { return hasExtension(path, {".md", ".markdown"}); }

bool readWholeFile(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string describe(const ExampleFinding& f) {
  return std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.message;
}

// --- what the command line names -------------------------------------------------------

struct Inputs {
  std::vector<std::string> ruleFiles;         // as given (or as found in a given folder)
  std::vector<std::string> fixtures;          // named explicitly
  std::vector<std::string> foundFixtures;     // found in folders: skipped when unannotated
  std::vector<std::string> errors;
};

Inputs collectInputs(const std::vector<std::string>& paths) {
  Inputs in;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      in.errors.push_back(path + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> rules, fixtures;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && (name[0] == '.' || name == "node_modules")) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        if (isRuleFile(it->path())) rules.push_back(it->path().string());
        else if (isFixture(it->path())) fixtures.push_back(it->path().string());
      }
      if (ec) in.errors.push_back(path + ": cannot read folder: " + ec.message());
      std::sort(rules.begin(), rules.end());
      std::sort(fixtures.begin(), fixtures.end());
      in.ruleFiles.insert(in.ruleFiles.end(), rules.begin(), rules.end());
      in.foundFixtures.insert(in.foundFixtures.end(), fixtures.begin(), fixtures.end());
      continue;
    }
    if (isRuleFile(path)) in.ruleFiles.push_back(path);
    else if (isFixture(path)) in.fixtures.push_back(path);
    else in.errors.push_back(path + ": not a rule file (.yaml, .yml) or an annotated report (.md)");
  }
  return in;
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

// The built-in packs with the given rule files appended; a given file that is a built-in
// pack's own file on disk takes that pack's place instead. Returns the names of the given
// files as they appear in RuleInfo::mark.file.
std::set<std::string> assembleRuleFiles(const std::vector<std::string>& given, const std::string& rulesDir,
                                        std::vector<RuleFile>& files, std::vector<std::string>& errors) {
  files = builtinRuleFiles();
  std::map<std::string, size_t> builtinOnDisk;  // canonical disk path → index in `files`
  if (!rulesDir.empty()) {
    for (size_t i = 0; i < files.size(); ++i) {
      builtinOnDisk[canonical((fs::path(rulesDir) / files[i].name.substr(std::string(kBuiltinPrefix).size())).string())] = i;
    }
  }
  std::set<std::string> names, seen;
  for (const std::string& path : given) {
    const std::string key = canonical(path);
    if (!seen.insert(key).second) continue;
    std::string content;
    if (!readWholeFile(path, content)) {
      errors.push_back(path + ": cannot read the file");
      continue;
    }
    names.insert(path);
    auto builtin = builtinOnDisk.find(key);
    if (builtin != builtinOnDisk.end()) files[builtin->second] = {path, std::move(content)};
    else files.push_back({path, std::move(content)});
  }
  return names;
}

// --- cases -------------------------------------------------------------------------------

class CaseReporter {
 public:
  explicit CaseReporter(std::ostream& out) : out_(out) {}

  void report(bool passed, const std::string& ruleId, const std::string& where, const std::string& what,
              const std::vector<std::string>& diff) {
    (passed ? passed_ : failed_)++;
    out_ << (passed ? "PASS" : "FAIL") << "  " << ruleId << "  " << where << "  " << what << "\n";
    if (passed) return;
    for (const std::string& line : diff) out_ << kIndent << line << "\n";
  }
  void note(const std::string& text) { notes_.push_back(text); }

  int finish() {
    for (const std::string& n : notes_) out_ << "note: " << n << "\n";
    out_ << plural(passed_ + failed_, "case", "cases") << ": " << passed_ << " passed, " << failed_ << " failed\n";
    return failed_ == 0 ? kExitClean : kExitFindings;
  }

 private:
  std::ostream& out_;
  size_t passed_ = 0, failed_ = 0;
  std::vector<std::string> notes_;
};

void testExample(const RuleSet& rules, const RuleInfo& rule, const RuleExample& example, const std::string& rulesDir,
                 CaseReporter& reporter) {
  std::string what = example.shouldFire ? "invalid example" : "valid example";
  if (example.count) what += " (count: " + std::to_string(*example.count) + ")";
  if (!example.file.empty()) what += " " + example.file;
  if (!example.previous.empty()) what += " (previous: " + example.previous + ")";
  if (!example.published.empty()) what += " (published " + example.published + ")";
  const std::string where = example.mark.file + ":" + std::to_string(example.mark.line);

  const ExampleOutcome outcome = runRuleExample(rules, rule, example, rulesDir);
  if (!outcome.error.empty()) {
    reporter.report(false, rule.id, where, what, {"error: " + outcome.error});
    return;
  }
  const size_t n = outcome.findings.size();
  const bool passed = example.shouldFire ? (n > 0 && (!example.count || static_cast<size_t>(*example.count) == n)) : n == 0;
  std::vector<std::string> diff;
  if (!example.shouldFire) diff.push_back("- no finding");
  else if (example.count) diff.push_back("- " + plural(static_cast<size_t>(*example.count), "finding", "findings"));
  else diff.push_back("- at least 1 finding");
  if (n == 0) diff.push_back("+ no finding");
  for (const ExampleFinding& f : outcome.findings) diff.push_back("+ " + describe(f));
  reporter.report(passed, rule.id, where, what, diff);
}

// --- annotated fixtures ------------------------------------------------------------------

struct Annotation {
  bool expect = true;               // expect: the rules fire on `target`; ok: they stay silent
  std::vector<std::string> ruleIds;
  int line = 0;                     // 1-based line of the comment
  int target = 0;                   // 1-based line it speaks of; 0 when nothing follows
};

std::vector<Annotation> readAnnotations(const Source& source) {
  static const RE2 kAnnotation(R"(^\s*<!--\s*(expect|ok)\s*:\s*(.*?)\s*-->\s*$)");
  std::vector<Annotation> found;
  std::vector<size_t> pending;  // annotations waiting for their line
  for (size_t i = 0; i < source.lines().lineCount(); ++i) {
    const std::string_view text = source.lineText(i);
    std::string kind, list;
    if (RE2::FullMatch(text, kAnnotation, &kind, &list)) {
      Annotation a;
      a.expect = kind == "expect";
      a.line = static_cast<int>(i) + 1;
      std::string id;
      for (char c : list + ",") {
        if (c == ',' || c == ' ' || c == '\t') {
          if (!id.empty()) a.ruleIds.push_back(id);
          id.clear();
        } else {
          id += c;
        }
      }
      pending.push_back(found.size());
      found.push_back(std::move(a));
      continue;
    }
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    for (size_t p : pending) found[p].target = static_cast<int>(i) + 1;
    pending.clear();
  }
  return found;
}

void testFixture(const std::string& path, const RuleSet& rules, bool named, CaseReporter& reporter) {
  std::string bytes;
  if (!readWholeFile(path, bytes)) {
    reporter.report(false, "-", path, "annotated report", {"error: cannot read the file"});
    return;
  }
  const DocumentFormat format = formatFromPath(path).value_or(DocumentFormat::Markdown);
  const Analysis analysis = analyzeBytes(path, bytes, format, rules);
  if (!analysis.ok()) {
    reporter.report(false, "-", path, "annotated report", {"error: " + analysis.error});
    return;
  }
  const Source& source = *analysis.source;
  const std::vector<Annotation> annotations = readAnnotations(source);
  if (annotations.empty()) {
    if (named) reporter.note(path + " has no <!-- expect: RULE-ID --> or <!-- ok: RULE-ID --> annotations");
    return;
  }

  // The findings of every rule, by 1-based line.
  std::map<std::string, std::map<int, std::vector<ExampleFinding>>> byRule;
  for (const Finding& f : analysis.findings) {
    const Position p = source.position(f.span.begin, ColumnUnit::CodePoints);
    const int line = static_cast<int>(p.line) + 1;
    byRule[f.ruleId][line].push_back({line, static_cast<int>(p.column) + 1, f.severity, f.message});
  }
  auto findingsOn = [&](const std::string& id, int line) {
    auto rule = byRule.find(id);
    if (rule == byRule.end()) return std::vector<ExampleFinding>{};
    auto it = rule->second.find(line);
    return it == rule->second.end() ? std::vector<ExampleFinding>{} : it->second;
  };

  std::map<std::string, std::set<int>> expected, silent;  // rule id → lines an expect / ok names
  for (const Annotation& a : annotations) {
    const std::string where = path + ":" + std::to_string(a.line);
    if (a.ruleIds.empty()) {
      reporter.report(false, "-", where, a.expect ? "expect" : "ok",
                      {"error: the annotation names no rule (write <!-- expect: category/rule-name -->)"});
      continue;
    }
    for (const std::string& id : a.ruleIds) {
      const std::string what = std::string(a.expect ? "expect" : "ok") + " on line " + std::to_string(a.target);
      if (rules.find(id) == nullptr) {
        reporter.report(false, id, where, a.expect ? "expect" : "ok",
                        {"error: no rule '" + id + "' is loaded (`gklint rules list` shows the rules)"});
        continue;
      }
      if (a.target == 0) {
        reporter.report(false, id, where, a.expect ? "expect" : "ok", {"error: no line follows the annotation"});
        continue;
      }
      const std::vector<ExampleFinding> found = findingsOn(id, a.target);
      const std::string line = std::to_string(a.target);
      if (a.expect) {
        expected[id].insert(a.target);
        reporter.report(!found.empty(), id, where, what, {"- " + line + ": a finding of " + id, "+ " + line + ": none"});
      } else {
        silent[id].insert(a.target);
        std::vector<std::string> diff = {"- " + line + ": no finding of " + id};
        for (const ExampleFinding& f : found) diff.push_back("+ " + describe(f));
        reporter.report(found.empty(), id, where, what, diff);
      }
    }
  }
  // A rule the report expects somewhere must not fire anywhere else (an `ok` line has had its case).
  for (const auto& [id, lines] : expected) {
    auto rule = byRule.find(id);
    if (rule == byRule.end()) continue;
    for (const auto& [line, found] : rule->second) {
      if (lines.count(line) || silent[id].count(line)) continue;
      std::vector<std::string> diff = {"- " + std::to_string(line) + ": no finding of " + id};
      for (const ExampleFinding& f : found) diff.push_back("+ " + describe(f));
      reporter.report(false, id, path + ":" + std::to_string(line), "unexpected finding (no expect for this line)", diff);
    }
  }
}

}  // namespace

std::string sourceRulesDir() {
  // __FILE__ is the absolute path CMake compiles this file by: <source tree>/cli/RulesTestCommand.cpp.
  const fs::path here(__FILE__);
  if (!here.is_absolute()) return "";
  const fs::path rules = here.parent_path().parent_path() / "rules";
  std::error_code ec;
  return fs::is_directory(rules / "gov", ec) ? rules.string() : "";
}

namespace {

// Where an example's files are: beside the rule file (built-in rules: under --rules-dir).
// Empty, with `error` set, when that folder cannot be known.
fs::path exampleFolder(const RuleInfo& rule, const std::string& rulesDir, const std::string& fileName, std::string& error) {
  const std::string& ruleFile = rule.mark.file;
  if (ruleFile.rfind(kBuiltinPrefix, 0) != 0) return fs::path(ruleFile).parent_path();
  if (rulesDir.empty()) {
    error = "cannot find the rules/ folder of the source tree to read '" + fileName +
            "' from; pass --rules-dir PATH/TO/gklint/rules";
    return {};
  }
  return (fs::path(rulesDir) / ruleFile.substr(std::string(kBuiltinPrefix).size())).parent_path();
}

// Reads the example file `fileName` (relative to the example folder) into `bytes`; its
// normalised path goes to `path`. False with `error` set when it cannot.
bool readExampleFile(const RuleInfo& rule, const std::string& rulesDir, const std::string& fileName, std::string& path,
                     std::string& bytes, std::string& error) {
  const fs::path folder = exampleFolder(rule, rulesDir, fileName, error);
  if (!error.empty()) return false;
  const fs::path file = fs::path(fileName).is_absolute() ? fs::path(fileName) : folder / fileName;
  path = file.lexically_normal().string();
  if (readWholeFile(path, bytes)) return true;
  error = "cannot read " + path;
  if (rule.mark.file.rfind(kBuiltinPrefix, 0) == 0) {
    error += " (built-in rules' example files are read relative to --rules-dir " + rulesDir + ")";
  }
  return false;
}

}  // namespace

ExampleOutcome runRuleExample(const RuleSet& rules, const RuleInfo& rule, const RuleExample& example,
                              const std::string& rulesDir) {
  ExampleOutcome outcome;
  std::string bytes = example.text;
  DocumentFormat format = example.format;
  std::string name = example.mark.file + ":" + std::to_string(example.mark.line);
  if (!example.file.empty()) {
    if (!readExampleFile(rule, rulesDir, example.file, outcome.file, bytes, outcome.error)) return outcome;
    // NOTE: RuleExample::format defaults to txt even when not written, so a file's own
    // extension decides; `format:` matters only for extensionless files.
    format = formatFromPath(outcome.file).value_or(example.format);
    name = outcome.file;
  }
  AnalyzeOptions options;
  options.publishDate = example.published;
  Analysis previous;
  if (!example.previous.empty()) {
    std::string previousPath, previousBytes;
    if (!readExampleFile(rule, rulesDir, example.previous, previousPath, previousBytes, outcome.error)) return outcome;
    previous = analyzeBytes(previousPath, previousBytes, formatFromPath(previousPath).value_or(DocumentFormat::Text), rules);
    if (!previous.ok()) {
      outcome.error = previousPath + ": " + previous.error;
      return outcome;
    }
    options.previous = &*previous.document;
  }
  const Analysis analysis = analyzeBytes(name, bytes, format, rules, options);
  if (!analysis.ok()) {
    outcome.error = analysis.error;
    return outcome;
  }
  for (const Finding& f : analysis.findings) {
    if (f.ruleId != rule.id) continue;
    const Position p = analysis.source->position(f.span.begin, ColumnUnit::CodePoints);
    outcome.findings.push_back({static_cast<int>(p.line) + 1, static_cast<int>(p.column) + 1, f.severity, f.message});
  }
  return outcome;
}

CLI::App* addRulesTestCommand(CLI::App& rules, RulesTestOptions& options) {
  CLI::App* cmd = rules.add_subcommand("test", "Run the examples in rule files (tests:) and annotated reports "
                                               "(<!-- expect: RULE-ID --> / <!-- ok: RULE-ID -->)");
  cmd->add_option("paths", options.paths,
                  "Rule files (.yaml), annotated reports (.md) or folders; none: the built-in packs' own examples");
  cmd->add_option("--rules-dir", options.rulesDir,
                  "The rules/ folder built-in examples' files are relative to (default: the source tree's)");
  return cmd;
}

int runRulesTest(const RulesTestOptions& options, std::ostream& out, std::ostream& err) {
  const Inputs inputs = collectInputs(options.paths);
  std::vector<std::string> errors = inputs.errors;
  const std::string rulesDir = options.rulesDir.empty() ? sourceRulesDir() : options.rulesDir;

  std::vector<RuleFile> files;
  const std::set<std::string> given = assembleRuleFiles(inputs.ruleFiles, rulesDir, files, errors);
  for (const std::string& e : errors) err << "gklint: error: " << e << "\n";
  if (!errors.empty()) return kExitFailure;

  const RuleLoadResult loaded = loadRuleFiles(files);
  for (const RuleDiagnostic& d : loaded.errors) err << formatRuleDiagnostic(d) << "\n";
  if (!loaded.errors.empty()) return kExitFailure;

  CaseReporter reporter(out);
  const bool builtinOnly = options.paths.empty();
  for (const auto& check : loaded.rules.checks) {
    const RuleInfo& rule = check->info();
    const bool tested = builtinOnly ? rule.mark.file.rfind(kBuiltinPrefix, 0) == 0 : given.count(rule.mark.file) > 0;
    if (!tested) continue;
    for (const RuleExample& example : rule.examples) testExample(loaded.rules, rule, example, rulesDir, reporter);
    const bool anyInvalid = std::any_of(rule.examples.begin(), rule.examples.end(), [](const RuleExample& e) { return e.shouldFire; });
    const bool anyValid = std::any_of(rule.examples.begin(), rule.examples.end(), [](const RuleExample& e) { return !e.shouldFire; });
    const std::string at = " (" + rule.mark.file + ":" + std::to_string(rule.mark.line) + ")";
    if (!anyInvalid && !anyValid) reporter.note(rule.id + " has no tests: examples" + at);
    else if (!anyInvalid) reporter.note(rule.id + " has no invalid example" + at);
    else if (!anyValid) reporter.note(rule.id + " has no valid example" + at);
  }
  for (const std::string& path : inputs.fixtures) testFixture(path, loaded.rules, true, reporter);
  for (const std::string& path : inputs.foundFixtures) testFixture(path, loaded.rules, false, reporter);
  return reporter.finish();
}

}  // namespace gklint::cli
