// RuleConfig: the rule files a user configured (folders and files), read from disk and loaded
// after the built-in packs.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/rules/RuleSet.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

struct RuleSources {
  std::vector<std::filesystem::path> folders;  // absolute, normalised
  std::vector<std::filesystem::path> files;    // absolute, normalised
};

// Resolves the settings' paths against `root` (the workspace folder; relative paths in
// settings are relative to it). A leading "~/" means $HOME.
RuleSources resolveRuleSources(const GklintSettings& settings, const std::filesystem::path& root);

struct ConfiguredRules {
  RuleLoadResult loaded;                      // built-in packs first, then every configured file
  std::map<std::string, std::string> texts;   // path → content of each configured file read
  std::vector<std::string> problems;          // folders or files that could not be read
};

// Reads every *.yaml / *.yml below each folder (recursively, sorted by path), then each
// file, and loads them after the built-in packs with loadRuleFiles. RuleDiagnostic marks name
// the files by the paths given here. Never throws.
ConfiguredRules loadConfiguredRules(const RuleSources& sources);

// Whether a change to `path` concerns the configuration: it is a configured file, or a
// .yaml / .yml file below a configured folder.
bool isRuleSource(const RuleSources& sources, const std::filesystem::path& path);

}  // namespace gklint::lsp
