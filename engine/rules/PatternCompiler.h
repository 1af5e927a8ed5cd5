// PatternCompiler: compiles rule-file regular expressions with RE2 (linear time, bounded memory).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>

#include "engine/rules/OptionReader.h"

namespace gklint {

// Memory budget of one compiled pattern; a pattern over it is rejected at load time.
constexpr int64_t kMaxPatternMemoryBytes = 8 << 20;

// Compiles `pattern` (UTF-8, RE2 syntax: no backreferences or lookaround, so every match
// runs in linear time). On error, reports a located diagnostic at `at` under `key` and
// returns null.
std::shared_ptr<const RE2> compilePattern(const std::string& pattern, OptionReader& reader, const YAML::Node& at,
                                          const std::string& key);

}  // namespace gklint
