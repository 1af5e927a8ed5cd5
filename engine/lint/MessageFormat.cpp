#include "engine/lint/MessageFormat.h"

namespace gklint {

std::string formatMessage(std::string_view pattern, const MessageArgs& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{' && pattern[i] != '}') {  // a run of literal text, copied at once
      size_t end = i + 1;
      while (end < pattern.size() && pattern[end] != '{' && pattern[end] != '}') ++end;
      out.append(pattern.substr(i, end - i));
      i = end;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    if (pattern[i] == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      out += '}';
      i += 2;
      continue;
    }
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [key, value] : args) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::vector<std::string> placeholdersIn(std::string_view pattern) {
  std::vector<std::string> names;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      i += 2;
      continue;
    }
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close == std::string_view::npos) break;
      names.emplace_back(pattern.substr(i + 1, close - i - 1));
      i = close + 1;
      continue;
    }
    ++i;
  }
  return names;
}

}  // namespace gklint
