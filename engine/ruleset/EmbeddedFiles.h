// EmbeddedFiles: the built-in rule packs (rules/**/*.yaml) compiled into the binary.
#pragma once

#include <string_view>
#include <vector>

namespace gklint {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, e.g. "gov/structure.yaml"
  std::string_view content;
};

// Defined in a source generated at build time (cmake/embed_files_script.cmake).
const std::vector<EmbeddedFile>& embeddedFiles();

}  // namespace gklint
