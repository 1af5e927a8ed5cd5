// PatternCompiler: rule-file regular expressions for RE2 (linear time, bounded memory).
#pragma once

#include <memory>
#include <string>

#include "engine/rules/OptionReader.h"
#include "engine/rules/RulePattern.h"

namespace gklint {

// Memory budget of one compiled pattern; a pattern over it is rejected at load time.
constexpr int64_t kMaxPatternMemoryBytes = 8 << 20;

// The pattern `pattern` (UTF-8, RE2 syntax: no backreferences or lookaround, so every match
// runs in linear time), compiled now — on error a located diagnostic is reported at `at` under
// `key` and null returned — or, for a built-in pack (OptionReader::trustedPatterns()), on its
// first use.
std::shared_ptr<const RulePattern> compilePattern(const std::string& pattern, OptionReader& reader, const YamlNode& at,
                                                  const std::string& key);

}  // namespace gklint
