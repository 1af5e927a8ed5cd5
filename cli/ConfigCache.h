// ConfigCache: finds the .gklint.yaml that governs each report and loads its rules once.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/config/Config.h"
#include "engine/config/Waivers.h"
#include "engine/ruleset/RuleSet.h"

namespace gklint::cli {

struct LoadedConfig {
  Config config;                       // empty (built-in defaults) when no file governs the report
  std::unique_ptr<RuleSet> ownRules;   // the config's rule set, when it differs from the built-in one
  const RuleSet* rules = nullptr;      // what to lint with
  std::optional<WaiverSet> waivers;
  bool fromFile = false;
};

// The disk as the engine's config resolver sees it.
ConfigFileSystem diskFileSystem();

// The nearest ".gklint.yaml" in `folder` or above it, if any.
std::optional<std::string> findConfigFile(const std::string& folder);

class ConfigCache {
 public:
  // `explicitConfig`: --config (used for every report); `noConfig`: --no-config.
  ConfigCache(const RuleSet& builtin, std::string explicitConfig, bool noConfig);

  // The config governing `reportPath`; appends located config, rule and waiver errors (each
  // file's errors once). Not thread-safe: resolve every report before linting in parallel.
  const LoadedConfig& forReport(const std::string& reportPath, std::vector<RuleDiagnostic>& errors);
  // The config governing `folder` itself (commands about no particular report, e.g. `rules
  // list` in the working folder); --config and --no-config apply as for reports.
  const LoadedConfig& forFolder(const std::string& folder, std::vector<RuleDiagnostic>& errors);
  // A config file's own view (gklint config show).
  const LoadedConfig& forConfigFile(const std::string& configPath, std::vector<RuleDiagnostic>& errors);

 private:
  const RuleSet& builtin_;
  std::string explicit_;
  bool noConfig_;
  LoadedConfig defaults_;
  std::map<std::string, std::unique_ptr<LoadedConfig>> byPath_;
  std::map<std::string, std::optional<std::string>> nearestByFolder_;  // folder → its nearest .gklint.yaml
};

// Path of `file` relative to the folder `root`, '/'-separated ("" root: the working folder).
std::string relativeTo(const std::string& root, const std::string& file);

}  // namespace gklint::cli
