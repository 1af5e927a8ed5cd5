#include "engine/rules/OptionReader.h"

#include <algorithm>

#include "engine/text/Utf8.h"

namespace gklint {

OptionReader::OptionReader(YAML::Node map, std::string file, std::string keyPrefix, std::vector<RuleDiagnostic>& errors,
                           std::shared_ptr<const std::string> content)
    : map_(std::move(map)),
      file_(std::move(file)),
      prefix_(std::move(keyPrefix)),
      errors_(errors),
      content_(std::move(content)) {}

int OptionReader::codePointColumn(int line, int byteColumn) const {
  return codePointColumnIn(content_ ? std::string_view(*content_) : std::string_view(), line, byteColumn);
}

int codePointColumnIn(std::string_view content, int line, int byteColumn) {
  if (content.empty() || line < 0 || byteColumn < 0) return byteColumn + 1;
  size_t start = 0;
  for (int l = 0; l < line; ++l) {
    const size_t nl = content.find('\n', start);
    if (nl == std::string_view::npos) return byteColumn + 1;
    start = nl + 1;
  }
  const std::string_view prefix = content.substr(start, static_cast<size_t>(byteColumn));
  return static_cast<int>(utf8::codePointCount(prefix)) + 1;
}

bool OptionReader::has(const std::string& key) const { return map_.IsMap() && map_[key].IsDefined(); }

std::string OptionReader::keyPath(const std::string& key) const {
  if (key.empty()) return prefix_;
  return prefix_.empty() ? key : prefix_ + "." + key;
}

SourceMark OptionReader::markOf(const YAML::Node& node) const {
  SourceMark mark{file_, 0, 0};
  if (node.IsDefined() && node.Mark().line >= 0) {
    mark.line = node.Mark().line + 1;
    mark.column = codePointColumn(node.Mark().line, node.Mark().column);
  }
  return mark;
}

SourceMark OptionReader::markOf(const std::string& key) const {
  if (map_.IsMap()) {
    for (auto it = map_.begin(); it != map_.end(); ++it) {
      if (it->first.Scalar() == key) return markOf(it->first);
    }
  }
  return markOf(map_);
}

void OptionReader::error(const YAML::Node& at, const std::string& key, std::string message) {
  errors_.push_back({markOf(at), keyPath(key), std::move(message)});
}

void OptionReader::error(const std::string& key, std::string message) {
  errors_.push_back({markOf(key), keyPath(key), std::move(message)});
}

YAML::Node OptionReader::node(const std::string& key) {
  used_.push_back(key);
  if (!map_.IsMap()) return YAML::Node();
  return map_[key];
}

std::string OptionReader::string(const std::string& key, const std::string& fallback) {
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) return fallback;
  if (!n.IsScalar()) {
    error(n, key, "'" + key + "' must be a string");
    return fallback;
  }
  return n.Scalar();
}

std::optional<std::string> OptionReader::requiredString(const std::string& key) {
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    errors_.push_back({markOf(map_), keyPath(key), "missing required key '" + key + "'"});
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    error(n, key, "'" + key + "' must be a string");
    return std::nullopt;
  }
  return n.Scalar();
}

std::vector<std::string> OptionReader::stringList(const std::string& key) {
  YAML::Node n = node(key);
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) {
    error(n, key, "'" + key + "' must be a string or a list of strings");
    return out;
  }
  for (const YAML::Node& item : n) {
    if (!item.IsScalar()) {
      error(item, key, "every item of '" + key + "' must be a string");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

std::optional<int> OptionReader::integer(const std::string& key) {
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  int value = 0;
  if (!n.IsScalar() || !YAML::convert<int>::decode(n, value)) {
    error(n, key, "'" + key + "' must be a whole number");
    return std::nullopt;
  }
  return value;
}

bool OptionReader::boolean(const std::string& key, bool fallback) {
  YAML::Node n = node(key);
  if (!n.IsDefined() || n.IsNull()) return fallback;
  bool value = fallback;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
    error(n, key, "'" + key + "' must be true or false");
    return fallback;
  }
  return value;
}

OptionReader OptionReader::nested(YAML::Node map, const std::string& keyPath) {
  OptionReader reader(std::move(map), file_, this->keyPath(keyPath), errors_, content_);
  reader.trustedPatterns_ = trustedPatterns_;
  return reader;
}

void OptionReader::finish(const std::vector<std::string>& allowed) {
  if (!map_.IsMap()) return;
  for (auto it = map_.begin(); it != map_.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (std::find(used_.begin(), used_.end(), key) != used_.end()) continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    errors_.push_back({markOf(it->first), keyPath(key), "unknown key '" + key + "'"});
  }
}

}  // namespace gklint
