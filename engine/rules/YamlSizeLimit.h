// YamlSizeLimit: the largest YAML file (rule file, template, .gklint.yaml, waivers) gklint parses,
// and the words for shortening a long value quoted in an error message.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gklint {

// yaml-cpp scans about a megabyte a second; the built-in packs are 20 KB a file. Anything over
// this is refused before parsing rather than costing minutes.
inline constexpr size_t kMaxYamlFileBytes = 1u << 20;

// The error for a file over kMaxYamlFileBytes ("what" names it: "a rule file"), or nothing.
std::optional<std::string> yamlTooLarge(size_t bytes, std::string_view what);

// `text` itself when short; else its first `maxBytes` bytes (cut at a character) and "…".
std::string shortenForMessage(std::string_view text, size_t maxBytes = 120);

}  // namespace gklint
