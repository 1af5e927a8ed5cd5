// OptionReader: typed, located access to one YAML mapping of a rule file; reports unknown keys.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/RuleDiagnostic.h"

namespace gklint {

// Every accessor marks its key as used; finish() reports every key never asked for as an
// error ("unknown key"), so a misspelt option can never be silently ignored. Wrong types
// are reported at the value's line and column; accessors then return the fallback.
class OptionReader {
 public:
  // `content` is the file's text, used to count columns in code points (yaml-cpp counts bytes).
  OptionReader(YAML::Node map, std::string file, std::string keyPrefix, std::vector<RuleDiagnostic>& errors,
               std::shared_ptr<const std::string> content = nullptr);

  bool has(const std::string& key) const;
  std::string string(const std::string& key, const std::string& fallback = "");
  std::optional<std::string> requiredString(const std::string& key);
  // A scalar or a sequence of scalars.
  std::vector<std::string> stringList(const std::string& key);
  std::optional<int> integer(const std::string& key);
  bool boolean(const std::string& key, bool fallback);
  // The raw node (marked used); null when absent.
  YAML::Node node(const std::string& key);
  // A nested reader for a mapping value (or a sequence element); errors share this reader's list.
  OptionReader nested(YAML::Node map, const std::string& keyPath);

  SourceMark markOf(const YAML::Node& node) const;
  SourceMark markOf(const std::string& key) const;
  void error(const YAML::Node& at, const std::string& key, std::string message);
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
  int codePointColumn(int line, int byteColumn) const;

  YAML::Node map_;
  std::string file_;
  std::string prefix_;
  std::vector<RuleDiagnostic>& errors_;
  std::vector<std::string> used_;
  std::shared_ptr<const std::string> content_;
  bool trustedPatterns_ = false;
};

// 1-based code-point column of the 0-based `line` and byte column of `content` (byte column
// + 1 when the content is unknown).
int codePointColumnIn(std::string_view content, int line, int byteColumn);

}  // namespace gklint
