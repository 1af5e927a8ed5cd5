#include "cli/Cli.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/CheckCommand.h"
#include "cli/ConfigCache.h"
#include "cli/ConfigCommands.h"
#include "cli/RulesCommand.h"
#include "cli/RulesDocCommand.h"
#include "cli/RulesTestCommand.h"
#include "cli/TablesCommand.h"
#include "cli/Version.h"
#include "engine/ruleset/RuleSet.h"
#include "lsp/LanguageServerMain.h"

namespace gklint::cli {
namespace {

bool colorWanted(const std::string& mode, std::ostream& out) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return &out == &std::cout && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
}

// The built-in packs; an error here is a bug in gklint, reported rather than hidden. Their
// examples only for the commands that show them.
bool loadRules(RuleSet& rules, RuleExamples examples, std::ostream& err) {
  RuleLoadResult loaded = loadBuiltinRules(examples);
  for (const RuleDiagnostic& d : loaded.errors) err << formatRuleDiagnostic(d) << "\n";
  if (!loaded.errors.empty()) return false;
  rules = std::move(loaded.rules);
  return true;
}

// --config / --no-config of the commands that read a configuration but lint nothing.
struct ConfigChoice {
  std::string file;
  bool none = false;
};

void addConfigOptions(CLI::App* command, ConfigChoice& choice) {
  command->add_option("--config", choice.file, "Use this .gklint.yaml (default: the nearest one)");
  command->add_flag("--no-config", choice.none, "Ignore .gklint.yaml files: built-in rules only");
}

// The configuration governing the working folder; its errors are printed and give null.
const LoadedConfig* workingFolderConfig(ConfigCache& cache, std::ostream& err) {
  std::vector<RuleDiagnostic> errors;
  const LoadedConfig& loaded = cache.forFolder(".", errors);
  for (const RuleDiagnostic& d : errors) err << formatRuleDiagnostic(d) << "\n";
  if (errors.empty()) return &loaded;
  err << "gklint: error: fix the configuration above (gklint config show shows it; --no-config ignores it)\n";
  return nullptr;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"gklint — compliance linter for 政府信息公开工作年度报告", "gklint"};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);

  CheckOptions check;
  std::string color = "auto";
  std::optional<int> year;
  CLI::App* checkCmd = app.add_subcommand("check", "Lint reports (.txt, .md, .html, .docx, .pdf files or folders) before publication");
  checkCmd->add_option("paths", check.paths, "Report files or folders; - reads one report from standard input")->required();
  checkCmd->add_option("--stdin-filename", check.stdinFilename,
                       "With -: the report's name, for its format (.txt, .md, .html, .docx, .pdf), its .gklint.yaml and the output");
  checkCmd->add_option("--progress", check.progress,
                       "Progress bar on standard error: auto (a terminal, not CI, after 1 s), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  checkCmd->add_option("--format,-f", check.format, "Output format: text, json, sarif (SARIF 2.1.0), junit (JUnit XML), html (a summary page), github (Actions annotations) or gitlab (Code Quality)")
      ->capture_default_str();
  checkCmd->add_option("--output,-o", check.output, "Write the findings to this file instead of standard output");
  checkCmd->add_option("--title", check.title, "html: a line under the page's heading, e.g. which reports these are");
  checkCmd->add_option("--fail-on", check.failOn, "Exit 1 when a finding is at least: error, warning, info, never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  checkCmd->add_option("--year", year, "Reporting year (overrides the year found in the title)")
      ->check(CLI::Range(1990, 2100));
  checkCmd->add_option("--encoding", check.encoding, "Input encoding: auto, utf-8, utf-16, gb18030")->capture_default_str();
  checkCmd->add_option("--color", color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  checkCmd->add_option("--jobs,-j", check.jobs, "Files linted in parallel (default: one per core)");
  checkCmd->add_option("--config", check.config, "Use this .gklint.yaml for every report (default: the nearest one)");
  checkCmd->add_flag("--no-config", check.noConfig, "Ignore .gklint.yaml files: built-in rules only");
  checkCmd->add_option("--published", check.published, "Publish date YYYY-MM-DD (checks publish/late)")
      ->check(CLI::Validator([](std::string& s) { return s.size() == 10 && s[4] == '-' && s[7] == '-' ? std::string() : std::string("use YYYY-MM-DD"); }, "DATE"));
  checkCmd->add_option("--previous", check.previous, "Last year's report of the same body (checks arith/carry-over)");
  checkCmd->add_flag("--fix", check.fix, "Apply the fixes rules offer (UTF-8 files), then report what remains");
  checkCmd->add_option("--max-findings-per-rule", check.maxFindingsPerRule,
                       "Findings listed per rule per file, then one saying how many more (default 1000, 0: all)");
  std::optional<uint64_t> maxFileMb;
  checkCmd->add_option("--max-file-mb", maxFileMb, "Refuse reports larger than this many MiB (default 64)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));

  std::string listFormat = "text";
  CLI::App* rulesCmd = app.add_subcommand("rules", "Inspect the rule set");
  rulesCmd->require_subcommand(1);
  CLI::App* listCmd = rulesCmd->add_subcommand("list", "List every rule with id, severity and summary");
  listCmd->add_option("--format,-f", listFormat, "text or json")->capture_default_str();
  ConfigChoice configChoice;  // shared: only one subcommand runs
  addConfigOptions(listCmd, configChoice);
  RulesTestOptions testOptions;
  CLI::App* testCmd = addRulesTestCommand(*rulesCmd, testOptions);
  RulesDocOptions docOptions;
  CLI::App* docCmd = addRulesDocCommand(*rulesCmd, docOptions);

  std::vector<std::string> validatePaths;
  CLI::App* validateCmd = rulesCmd->add_subcommand("validate", "Check rule files (and folders) for errors, with file:line:col");
  validateCmd->add_option("paths", validatePaths, "Rule files or folders")->required();

  std::string initFolder = ".";
  CLI::App* initCmd = app.add_subcommand("init", "Write a commented starter .gklint.yaml");
  initCmd->add_option("folder", initFolder, "Where to write it (default: here)");

  std::string showReport, showConfig;
  CLI::App* configCmd = app.add_subcommand("config", "Inspect the configuration");
  configCmd->require_subcommand(1);
  CLI::App* showCmd = configCmd->add_subcommand("show", "The effective rules for a report, and where each setting comes from");
  showCmd->add_option("report", showReport, "A report file")->required();
  showCmd->add_option("--config", showConfig, "Use this .gklint.yaml instead of the nearest one");

  std::string explainId;
  CLI::App* explainCmd = app.add_subcommand("explain", "Print a rule's documentation");
  explainCmd->add_option("rule", explainId, "Rule id, e.g. content/period-missing")->required();
  addConfigOptions(explainCmd, configChoice);

  std::vector<std::string> tablePaths;
  CLI::App* tablesCmd = app.add_subcommand("tables", "Show the official tables as gklint recognises them");
  tablesCmd->add_option("files", tablePaths, "Report files")->required();
  addConfigOptions(tablesCmd, configChoice);

  CLI::App* lspCmd = app.add_subcommand("lsp", "Run the Language Server on stdin/stdout (docs/editors.md)");
  lspCmd->prefix_command()->set_help_flag();  // its options, --help too, are parsed by gklint::lsp

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : kExitFailure;
  }

  if (*lspCmd) return lsp::runLanguageServer(lspCmd->remaining(), err);

  if (*testCmd) return runRulesTest(testOptions, out, err);  // loads the given rule files itself
  if (*validateCmd) return runRulesValidate(validatePaths, out, err);
  if (*initCmd) return runInit(initFolder, out, err);

  RuleSet rules;
  if (!loadRules(rules, *docCmd ? RuleExamples::Load : RuleExamples::Skip, err)) return kExitFailure;
  if (*showCmd) return runConfigShow(showReport, showConfig, rules, out, err);

  if (*checkCmd) {
    if (const char* today = std::getenv("GKLINT_TODAY")) check.today = today;  // for reproducible waiver tests
    check.year = year;
    if (maxFileMb) check.maxFileBytes = *maxFileMb << 20;
    check.color = colorWanted(color, out);
    check.stderrIsTerminal = &err == &std::cerr && isatty(STDERR_FILENO);
    return runCheck(check, rules, out, err);
  }
  if (*docCmd) return runRulesDoc(docOptions, rules, out, err);
  ConfigCache configs(rules, configChoice.file, configChoice.none);
  if (*tablesCmd) return runTables(tablePaths, configs, out, err);
  if (*listCmd || *explainCmd) {
    const LoadedConfig* loaded = workingFolderConfig(configs, err);
    if (!loaded) return kExitFailure;
    return *listCmd ? runRulesList(*loaded, listFormat, out, err) : runExplain(*loaded, explainId, out, err);
  }
  return kExitFailure;
}

}  // namespace gklint::cli
