#include "lsp/EditorFileSystem.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/Uri.h"

namespace gklint::lsp {

namespace fs = std::filesystem;

std::optional<DocumentSnapshot> EditorFileSystem::openBuffer(const std::string& path) const {
  const std::string wanted = fs::path(path).lexically_normal().string();
  for (const DocumentSnapshot& doc : buffers_.all()) {
    const std::optional<std::string> docPath = uriToPath(doc.uri);
    if (docPath && fs::path(*docPath).lexically_normal().string() == wanted) return doc;
  }
  return std::nullopt;
}

std::optional<std::string> EditorFileSystem::read(const std::string& path) const {
  if (std::optional<DocumentSnapshot> buffer = openBuffer(path)) return std::string(buffer->source->text());
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool EditorFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return openBuffer(path).has_value() || fs::is_regular_file(path, ec);
}

std::optional<std::vector<std::string>> EditorFileSystem::listFolder(const std::string& path) const {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return std::nullopt;
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path().lexically_normal().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

ConfigFileSystem EditorFileSystem::configFileSystem() const {
  ConfigFileSystem view;
  view.read = [this](const std::string& path) { return read(path); };
  view.listFolder = [this](const std::string& path) { return listFolder(path); };
  return view;
}

std::optional<std::string> EditorFileSystem::nearestConfigFile(const std::string& folder) const {
  fs::path dir = fs::path(folder).lexically_normal();
  if (dir.is_relative()) return std::nullopt;
  while (!dir.empty()) {
    const std::string candidate = (dir / ".gklint.yaml").string();
    if (exists(candidate)) return candidate;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace gklint::lsp
