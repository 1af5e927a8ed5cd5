#include "cli/ConfigCache.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/DisplayPath.h"

namespace gklint::cli {

namespace fs = std::filesystem;

ConfigFileSystem diskFileSystem() {
  ConfigFileSystem disk;
  disk.read = [](const std::string& path) -> std::optional<std::string> {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  disk.listFolder = [](const std::string& path) -> std::optional<std::vector<std::string>> {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return std::nullopt;
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
  };
  return disk;
}

std::optional<std::string> findConfigFile(const std::string& folder) {
  std::error_code ec;
  fs::path dir = fs::absolute(folder.empty() ? "." : folder, ec);
  while (!dir.empty()) {
    const fs::path candidate = dir / ".gklint.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::string relativeTo(const std::string& root, const std::string& file) {
  std::error_code ec;
  const fs::path base = fs::absolute(root.empty() ? "." : root, ec).lexically_normal();
  const fs::path rel = fs::absolute(file, ec).lexically_normal().lexically_relative(base);
  return rel.generic_string();
}

ConfigCache::ConfigCache(const RuleSet& builtin, std::string explicitConfig, bool noConfig)
    : builtin_(builtin), explicit_(std::move(explicitConfig)), noConfig_(noConfig) {
  defaults_.rules = &builtin_;
}

const LoadedConfig& ConfigCache::forConfigFile(const std::string& path, std::vector<RuleDiagnostic>& errors) {
  std::error_code ec;
  const std::string key = fs::absolute(path, ec).lexically_normal().string();
  auto found = byPath_.find(key);
  if (found != byPath_.end()) return *found->second;
  auto loaded = std::make_unique<LoadedConfig>();
  const ConfigFileSystem disk = diskFileSystem();
  loaded->fromFile = true;
  // Resolved under its display name, so every path in the config and its errors reads as
  // the user would type it (relative to the working folder when under it).
  const std::string shown = displayPath(key);
  loaded->config = resolveConfig(shown, disk);
  errors.insert(errors.end(), loaded->config.errors.begin(), loaded->config.errors.end());
  if (!loaded->config.builtin || !loaded->config.ruleFiles.empty()) {
    std::vector<RuleFile> files = loaded->config.builtin ? builtinRuleFiles(RuleExamples::Skip) : std::vector<RuleFile>{};
    files.insert(files.end(), loaded->config.ruleFiles.begin(), loaded->config.ruleFiles.end());
    RuleLoadResult result = loadRuleFiles(files);
    errors.insert(errors.end(), result.errors.begin(), result.errors.end());
    loaded->ownRules = std::make_unique<RuleSet>(std::move(result.rules));
    loaded->rules = loaded->ownRules.get();
  } else {
    loaded->rules = &builtin_;
  }
  // A setting that matches no rule is a typo that would silently do nothing.
  for (const SeveritySetting& s : loaded->config.severities) {
    bool matches = false;
    for (const auto& check : loaded->rules->checks) {
      const std::string& id = check->info().id;
      matches = matches || s.pattern == "*" || s.pattern == id || s.pattern == id.substr(0, id.find('/')) + "/*";
    }
    if (!matches) {
      errors.push_back({s.mark, "rules." + s.pattern,
                        "'" + s.pattern + "' matches no rule (gklint rules list shows every id; globs look like text/*)"});
    }
  }
  if (!loaded->config.waiversPath.empty()) {
    if (auto text = disk.read(loaded->config.waiversPath)) {
      loaded->waivers = parseWaivers(loaded->config.waiversPath, *text);
      errors.insert(errors.end(), loaded->waivers->errors.begin(), loaded->waivers->errors.end());
    } else {
      errors.push_back({SourceMark{shown, 0, 0}, "waivers", "cannot read waiver file '" + loaded->config.waiversPath + "'"});
    }
  }
  return *byPath_.emplace(key, std::move(loaded)).first->second;
}

const LoadedConfig& ConfigCache::forReport(const std::string& reportPath, std::vector<RuleDiagnostic>& errors) {
  return forFolder(fs::path(reportPath).parent_path().string(), errors);
}

const LoadedConfig& ConfigCache::forFolder(const std::string& folder, std::vector<RuleDiagnostic>& errors) {
  if (noConfig_) return defaults_;
  if (!explicit_.empty()) return forConfigFile(explicit_, errors);
  // Reports come by the folder-full: look each folder's nearest config up once.
  auto nearest = nearestByFolder_.find(folder);
  if (nearest == nearestByFolder_.end()) nearest = nearestByFolder_.emplace(folder, findConfigFile(folder)).first;
  if (!nearest->second) return defaults_;
  return forConfigFile(*nearest->second, errors);
}

}  // namespace gklint::cli
