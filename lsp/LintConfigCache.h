// LintConfigCache: the configurations in use, one per .gklint.yaml (plus "none"), each loaded
// once and reloaded when a file it read changes; a reload with problems leaves the last
// configuration that loaded cleanly serving.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lsp/LintConfig.h"

namespace gklint::lsp {

class LintConfigCache {
 public:
  explicit LintConfigCache(std::shared_ptr<const RuleSet> builtin) : builtin_(std::move(builtin)) {}

  // What a load produced, for publishing: its problems and whether the configuration that
  // serves is an older one (the new load had problems and a clean one existed).
  struct Loaded {
    std::string configPath;
    std::vector<RuleDiagnostic> problems;
    bool keptPrevious = false;
  };

  // The configuration of `configPath` ("" = no .gklint.yaml), loading it when it is not cached
  // or stale; `loaded` (if given) receives the outcome of a load. A stale configuration whose
  // files read back unchanged (a save, a watcher echoing an edit already seen) is kept as is,
  // without `loaded`: nothing needs linting or publishing again. Thread-safe; loads run under
  // the cache's lock, so two callers never load the same file twice.
  std::shared_ptr<const LintConfig> get(const std::string& configPath, const ConfigFileSystem& fs,
                                        std::optional<Loaded>* loaded = nullptr);

  // New settings: every configuration becomes stale.
  void setSettings(SettingsLayer settings);
  // Marks stale every configuration that read one of `paths`, or that listed a folder holding
  // a YAML file among them; returns their config paths.
  std::vector<std::string> filesChanged(const std::vector<std::string>& paths);

 private:
  struct Entry {
    std::shared_ptr<const LintConfig> serving;
    bool servingIsClean = false;
    bool stale = false;
    std::set<std::string> files;
    std::set<std::string> folders;
    uint64_t inputs = 0;  // fingerprint of what the load read: unchanged inputs keep `serving`
  };

  std::shared_ptr<const RuleSet> builtin_;
  std::mutex mutex_;
  SettingsLayer settings_;
  std::map<std::string, Entry> entries_;
  uint64_t nextGeneration_ = 1;
};

}  // namespace gklint::lsp
