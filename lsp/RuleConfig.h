// RuleConfig: the rule files a user configured in the editor's settings (folders and files),
// read through the editor (an open buffer's text, else the disk); lsp/LintConfig.h loads them after the built-in packs and the .gklint.yaml's.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/ruleset/RuleSet.h"
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

// Reads a file's text; nothing when it cannot be read.
using ReadText = std::function<std::optional<std::string>(const std::filesystem::path&)>;
std::optional<std::string> readFromDisk(const std::filesystem::path& path);

// Reads every *.yaml / *.yml below each folder (recursively, sorted by path; the folder as the
// disk holds it), then each file, all through `read` (the server's reads an open buffer
// before the disk). Never throws.
ConfiguredRuleFiles readConfiguredRuleFiles(const RuleSources& sources, const ReadText& read = readFromDisk);

// Whether a change to `path` concerns the configuration: it is a configured file, or a
// .yaml / .yml file below a configured folder.
bool isRuleSource(const RuleSources& sources, const std::filesystem::path& path);

}  // namespace gklint::lsp
