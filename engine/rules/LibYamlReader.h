// LibYamlReader: parses YAML with libyaml into yaml-cpp's YAML::Node, with the marks yaml-cpp
// would give, for the built-in packs (yaml-cpp's own scanner took 2/3 of gklint's start-up).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

namespace gklint {

// The document as YAML::Load builds it — the same node types, scalars, tags ("?" plain, "!"
// otherwise), null nodes for empty/~/null plain scalars, styles, and marks (0-based line,
// byte column, byte position; but an empty value's null is marked just after its key, where
// yaml-cpp marks it at the token that follows) — or nothing when the text uses what this reader leaves to
// yaml-cpp: anchors, aliases, explicit tags, more than one document, or a syntax error
// (YAML::Load then gives its own error). tests/engine/LibYamlReaderTest.cpp compares both
// readers node by node over every built-in pack.
std::optional<YAML::Node> loadWithLibYaml(std::string_view text);

}  // namespace gklint
