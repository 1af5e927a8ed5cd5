// FuzzSupport: what the libFuzzer targets share — the built-in rules loaded once, and splitting
// one input into several named files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "engine/ruleset/RuleSet.h"

namespace gklint::fuzz {

inline std::string_view asText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The embedded packs, loaded on first use and kept for the process.
const RuleSet& builtinRules();

// Splits "=== name\n…\n=== other\n…" into files; text before the first marker is the file
// named `firstName`. Lets one input hold a .gklint.yaml and the files it extends.
std::map<std::string, std::string> splitFiles(std::string_view input, const std::string& firstName);

}  // namespace gklint::fuzz
