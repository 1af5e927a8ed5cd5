#include "engine/rules/YamlTree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>

#include "engine/text/Utf8.h"

namespace gklint {

std::string_view YamlNode::scalar() const {
  if (!isScalar()) return {};
  return tree_->pool().substr(entry_->first, entry_->count);
}

YamlNode YamlNode::at(size_t index) const { return YamlNode(tree_, &tree_->entries()[index]); }

YamlNode YamlNode::item(size_t i) const {
  if (!isSequence() || i >= entry_->count) return {};
  return at(entry_->first + i);
}

YamlNode YamlNode::key(size_t i) const {
  if (!isMap() || i >= entry_->count) return {};
  return at(entry_->first + 2 * i);
}

YamlNode YamlNode::value(size_t i) const {
  if (!isMap() || i >= entry_->count) return {};
  return at(entry_->first + 2 * i + 1);
}

size_t YamlNode::indexOf(std::string_view name) const {
  if (!isMap()) return 0;
  const std::span<const YamlEntry> entries = tree_->entries();
  const std::string_view pool = tree_->pool();
  for (uint32_t i = 0; i < entry_->count; ++i) {
    const YamlEntry& k = entries[entry_->first + 2 * i];
    if (k.kind == YamlKind::Scalar && pool.substr(k.first, k.count) == name) return i;
  }
  return entry_->count;
}

YamlNode YamlNode::get(std::string_view name) const { return value(indexOf(name)); }

YamlTree::YamlTree() : entries_{YamlEntry{YamlKind::Null, 0, 0, 1, 1}} {}

YamlTree::YamlTree(std::vector<YamlEntry> entries, std::string pool) : entries_(std::move(entries)), pool_(std::move(pool)) {
  if (entries_.empty()) entries_.push_back({YamlKind::Null, 0, 0, 1, 1});
}

namespace {

// Builds the tree from yaml-cpp's parser events, as YAML::Load's NodeBuilder builds its graph:
// an alias is the anchored node itself (so a billion-laughs file stays as small as its text),
// marks are the events' marks. Then lays it out flat: a node's children take consecutive
// entries, so that the items of a sequence and the pairs of a map are found by index; an alias
// is a copy of its node's entry, sharing its children.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::string_view text) : text_(text) {
    // yaml-cpp counts neither a byte order mark nor, in columns, anything before a line's start.
    const size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    lineStarts_.push_back(bom);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') lineStarts_.push_back(i + 1);
    }
  }

  YamlTree build() {
    if (root_ == kNone) return YamlTree();
    laidOut_.assign(nodes_.size(), std::nullopt);
    entries_.resize(1);
    entries_[0] = layOut(root_);
    return YamlTree(std::move(entries_), std::move(pool_));
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(YamlKind::Null, mark, anchor); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (anchor >= 1 && anchor <= anchors_.size()) attach(anchors_[anchor - 1]);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    nodes_[add(YamlKind::Scalar, mark, anchor)].scalar = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open_.push_back(add(YamlKind::Sequence, mark, anchor));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open_.push_back(add(YamlKind::Map, mark, anchor));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Node {
    YamlEntry entry;                 // kind and mark
    std::string scalar;
    std::vector<uint32_t> children;  // items, or keys and values in turn
  };

  uint32_t add(YamlKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto index = static_cast<uint32_t>(nodes_.size());
    Node& node = nodes_.emplace_back();
    node.entry.kind = kind;
    setMark(mark, node.entry);
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() < anchor) anchors_.resize(anchor, kNone);
      anchors_[anchor - 1] = index;
    }
    attach(index);
    return index;
  }

  void attach(uint32_t index) {
    if (index == kNone) return;
    if (open_.empty()) {
      if (root_ == kNone) root_ = index;
      return;
    }
    nodes_[open_.back()].children.push_back(index);
  }

  void setMark(const YAML::Mark& m, YamlEntry& entry) const {
    if (m.line < 0 || m.column < 0 || static_cast<size_t>(m.line) >= lineStarts_.size()) return;
    const size_t start = lineStarts_[m.line];
    const std::string_view prefix = text_.substr(std::min(start, text_.size()), static_cast<size_t>(m.column));
    entry.line = static_cast<uint32_t>(m.line) + 1;
    entry.column = static_cast<uint32_t>(utf8::codePointCount(prefix)) + 1;
  }

  YamlEntry layOut(uint32_t index) {
    if (laidOut_[index]) return *laidOut_[index];
    const Node& node = nodes_[index];
    YamlEntry entry = node.entry;
    if (entry.kind == YamlKind::Scalar) {
      entry.first = static_cast<uint32_t>(pool_.size());
      entry.count = static_cast<uint32_t>(node.scalar.size());
      pool_ += node.scalar;
    } else if (entry.kind == YamlKind::Sequence || entry.kind == YamlKind::Map) {
      const size_t children = entry.kind == YamlKind::Map ? node.children.size() / 2 * 2 : node.children.size();
      entry.first = static_cast<uint32_t>(entries_.size());
      entry.count = static_cast<uint32_t>(entry.kind == YamlKind::Map ? children / 2 : children);
      entries_.resize(entries_.size() + children);
      laidOut_[index] = entry;  // before its children: an alias inside a node refers to the node
      for (size_t i = 0; i < children; ++i) {
        const YamlEntry child = layOut(node.children[i]);
        entries_[entry.first + i] = child;
      }
    }
    laidOut_[index] = entry;
    return entry;
  }

  std::string_view text_;
  std::vector<size_t> lineStarts_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> open_;     // the collections being read, innermost last
  std::vector<uint32_t> anchors_;  // node of anchor n at n - 1
  uint32_t root_ = kNone;
  std::vector<std::optional<YamlEntry>> laidOut_;
  std::vector<YamlEntry> entries_;
  std::string pool_;
};

}  // namespace

