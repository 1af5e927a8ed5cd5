#include "lsp/LintConfig.h"

#include <filesystem>

namespace gklint::lsp {

namespace fs = std::filesystem;

std::string pathRelativeTo(const std::string& root, const std::string& file) {
  if (root.empty()) return fs::path(file).lexically_normal().generic_string();
  return fs::path(file).lexically_normal().lexically_relative(fs::path(root).lexically_normal()).generic_string();
}

bool LintConfig::ignores(const std::string& path) const {
  if (configPath.empty() || path.empty()) return false;
  // Each glob is relative to the folder of the config file that wrote it (an `extends` base
  // may live elsewhere).
  for (const PathGlob& g : config.ignore) {
    if (globMatches(g.glob, pathRelativeTo(g.root, path))) return true;
  }
  return false;
}

AnalyzeOptions LintConfig::analyzeOptions(const std::string& path) const {
  AnalyzeOptions options;
  options.year = year;
  options.config = &config;
  if (!configPath.empty()) {
    if (!path.empty()) {
      for (const auto& [glob, date] : config.publishDates) {
        if (globMatches(glob.glob, pathRelativeTo(glob.root, path))) options.publishDate = date;
      }
    }
    if (options.publishDate.empty()) options.publishDate = config.publishDate;
  }
  return options;
}

LintConfigLoad loadLintConfig(const std::string& configPath, const ConfigFileSystem& fs,
                              const SettingsLayer& settings, const std::shared_ptr<const RuleSet>& builtin,
                              uint64_t generation) {
  LintConfigLoad load;
  auto lint = std::make_shared<LintConfig>();
  lint->configPath = configPath;
  lint->generation = generation;
  // Every read goes through the recording view, so the load knows what it depends on.
  ConfigFileSystem recording;
  recording.read = [&](const std::string& path) {
    load.files.insert(fs::path(path).lexically_normal().string());
    return fs.read(path);
  };
  recording.listFolder = [&](const std::string& path) {
    auto listed = fs.listFolder(path);
    if (listed) load.folders.insert(fs::path(path).lexically_normal().string());
    return listed;
  };
  if (!configPath.empty()) {
    lint->config = resolveConfig(configPath, recording);
    load.problems = lint->config.errors;
    // A config that could not be read or parsed at all says nothing, not "no built-in packs":
    // the defaults apply until it is fixed.
    if (lint->config.files.empty()) lint->config.builtin = true;
  }  // else: a default Config — built-in packs, no settings of its own

  const bool extraRules = !lint->config.ruleFiles.empty() || !settings.ruleFiles.empty();
  if (lint->config.builtin && !extraRules) {
    lint->rules = builtin;
  } else {
    std::vector<RuleFile> files = lint->config.builtin ? builtinRuleFiles() : std::vector<RuleFile>{};
    files.insert(files.end(), lint->config.ruleFiles.begin(), lint->config.ruleFiles.end());
    files.insert(files.end(), settings.ruleFiles.begin(), settings.ruleFiles.end());
    RuleLoadResult loaded = loadRuleFiles(files);
    for (RuleDiagnostic& d : loaded.errors) {
      if (d.mark.file.rfind("builtin:", 0) != 0) load.problems.push_back(std::move(d));
    }
    lint->rules = std::make_shared<const RuleSet>(std::move(loaded.rules));
  }

  // A `rules:` entry that matches no rule is a typo that would silently do nothing (as the CLI).
  for (const SeveritySetting& s : lint->config.severities) {
    bool matches = false;
    for (const auto& check : lint->rules->checks) {
      const std::string& id = check->info().id;
      matches = matches || s.pattern == "*" || s.pattern == id || s.pattern == id.substr(0, id.find('/')) + "/*";
    }
    if (!matches) {
      load.problems.push_back({s.mark, "rules." + s.pattern,
                               "'" + s.pattern + "' matches no rule (gklint rules list shows every id; globs look like text/*)"});
    }
  }
  if (!lint->config.waiversPath.empty()) {
    if (auto text = recording.read(lint->config.waiversPath)) {
      lint->waivers = parseWaivers(lint->config.waiversPath, *text);
      load.problems.insert(load.problems.end(), lint->waivers->errors.begin(), lint->waivers->errors.end());
    } else {
      load.problems.push_back(
          {SourceMark{configPath, 0, 0}, "waivers", "cannot read waiver file '" + lint->config.waiversPath + "'"});
    }
  } else if (!configPath.empty()) {
    // Not there now; creating it beside the config should take effect.
    load.files.insert((fs::path(lint->config.root) / ".gklint-waivers.yaml").lexically_normal().string());
  }

  lint->config.severities.insert(lint->config.severities.end(), settings.severities.begin(), settings.severities.end());
  lint->year = settings.year ? settings.year : lint->config.year;
  for (const RuleFile& f : settings.ruleFiles) load.files.insert(f.name);
  load.config = std::move(lint);
  return load;
}

}  // namespace gklint::lsp
