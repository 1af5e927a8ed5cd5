// Fuzz target: resolveConfig over an in-memory file system: one input holds .gklint.yaml and
// the files it extends or names ("=== path" lines start each further file).
#include "engine/config/Config.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  const std::map<std::string, std::string> files = fuzz::splitFiles(fuzz::asText(data, size), ".gklint.yaml");
  ConfigFileSystem fs;
  fs.read = [&](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path.rfind("./", 0) == 0 ? path.substr(2) : path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  fs.listFolder = [&](const std::string& path) -> std::optional<std::vector<std::string>> {
    const std::string prefix = (path.rfind("./", 0) == 0 ? path.substr(2) : path) + "/";
    std::vector<std::string> out;
    for (const auto& [name, text] : files) {
      if (name.rfind(prefix, 0) == 0) out.push_back(name);
    }
    if (out.empty()) return std::nullopt;
    return out;
  };
  const Config config = resolveConfig(".gklint.yaml", fs);
  for (const PathGlob& g : config.ignore) (void)globMatches(g.glob, "reports/2021/report.txt");
  if (!config.ruleFiles.empty()) (void)loadRuleFiles(config.ruleFiles);
  return 0;
}
