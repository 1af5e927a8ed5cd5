// ReplayMain: runs a fuzz target's LLVMFuzzerTestOneInput once per file, without libFuzzer, so
// that the ordinary (gcc, unsanitised) test run replays the regression inputs and seeds too.
// Arguments are files or folders (read recursively); options starting with '-' are ignored, so
// the command line is the same as libFuzzer's `fuzz_NAME -runs=0 FOLDER…`.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int runOne(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] == '-') continue;
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.emplace_back(arg);
    }
  }
  int failures = 0;
  for (const auto& f : files) failures += runOne(f);
  std::printf("replay: %zu input(s) ran without a crash\n", files.size() - static_cast<size_t>(failures));
  return failures == 0 ? 0 : 1;
}