YamlTree YamlTree::parse(std::string_view text) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  TreeBuilder builder(text);
  parser.HandleNextDocument(builder);
  return builder.build();
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

bool yamlScalarToInt(std::string_view scalar, int& out) {
  while (!scalar.empty() && (scalar.back() == ' ' || scalar.back() == '\t')) scalar.remove_suffix(1);
  if (!scalar.empty() && scalar.front() == '+') {
    scalar.remove_prefix(1);
    if (!scalar.empty() && scalar.front() == '-') return false;
  }
  if (scalar.empty() || scalar.front() == '+') return false;
  int value = 0;
  const auto [end, error] = std::from_chars(scalar.data(), scalar.data() + scalar.size(), value);
  if (error != std::errc() || end != scalar.data() + scalar.size()) return false;
  out = value;
  return true;
}

namespace {

// yaml-cpp's IsFlexibleCase: all lower case, all upper case, or one capital then lower case.
bool flexibleCase(std::string_view s) {
  if (s.empty()) return true;
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  bool allLowerAfterFirst = true, allUpperAfterFirst = true;
  for (size_t i = 1; i < s.size(); ++i) {
    allLowerAfterFirst = allLowerAfterFirst && !upper(s[i]);
    allUpperAfterFirst = allUpperAfterFirst && !lower(s[i]);
  }
  return allLowerAfterFirst || (upper(s[0]) && allUpperAfterFirst);
}

}  // namespace

bool yamlScalarToBool(std::string_view scalar, bool& out) {
  if (!flexibleCase(scalar)) return false;
  std::string lowered(scalar);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  static constexpr std::string_view kTrue[] = {"y", "yes", "true", "on"};
  static constexpr std::string_view kFalse[] = {"n", "no", "false", "off"};
  for (std::string_view name : kTrue) {
    if (lowered == name) return out = true, true;
  }
  for (std::string_view name : kFalse) {
    if (lowered == name) return out = false, true;
  }
  return false;
}

}  // namespace gklint
