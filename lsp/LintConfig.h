// LintConfig: one configuration documents are linted with — a resolved .gklint.yaml (or none)
// with the editor's settings layered over it — and how it is loaded.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/config/Config.h"
#include "engine/config/Waivers.h"
#include "engine/ruleset/RuleSet.h"

namespace gklint::lsp {

// What the editor's settings add to every configuration (lsp/Protocol.h GklintSettings, with
// paths resolved and rule files read).
struct SettingsLayer {
  std::vector<RuleFile> ruleFiles;          // loaded after the config's rule_paths
  std::vector<SeveritySetting> severities;  // applied after the config's `rules:`
  std::optional<int> year;                  // replaces the config's `year`
  std::string configPath;                   // absolute; "" = the nearest .gklint.yaml
};

// Immutable once loaded; shared by the analyses linted with it.
struct LintConfig {
  std::string configPath;  // "" when no .gklint.yaml governs
  Config config;           // the resolved chain, the settings' severities appended
  std::shared_ptr<const RuleSet> rules;
  std::optional<WaiverSet> waivers;
  std::optional<int> year;  // the settings' year, else the config's
  uint64_t generation = 0;  // unique per load: an analysis made with another one is stale

  // Whether one of the config's `ignore` globs matches the report at `path` (absolute).
  bool ignores(const std::string& path) const;
  // How to read and lint the report at `path` ("" when it has no path): year, severities,
  // publish date (the config's per-file dates, else its default date).
  AnalyzeOptions analyzeOptions(const std::string& path) const;
};

struct LintConfigLoad {
  std::shared_ptr<LintConfig> config;
  // Located problems in the config chain, the waiver file and the rule files (built-in packs
  // excluded), including a `rules:` entry that matches no loaded rule.
  std::vector<RuleDiagnostic> problems;
  // Every file the load read or listed (config chain, rule files and their folders, the waiver
  // file): a change to one of them, or a new YAML file in one of the folders, calls for a reload.
  std::set<std::string> files;
  std::set<std::string> folders;
};

// Resolves `configPath` ("" for none) through `fs` and loads its rules: the built-in packs
// (unless the chain leaves them out), its rule_paths, then the settings' rule files. When
// nothing is added to the built-in packs, `builtin` is shared rather than loaded again. Never
// throws.
LintConfigLoad loadLintConfig(const std::string& configPath, const ConfigFileSystem& fs,
                              const SettingsLayer& settings, const std::shared_ptr<const RuleSet>& builtin,
                              uint64_t generation);

// `file` relative to `root`, '/'-separated, as globs in a .gklint.yaml or a waiver file see it.
std::string pathRelativeTo(const std::string& root, const std::string& file);

}  // namespace gklint::lsp
