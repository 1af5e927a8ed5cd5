// EditorFileSystem: files as the editor sees them — an open buffer's text when the file is open
// in the editor, the disk otherwise — for resolving .gklint.yaml and finding the nearest one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/config/Config.h"
#include "lsp/DocumentStore.h"

namespace gklint::lsp {

class EditorFileSystem {
 public:
  // `buffers`: the open documents that are not reports (configuration and rule files); must
  // outlive this object. Thread-safe as DocumentStore is.
  explicit EditorFileSystem(const DocumentStore& buffers) : buffers_(buffers) {}

  // The open buffer of `path` (an absolute path), else the file on disk; nothing when
  // neither exists or the file cannot be read.
  std::optional<std::string> read(const std::string& path) const;
  // Whether `path` is open in the editor or a regular file on disk.
  bool exists(const std::string& path) const;
  // Regular files under a folder on disk, recursively, sorted; nothing when it is not a folder.
  // NOTE: a buffer that was never saved is not listed: folders are what the disk holds.
  std::optional<std::vector<std::string>> listFolder(const std::string& path) const;

  // The view engine/config/Config.h's resolveConfig reads through.
  ConfigFileSystem configFileSystem() const;

  // The nearest ".gklint.yaml" in `folder` (absolute) or a folder above it, up to the
  // file-system root; an open buffer counts as existing.
  std::optional<std::string> nearestConfigFile(const std::string& folder) const;

 private:
  std::optional<DocumentSnapshot> openBuffer(const std::string& path) const;

  const DocumentStore& buffers_;
};

}  // namespace gklint::lsp
