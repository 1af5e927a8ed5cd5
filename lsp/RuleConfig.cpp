#include "lsp/RuleConfig.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gklint::lsp {
namespace fs = std::filesystem;
namespace {

fs::path resolve(const std::string& spec, const fs::path& root) {
  fs::path path(spec);
  if (spec.rfind("~/", 0) == 0) {
    if (const char* home = std::getenv("HOME")) path = fs::path(home) / spec.substr(2);
  }
  if (path.is_relative()) path = (root.empty() ? fs::current_path() : root) / path;
  return path.lexically_normal();
}

bool isYaml(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

std::optional<std::string> readFromDisk(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

RuleSources resolveRuleSources(const GklintSettings& settings, const fs::path& root) {
  RuleSources sources;
  for (const std::string& f : settings.ruleFolders) sources.folders.push_back(resolve(f, root));
  for (const std::string& f : settings.ruleFiles) sources.files.push_back(resolve(f, root));
  return sources;
}

ConfiguredRuleFiles readConfiguredRuleFiles(const RuleSources& sources, const ReadText& read) {
  ConfiguredRuleFiles result;
  auto add = [&](const fs::path& path) {
    std::optional<std::string> content = read(path);
    if (!content) {
      result.problems.push_back("cannot read rule file " + path.string());
      return;
    }
    result.files.push_back({path.string(), std::move(*content)});
  };
  for (const fs::path& folder : sources.folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
      result.problems.push_back("rule folder " + folder.string() + " does not exist or is not a folder");
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && isYaml(it->path())) found.push_back(it->path().lexically_normal());
    }
    if (ec) result.problems.push_back("cannot list rule folder " + folder.string() + ": " + ec.message());
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) add(path);
  }
  for (const fs::path& path : sources.files) add(path);
  return result;
}

bool isRuleSource(const RuleSources& sources, const fs::path& changed) {
  const fs::path path = changed.lexically_normal();
  for (const fs::path& file : sources.files) {
    if (file == path) return true;
  }
  if (!isYaml(path)) return false;
  for (const fs::path& folder : sources.folders) {
    auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    if (f == folder.end() || (f->empty() && std::next(f) == folder.end())) return true;
  }
  return false;
}

}  // namespace gklint::lsp
