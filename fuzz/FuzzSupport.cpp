#include "fuzz/FuzzSupport.h"

#include <cstdlib>
#include <cstdio>

namespace gklint::fuzz {

const RuleSet& builtinRules() {
  static const RuleSet rules = [] {
    RuleLoadResult loaded = loadBuiltinRules();
    if (!loaded.errors.empty()) {
      std::fprintf(stderr, "fuzz: the built-in rules do not load: %s\n", loaded.errors.front().message.c_str());
      std::abort();
    }
    return std::move(loaded.rules);
  }();
  return rules;
}

std::map<std::string, std::string> splitFiles(std::string_view input, const std::string& firstName) {
  std::map<std::string, std::string> files;
  std::string name = firstName;
  std::string* current = &files[name];
  size_t pos = 0;
  while (pos < input.size()) {
    size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(pos, end - pos);
    if (line.substr(0, 4) == "=== " && line.size() > 4) {
      current = &files[std::string(line.substr(4))];
      current->clear();
    } else {
      current->append(line);
      if (end < input.size()) current->push_back('\n');
    }
    pos = end + 1;
  }
  return files;
}

}  // namespace gklint::fuzz
