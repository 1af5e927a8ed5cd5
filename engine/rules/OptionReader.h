// OptionReader: typed, located access to one YAML mapping of a rule file; reports unknown keys.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/RuleDiagnostic.h"
#include "engine/rules/YamlTree.h"

namespace gklint {

// Every accessor marks its key as used; finish() reports every key never asked for as an
// error ("unknown key"), so a misspelt option can never be silently ignored. Wrong types
// are reported at the value's line and column; accessors then return the fallback.
class OptionReader {
 public:
  OptionReader(YamlNode map, std::string file, std::string keyPrefix, std::vector<RuleDiagnostic>& errors);

  bool has(const std::string& key) const;
  std::string string(const std::string& key, const std::string& fallback = "");
  std::optional<std::string> requiredString(const std::string& key);
  // A scalar or a sequence of scalars.
  std::vector<std::string> stringList(const std::string& key);
  std::optional<int> integer(const std::string& key);
  bool boolean(const std::string& key, bool fallback);
  // The raw node (marked used); null when absent.
  YamlNode node(const std::string& key);
  // A nested reader for a mapping value (or a sequence element); errors share this reader's list.
  // A reader of anything but a mapping has no keys.
  OptionReader nested(YamlNode map, const std::string& keyPath);

  SourceMark markOf(const YamlNode& node) const;
  SourceMark markOf(const std::string& key) const;
  void error(const YamlNode& at, const std::string& key, std::string message);
  void error(const std::string& key, std::string message);
  std::string keyPath(const std::string& key) const;
  const std::string& file() const { return file_; }
  // Whether the file is one of gklint's built-in packs, whose patterns are known to compile (CI
  // loads them with every pattern compiled): they are then compiled on first use, and checks
  // skip the validations that would need them compiled now.
  bool trustedPatterns() const { return trustedPatterns_; }
  void setTrustedPatterns(bool trusted) { trustedPatterns_ = trusted; }
  std::vector<RuleDiagnostic>& errors() { return errors_; }

  // Reports keys that were never read. `allowed` lists keys read elsewhere.
  void finish(const std::vector<std::string>& allowed = {});

 private:
  YamlNode map_;
  std::string file_;
  std::string prefix_;
  std::vector<RuleDiagnostic>& errors_;
  std::vector<std::string> used_;
  bool trustedPatterns_ = false;
};

}  // namespace gklint
