#include "engine/read/ReaderBackend.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

namespace gklint {
namespace {

namespace fs = std::filesystem;

struct LoadedModule {
  void* handle = nullptr;
  std::string error;  // why it could not be loaded (kept: the next file gets the same answer)
};

fs::path executableDirectory() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::vector<fs::path> searchDirectories() {
  std::vector<fs::path> dirs;
  if (const char* dir = std::getenv("GKLINT_BACKEND_DIR"); dir && *dir) dirs.emplace_back(dir);
  if (const fs::path exe = executableDirectory(); !exe.empty()) {
    dirs.push_back(exe);
    dirs.push_back(exe.parent_path() / "lib" / "gklint");
  }
#ifdef GKLINT_BACKEND_BUILD_DIR
  if (std::find(dirs.begin(), dirs.end(), fs::path(GKLINT_BACKEND_BUILD_DIR)) == dirs.end()) dirs.emplace_back(GKLINT_BACKEND_BUILD_DIR);
#endif
  return dirs;
}

LoadedModule load(const std::string& fileName) {
  LoadedModule loaded;
  std::string searched;
  std::string lastProblem;
  for (const fs::path& dir : searchDirectories()) {
    const fs::path candidate = dir / fileName;
    searched += (searched.empty() ? "" : ", ") + dir.string();
    std::error_code ec;
    if (!fs::exists(candidate, ec)) continue;
    // RTLD_LOCAL: the module's libraries stay out of the global scope (no clash with the host's).
    if (void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL)) {
      loaded.handle = handle;
      return loaded;
    }
    const char* said = dlerror();
    lastProblem = said ? said : "unknown error";
  }
  loaded.error = "gklint's module " + fileName + " could not be loaded (" +
                 (lastProblem.empty() ? "not found in " + searched : lastProblem) +
                 "); rebuild gklint (scripts/build.sh) or keep " + fileName + " beside the gklint executable";
  return loaded;
}

}  // namespace

void* readerBackendEntry(const std::string& fileName, const char* entry, std::string& error) {
  static std::mutex mutex;
  static std::map<std::string, LoadedModule> modules;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = modules.find(fileName);
  if (it == modules.end()) it = modules.emplace(fileName, load(fileName)).first;
  if (!it->second.handle) {
    error = it->second.error;
    return nullptr;
  }
  dlerror();
  void* address = dlsym(it->second.handle, entry);
  if (!address) error = "gklint's module " + fileName + " has no " + entry + ": it is from another gklint build; rebuild gklint";
  return address;
}

}  // namespace gklint
