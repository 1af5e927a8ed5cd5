// CliTestSupport: runs gklint in-process and manages scratch files for the CLI tests.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/Cli.h"

namespace gklint::clitest {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// gklint::cli::run with `args` after the program name; stdout and stderr captured apart.
inline CliRun runGklint(const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"gklint"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  CliRun r;
  r.code = gklint::cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

inline std::string testPath(const std::string& relative) { return std::string(GKLINT_TEST_DIR) + "/" + relative; }
inline std::string cliFixture(const std::string& name) { return testPath("fixtures/cli/" + name); }
inline std::string seed004() { return testPath("corpus/seeds/004_8d6632e4e8c36cd9.txt"); }

inline std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh folder under the system temp folder, removed with everything in it on destruction.
// Unique per process and instance, so parallel ctest runs never share one.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("gklint-clitest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `relative` (folders created) and returns the file's path as a string.
  std::string write(const std::string& relative, const std::string& bytes) const {
    writeBytes(path_ / relative, bytes);
    return (path_ / relative).string();
  }

 private:
  std::filesystem::path path_;
};

// Makes `folder` the working folder until destruction (commands that read the configuration
// of the working folder, paths printed relative to it). Process-wide: tests run one at a time.
class WorkingFolder {
 public:
  explicit WorkingFolder(const std::filesystem::path& folder) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(folder);
  }
  ~WorkingFolder() {
    std::error_code ec;
    std::filesystem::current_path(saved_, ec);
  }
  WorkingFolder(const WorkingFolder&) = delete;
  WorkingFolder& operator=(const WorkingFolder&) = delete;

 private:
  std::filesystem::path saved_;
};

}  // namespace gklint::clitest
