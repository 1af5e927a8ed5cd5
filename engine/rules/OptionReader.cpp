#include "engine/rules/OptionReader.h"

#include <algorithm>


namespace gklint {

OptionReader::OptionReader(YamlNode map, std::string file, std::string keyPrefix, std::vector<RuleDiagnostic>& errors)
    : map_(map), file_(std::move(file)), prefix_(std::move(keyPrefix)), errors_(errors) {}

bool OptionReader::has(const std::string& key) const { return map_.get(key).defined(); }

std::string OptionReader::keyPath(const std::string& key) const {
  if (key.empty()) return prefix_;
  return prefix_.empty() ? key : prefix_ + "." + key;
}

SourceMark OptionReader::markOf(const YamlNode& node) const { return SourceMark{file_, node.line(), node.column()}; }

SourceMark OptionReader::markOf(const std::string& key) const {
  const size_t index = map_.indexOf(key);
  return markOf(index < map_.size() ? map_.key(index) : map_);
}

void OptionReader::error(const YamlNode& at, const std::string& key, std::string message) {
  errors_.push_back({markOf(at), keyPath(key), std::move(message)});
}

void OptionReader::error(const std::string& key, std::string message) {
  errors_.push_back({markOf(key), keyPath(key), std::move(message)});
}

YamlNode OptionReader::node(const std::string& key) {
  used_.push_back(key);
  return map_.get(key);
}

std::string OptionReader::string(const std::string& key, const std::string& fallback) {
  const YamlNode n = node(key);
  if (!n.present()) return fallback;
  if (!n.isScalar()) {
    error(n, key, "'" + key + "' must be a string");
    return fallback;
  }
  return std::string(n.scalar());
}

std::optional<std::string> OptionReader::requiredString(const std::string& key) {
  const YamlNode n = node(key);
  if (!n.present()) {
    errors_.push_back({markOf(map_), keyPath(key), "missing required key '" + key + "'"});
    return std::nullopt;
  }
  if (!n.isScalar()) {
    error(n, key, "'" + key + "' must be a string");
    return std::nullopt;
  }
  return std::string(n.scalar());
}

std::vector<std::string> OptionReader::stringList(const std::string& key) {
  const YamlNode n = node(key);
  std::vector<std::string> out;
  if (!n.present()) return out;
  if (n.isScalar()) {
    out.emplace_back(n.scalar());
    return out;
  }
  if (!n.isSequence()) {
    error(n, key, "'" + key + "' must be a string or a list of strings");
    return out;
  }
  out.reserve(n.size());
  for (const YamlNode item : n) {
    if (!item.isScalar()) {
      error(item, key, "every item of '" + key + "' must be a string");
      continue;
    }
    out.emplace_back(item.scalar());
  }
  return out;
}

std::optional<int> OptionReader::integer(const std::string& key) {
  const YamlNode n = node(key);
  if (!n.present()) return std::nullopt;
  int value = 0;
  if (!n.isScalar() || !yamlScalarToInt(n.scalar(), value)) {
    error(n, key, "'" + key + "' must be a whole number");
    return std::nullopt;
  }
  return value;
}

bool OptionReader::boolean(const std::string& key, bool fallback) {
  const YamlNode n = node(key);
  if (!n.present()) return fallback;
  bool value = fallback;
  if (!n.isScalar() || !yamlScalarToBool(n.scalar(), value)) {
    error(n, key, "'" + key + "' must be true or false");
    return fallback;
  }
  return value;
}

OptionReader OptionReader::nested(YamlNode map, const std::string& keyPath) {
  OptionReader reader(map, file_, this->keyPath(keyPath), errors_);
  reader.trustedPatterns_ = trustedPatterns_;
  return reader;
}

void OptionReader::finish(const std::vector<std::string>& allowed) {
  for (size_t i = 0; i < map_.size(); ++i) {
    const std::string_view key = map_.key(i).scalar();
    if (std::find(used_.begin(), used_.end(), key) != used_.end()) continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    errors_.push_back({markOf(map_.key(i)), keyPath(std::string(key)), "unknown key '" + std::string(key) + "'"});
  }
}

}  // namespace gklint
