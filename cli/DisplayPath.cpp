#include "cli/DisplayPath.h"

#include <filesystem>

namespace gklint::cli {

namespace fs = std::filesystem;

std::string displayPath(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return path;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return absolute.generic_string();
  const fs::path relative = absolute.lexically_relative(cwd.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

}  // namespace gklint::cli
