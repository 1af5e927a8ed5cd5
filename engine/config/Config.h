// Config: a resolved .gklint.yaml chain — which rule files to load, rule severities (with
// where each was set), the reporting year, ignore globs and the waiver file.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/lint/FindingCap.h"
#include "engine/rules/RuleDiagnostic.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/rules/Severity.h"

namespace gklint {

// One `rules:` entry: a rule id or a category glob ("text/*", "*") and its severity
// (nothing = off), with the place it was written.
struct SeveritySetting {
  std::string pattern;
  std::optional<Severity> severity;
  SourceMark mark;
};

// A file glob from a config file, matched against paths relative to `root`: the folder of
// the config file that wrote it (so a glob inherited through `extends` keeps its meaning).
struct PathGlob {
  std::string glob;
  std::string root;  // as Config::root: "." for the working folder
};

struct Config {
  bool builtin = true;                     // load the built-in packs (extends: builtin:gov, the default)
  std::vector<RuleFile> ruleFiles;         // extra rule files from rule_paths, in order
  std::vector<SeveritySetting> severities; // in order of application; later entries win
  std::optional<int> year;
  SourceMark yearMark;
  std::optional<size_t> maxFindingsPerRule; // max_findings_per_rule: findings kept per rule per file (0: all)
  std::optional<uint64_t> maxFileBytes;     // max_file_mb: larger reports are refused (an input error)
  std::vector<PathGlob> ignore;            // files not to lint, each relative to its own config's folder
  std::string root;                        // folder of the nearest config file ("." for a bare name, "" without one)
  std::string waiversPath;                 // absolute or relative to the working folder; "" for none
  // publish: {date: YYYY-MM-DD, dates: {glob: YYYY-MM-DD}, deadlines: {government|township|department: MM-DD}}
  std::string publishDate;                              // for every report under the config
  std::vector<std::pair<PathGlob, std::string>> publishDates;  // glob (of the config that wrote it) → date
  std::map<OrganKind, std::string> publishDeadlines;
  std::vector<std::string> files;          // the config files of the chain, base first
  std::vector<RuleDiagnostic> errors;      // located problems; the rest of the config still applies
};

// File access the resolver needs; the caller decides what I/O means (disk, an editor's buffers).
struct ConfigFileSystem {
  std::function<std::optional<std::string>(const std::string& path)> read;
  // Regular files under a folder, recursively, sorted; nothing when `path` is not a folder.
  std::function<std::optional<std::vector<std::string>>(const std::string& path)> listFolder;
};

// Resolves the config file at `path` and its `extends` chain (other config files; builtin:gov
// for the built-in packs, the default), reading rule_paths (files or folders of .yaml).
// Relative paths are relative to the file that names them, and are passed to `fs` (and
// shown in errors) joined onto `path`'s folder: give a relative `path` to get relative names.
// Cycles and unreadable files are located errors. Never throws.
Config resolveConfig(const std::string& path, const ConfigFileSystem& fs);

// The effective severity of a rule under a config: the rule's own unless a setting matches
// (exact id, "category/*" or "*"; the last matching setting wins). Nothing = off. `from`
// receives the deciding setting, if any.
std::optional<Severity> effectiveSeverity(const Config& config, const RuleInfo& rule, const SeveritySetting** from = nullptr);

// Whether `relativePath` (to Config::root, '/'-separated) matches a glob: '*' within a path
// segment, '**' across segments, '?' one character.
bool globMatches(const std::string& glob, const std::string& relativePath);

// The cap in force: an explicit override (the CLI's --max-findings-per-rule), else the config's
// max_findings_per_rule, else kDefaultMaxFindingsPerRule. 0 means no cap.
size_t effectiveFindingCap(const Config* config, std::optional<size_t> override);

}  // namespace gklint
