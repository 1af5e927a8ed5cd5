#include "cli/FileCollector.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/Analyzer.h"

namespace gklint::cli {

namespace fs = std::filesystem;

CollectedFiles collectFiles(const std::vector<std::string>& paths) {
  CollectedFiles result;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.errors.push_back({path, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && (name[0] == '.' || name == "node_modules")) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && formatFromPath(it->path().string())) found.push_back(it->path().string());
      }
      if (ec) result.errors.push_back({path, "cannot read folder: " + ec.message()});
      std::sort(found.begin(), found.end());
      result.files.insert(result.files.end(), found.begin(), found.end());
      continue;
    }
    if (!formatFromPath(path)) {
      result.errors.push_back({path, "unsupported file type; gklint reads .txt, .md, .html/.htm, .docx and .pdf reports"});
      continue;
    }
    result.files.push_back(path);
  }
  return result;
}

}  // namespace gklint::cli
