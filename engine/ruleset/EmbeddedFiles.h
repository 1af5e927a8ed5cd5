// EmbeddedFiles: the built-in rule packs (rules/**/*.yaml) compiled into the binary.
#pragma once

#include <string_view>
#include <vector>

#include "engine/rules/YamlTree.h"

namespace gklint {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, e.g. "gov/structure.yaml"
  std::string_view content;
  YamlTree tree;             // `content` parsed, over arrays generated with it
};

// Defined in a source generated at build time by engine/tools/EmbedRulePacks.cpp, which parses
// each pack with YamlTree::parse (a syntax error in a pack fails the build).
const std::vector<EmbeddedFile>& embeddedFiles();

}  // namespace gklint
