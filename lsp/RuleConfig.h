// RuleConfig: the rule files a user configured in the editor's settings (folders and files),
// read from disk; lsp/LintConfig.h loads them after the built-in packs and the .gklint.yaml's.
#pragma once

#include <filesystem>
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

struct ConfiguredRuleFiles {
  std::vector<RuleFile> files;        // named by the paths given in `sources`
  std::vector<std::string> problems;  // folders or files that could not be read
};

// Reads every *.yaml / *.yml below each folder (recursively, sorted by path), then each
// file. Never throws.
ConfiguredRuleFiles readConfiguredRuleFiles(const RuleSources& sources);

// Whether a change to `path` concerns the configuration: it is a configured file, or a
// .yaml / .yml file below a configured folder.
bool isRuleSource(const RuleSources& sources, const std::filesystem::path& path);

}  // namespace gklint::lsp
