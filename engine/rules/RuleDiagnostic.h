// RuleDiagnostic: a located problem in a rule or config file (never an exception).
#pragma once

#include <string>

namespace gklint {

// 1-based line and column in a YAML file; line 0 when the problem concerns the whole file.
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
};

struct RuleDiagnostic {
  SourceMark mark;
  std::string key;      // the YAML key concerned ("kind", "patterns[2].pattern"), may be empty
  std::string message;  // what is wrong and what to do
};

// "file:line:col: error: message [key]"
std::string formatRuleDiagnostic(const RuleDiagnostic& diagnostic);

}  // namespace gklint
