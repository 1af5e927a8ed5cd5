#include "lsp/LintConfigCache.h"

#include <algorithm>
#include <filesystem>

namespace gklint::lsp {

namespace fs = std::filesystem;

namespace {

bool isYaml(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool isUnder(const fs::path& folder, const fs::path& path) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end() || (f->empty() && std::next(f) == folder.end());
}

}  // namespace

std::shared_ptr<const LintConfig> LintConfigCache::get(const std::string& configPath, const ConfigFileSystem& fs,
                                                       std::optional<Loaded>* loaded) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[configPath];
  if (entry.serving && !entry.stale) return entry.serving;
  // Fingerprint what the load reads (contents and folder listings), in reading order.
  uint64_t inputs = 1469598103934665603ull;
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) inputs = (inputs ^ c) * 1099511628211ull;
    inputs = (inputs ^ 0xff) * 1099511628211ull;
  };
  ConfigFileSystem fingerprinting;
  fingerprinting.read = [&](const std::string& path) {
    std::optional<std::string> text = fs.read(path);
    mix(path);
    mix(text ? *text : std::string_view("\x01" "absent"));
    return text;
  };
  fingerprinting.listFolder = [&](const std::string& path) {
    auto listed = fs.listFolder(path);
    mix(path);
    if (listed) for (const std::string& f : *listed) mix(f);
    return listed;
  };
  const bool wasStale = entry.serving != nullptr;
  LintConfigLoad load = loadLintConfig(configPath, fingerprinting, settings_, builtin_, nextGeneration_);
  entry.files = std::move(load.files);
  entry.folders = std::move(load.folders);
  entry.stale = false;
  if (wasStale && inputs == entry.inputs) return entry.serving;
  entry.inputs = inputs;
  load.config->generation = nextGeneration_++;
  const bool clean = load.problems.empty();
  const bool keep = !clean && entry.serving && entry.servingIsClean;
  if (!keep) {
    entry.serving = std::move(load.config);
    entry.servingIsClean = clean;
  }
  if (loaded != nullptr) *loaded = Loaded{configPath, std::move(load.problems), keep};
  return entry.serving;
}

void LintConfigCache::setSettings(SettingsLayer settings) {
  std::lock_guard<std::mutex> lock(mutex_);
  settings_ = std::move(settings);
  for (auto& [path, entry] : entries_) {
    entry.stale = true;
    entry.inputs = 0;  // the settings are inputs too: reload even when no file changed
  }
}

std::vector<std::string> LintConfigCache::filesChanged(const std::vector<std::string>& paths) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> stale;
  for (auto& [configPath, entry] : entries_) {
    bool affected = false;
    for (const std::string& changed : paths) {
      const fs::path path = fs::path(changed).lexically_normal();
      affected = affected || entry.files.count(path.string()) != 0;
      if (!affected && isYaml(path)) {
        for (const std::string& folder : entry.folders) affected = affected || isUnder(fs::path(folder), path);
      }
    }
    if (!affected) continue;
    entry.stale = true;
    stale.push_back(configPath);
  }
  return stale;
}

}  // namespace gklint::lsp
