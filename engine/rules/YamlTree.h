// YamlTree: a YAML document as the rule loader reads it — immutable, its nodes in one flat array
// and its scalars in one string pool, every node marked with its 1-based line and code-point
// column. Users' files are parsed by yaml-cpp (whose error messages they see) and turned into a
// tree at load; the built-in packs were turned into trees when gklint was built and are used in
// place (engine/ruleset/EmbeddedFiles.h): no parsing and no allocation at start-up.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gklint {

enum class YamlKind : uint8_t { Undefined, Null, Scalar, Sequence, Map };

// One node. A scalar's text is pool[first, first + count); a sequence's items are the entries
// [first, first + count); a map's pairs are the entries [first, first + 2 × count), key then value.
struct YamlEntry {
  YamlKind kind = YamlKind::Undefined;
  uint32_t first = 0;
  uint32_t count = 0;
  uint32_t line = 0;    // 1-based; 0 when yaml-cpp gave no mark
  uint32_t column = 0;  // 1-based, in code points
};

class YamlTree;

// A node of a tree, or an undefined node (an absent key, an index past the end). A cheap handle:
// valid while its tree lives.
class YamlNode {
 public:
  YamlNode() = default;

  YamlKind kind() const { return entry_ ? entry_->kind : YamlKind::Undefined; }
  bool defined() const { return kind() != YamlKind::Undefined; }
  // Defined and not null: a value was written (an empty value, ~ and null are null).
  bool present() const { return defined() && !isNull(); }
  bool isNull() const { return kind() == YamlKind::Null; }
  bool isScalar() const { return kind() == YamlKind::Scalar; }
  bool isSequence() const { return kind() == YamlKind::Sequence; }
  bool isMap() const { return kind() == YamlKind::Map; }

  // A scalar's text; empty for any other node.
  std::string_view scalar() const;
  // Items of a sequence, pairs of a map, 0 otherwise.
  size_t size() const { return isSequence() || isMap() ? entry_->count : 0; }
  // Item i of a sequence.
  YamlNode item(size_t i) const;
  // Pair i of a map.
  YamlNode key(size_t i) const;
  YamlNode value(size_t i) const;
  // The value of the map's first pair whose key is the scalar `name`.
  YamlNode get(std::string_view name) const;
  // Index of that pair, or size() when there is none.
  size_t indexOf(std::string_view name) const;

  // 1-based; 0 and 0 for an undefined node.
  int line() const { return entry_ ? static_cast<int>(entry_->line) : 0; }
  int column() const { return entry_ ? static_cast<int>(entry_->column) : 0; }

  // A sequence's items, for range-for (nothing for any other node).
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class YamlTree;
  YamlNode(const YamlTree* tree, const YamlEntry* entry) : tree_(tree), entry_(entry) {}
  YamlNode at(size_t index) const;

  const YamlTree* tree_ = nullptr;
  const YamlEntry* entry_ = nullptr;
};

class YamlNode::Iterator {
 public:
  Iterator(YamlNode sequence, size_t index) : sequence_(sequence), index_(index) {}
  YamlNode operator*() const { return sequence_.item(index_); }
  Iterator& operator++() {
    ++index_;
    return *this;
  }
  bool operator!=(const Iterator& other) const { return index_ != other.index_; }

 private:
  YamlNode sequence_;
  size_t index_;
};

inline YamlNode::Iterator YamlNode::begin() const { return Iterator(*this, 0); }
inline YamlNode::Iterator YamlNode::end() const { return Iterator(*this, isSequence() ? size() : 0); }

class YamlTree {
 public:
  // An empty document (its root is null).
  YamlTree();
  // A tree owning its entries (entries[0] is the root) and pool.
  YamlTree(std::vector<YamlEntry> entries, std::string pool);
  // A tree over storage that outlives it (the built-in packs' generated arrays); entries[0] is
  // the root.
  static YamlTree over(std::span<const YamlEntry> entries, std::string_view pool) { return {External{}, entries, pool}; }

  // Parses `text` with yaml-cpp; throws YAML::Exception on a syntax error, as YAML::Load does.
  // Only the first document is kept, as with YAML::Load.
  static YamlTree parse(std::string_view text);

  YamlNode root() const { return YamlNode(this, &entries()[0]); }
  std::span<const YamlEntry> entries() const { return external_ ? externalEntries_ : std::span<const YamlEntry>(entries_); }
  std::string_view pool() const { return external_ ? externalPool_ : std::string_view(pool_); }

 private:
  struct External {};
  YamlTree(External, std::span<const YamlEntry> entries, std::string_view pool)
      : external_(true), externalEntries_(entries), externalPool_(pool) {}

  bool external_ = false;
  std::vector<YamlEntry> entries_;
  std::string pool_;
  std::span<const YamlEntry> externalEntries_;
  std::string_view externalPool_;
};

// 1-based code-point column of the 0-based `line` and byte column of `content` (byte column
// + 1 when the content is unknown): where a yaml-cpp syntax error (YAML::Exception::mark) is.
int codePointColumnIn(std::string_view content, int line, int byteColumn);

// Readings of a scalar: a whole number (an optional sign and decimal digits, within int) and, as
// yaml-cpp reads one, a boolean (true/false, yes/no, y/n, on/off: lower case, Capitalised or
// UPPER CASE).
bool yamlScalarToInt(std::string_view scalar, int& out);
bool yamlScalarToBool(std::string_view scalar, bool& out);

}  // namespace gklint
