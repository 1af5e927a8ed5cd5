#include "cli/ConfigCommands.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/ConfigCache.h"

namespace gklint::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStarter = R"(# .gklint.yaml — gklint configuration for the reports in this folder and below.
# The nearest .gklint.yaml above a report governs it. Schema: docs/schema/gklint-config.schema.json

# What to start from: the built-in rule packs (the default), and/or other config files.
extends: [builtin:gov]

# Severities by rule id or category glob: off, info, warning or error (`gklint rules list`).
rules:
  # content/fee-statement: error     # make the 信息处理费 statement block publication
  # text/*: off                      # no typography hints

# Extra rule files or folders (rules, table templates) — see docs/authoring.md.
# rule_paths: [./local-rules]

# The reporting year for every report here, overriding the one in titles (like --year).
# year: 2021

# Files not to lint, relative to this folder.
# ignore: ["drafts/**"]

# Approved exceptions for .txt reports (default: .gklint-waivers.yaml beside this file).
# waivers: .gklint-waivers.yaml
)";

}  // namespace

int runInit(const std::string& folder, std::ostream& out, std::ostream& err) {
  const fs::path path = fs::path(folder.empty() ? "." : folder) / ".gklint.yaml";
  std::error_code ec;
  if (fs::exists(path, ec)) {
    err << path.string() << ": error: a configuration already exists; edit it instead\n";
    return 2;
  }
  std::ofstream file(path);
  file << kStarter;
  if (!file) {
    err << path.string() << ": error: cannot write the file\n";
    return 2;
  }
  out << "wrote " << path.string() << "\n";
  return 0;
}

int runConfigShow(const std::string& report, const std::string& explicitConfig, const RuleSet& builtin,
                  std::ostream& out, std::ostream& err) {
  ConfigCache cache(builtin, explicitConfig, false);
  std::vector<RuleDiagnostic> errors;
  const LoadedConfig& loaded = cache.forReport(report, errors);
  for (const RuleDiagnostic& d : errors) err << formatRuleDiagnostic(d) << "\n";
  out << "report:   " << report << "\n";
  if (!loaded.fromFile) {
    out << "config:   none found (built-in rules, default severities)\n";
  } else {
    out << "config:   ";
    for (size_t i = loaded.config.files.size(); i-- > 0;) {
      out << loaded.config.files[i] << (i ? " ← extends " : "");
    }
    out << "\n";
  }
  out << "packs:    " << (loaded.config.builtin || !loaded.fromFile ? "builtin:gov" : "(none)");
  for (const RuleFile& f : loaded.config.ruleFiles) out << ", " << f.name;
  out << "\n";
  if (loaded.config.year) out << "year:     " << *loaded.config.year << " (" << loaded.config.yearMark.file << ":" << loaded.config.yearMark.line << ")\n";
  for (const PathGlob& g : loaded.config.ignore) {
    out << "ignore:   " << g.glob;
    if (g.root != loaded.config.root) out << " (relative to " << (g.root == "." ? "." : g.root) << "/)";
    out << "\n";
  }
  if (loaded.waivers) out << "waivers:  " << loaded.config.waiversPath << " (" << loaded.waivers->waivers.size() << ")\n";
  out << "\n";
  std::vector<const Check*> checks;
  for (const auto& c : loaded.rules->checks) checks.push_back(c.get());
  std::sort(checks.begin(), checks.end(), [](const Check* a, const Check* b) { return a->info().id < b->info().id; });
  size_t width = 0;
  for (const Check* c : checks) width = std::max(width, c->info().id.size());
  for (const Check* c : checks) {
    const RuleInfo& r = c->info();
    const SeveritySetting* from = nullptr;
    const std::optional<Severity> severity = loaded.fromFile ? effectiveSeverity(loaded.config, r, &from) : r.severity;
    const std::string name = severity ? std::string(severityName(*severity)) : "off";
    out << r.id << std::string(width + 2 - r.id.size(), ' ') << name << std::string(9 - name.size(), ' ');
    if (from) out << from->mark.file << ":" << from->mark.line << " (" << from->pattern << ")\n";
    else out << r.mark.file << ":" << r.mark.line << "\n";
  }
  return errors.empty() ? 0 : 2;
}

int runRulesValidate(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err) {
  std::vector<RuleFile> files = builtinRuleFiles();
  const size_t builtinCount = files.size();
  const ConfigFileSystem disk = diskFileSystem();
  int status = 0;
  for (const std::string& path : paths) {
    if (auto listed = disk.listFolder(path)) {
      for (const std::string& f : *listed) {
        if (f.size() > 5 && (f.compare(f.size() - 5, 5, ".yaml") == 0 || f.compare(f.size() - 4, 4, ".yml") == 0)) {
          files.push_back({f, *disk.read(f)});
        }
      }
    } else if (auto text = disk.read(path)) {
      files.push_back({path, *text});
    } else {
      err << path << ": error: cannot read this rule file or folder\n";
      status = 2;
    }
  }
  RuleLoadResult result = loadRuleFiles(files);
  for (const RuleDiagnostic& d : result.errors) err << formatRuleDiagnostic(d) << "\n";
  if (!result.errors.empty()) return 2;
  size_t own = 0;
  for (const auto& c : result.rules.checks) own += c->info().mark.file.rfind("builtin:", 0) != 0;
  out << (files.size() - builtinCount) << " rule file(s), " << own << " rule(s): no problems\n";
  return status;
}

}  // namespace gklint::cli
