#include "engine/rules/LibYamlReader.h"

#include <yaml.h>

#include <memory>
#include <string>
#include <vector>

namespace gklint {
namespace {
struct NodeFromLibYaml {};
}  // namespace
}  // namespace gklint

// YAML::Node's constructor from a detail::node is private; Node befriends every as_if<T, S>,
// and this specialisation, for a type of gklint's own, is the one door yaml-cpp leaves open
// to build a tree the way its NodeBuilder does (marks included, which the public API cannot set).
template <>
struct YAML::as_if<gklint::NodeFromLibYaml, void> {
  static Node wrap(detail::node& node, const detail::shared_memory_holder& memory) { return Node(node, memory); }
};

namespace gklint {
namespace {

bool isNullString(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// libyaml counts columns and positions in characters; yaml-cpp counts bytes.
class MarkConverter {
 public:
  explicit MarkConverter(std::string_view text) : text_(text) {
    // Neither counts a byte order mark.
    bom_ = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    lineStarts_.push_back(bom_);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') lineStarts_.push_back(i + 1);
    }
  }

  YAML::Mark operator()(const yaml_mark_t& m) const {
    YAML::Mark mark;
    mark.line = static_cast<int>(m.line);
    size_t byte = m.line < lineStarts_.size() ? lineStarts_[m.line] : text_.size();
    for (size_t chars = 0; chars < m.column && byte < text_.size(); ++chars) {
      const auto c = static_cast<unsigned char>(text_[byte]);
      byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    mark.pos = static_cast<int>(byte - bom_);
    mark.column = static_cast<int>(byte - (m.line < lineStarts_.size() ? lineStarts_[m.line] : byte));
    return mark;
  }

 private:
  std::string_view text_;
  size_t bom_ = 0;
  std::vector<size_t> lineStarts_;
};

struct Parser {
  yaml_parser_t parser{};
  bool ready = false;
  Parser() { ready = yaml_parser_initialize(&parser) != 0; }
  ~Parser() {
    if (ready) yaml_parser_delete(&parser);
  }
};

struct Event {
  yaml_event_t event{};
  bool held = false;
  ~Event() { clear(); }
  void clear() {
    if (held) yaml_event_delete(&event);
    held = false;
  }
};

}  // namespace

std::optional<YAML::Node> loadWithLibYaml(std::string_view text) {
  using Access = YAML::as_if<NodeFromLibYaml, void>;
  Parser p;
  if (!p.ready) return std::nullopt;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  const MarkConverter toMark(text);
  const auto memory = std::make_shared<YAML::detail::memory_holder>();
  // The open collections; for a mapping, the key waiting for its value (null: none yet).
  struct Open {
    YAML::detail::node* node;
    YAML::detail::node* key;
  };
  std::vector<Open> stack;
  YAML::detail::node* root = nullptr;
  int documents = 0;
  // Attaches a finished node to the collection it is in, as NodeBuilder::Pop does.
  auto attach = [&](YAML::detail::node& node) {
    if (stack.empty()) {
      root = &node;
      return;
    }
    Open& parent = stack.back();
    if (parent.node->type() == YAML::NodeType::Sequence) {
      parent.node->push_back(node, memory);
    } else if (parent.key == nullptr) {
      parent.key = &node;
    } else {
      parent.node->insert(*parent.key, node, memory);
      parent.key = nullptr;
    }
  };
  Event e;
  for (;;) {
    e.clear();
    if (!yaml_parser_parse(&p.parser, &e.event)) return std::nullopt;
    e.held = true;
    const yaml_event_t& ev = e.event;
    switch (ev.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        break;
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1 || ev.data.document_start.version_directive != nullptr ||
            ev.data.document_start.tag_directives.start != ev.data.document_start.tag_directives.end) {
          return std::nullopt;
        }
        break;
      case YAML_STREAM_END_EVENT:
        if (!stack.empty()) return std::nullopt;
        if (root == nullptr) return YAML::Node();
        return Access::wrap(*root, memory);
      case YAML_ALIAS_EVENT:
        return std::nullopt;
      case YAML_SCALAR_EVENT: {
        const auto& s = ev.data.scalar;
        if (s.anchor != nullptr || s.tag != nullptr) return std::nullopt;
        const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        YAML::detail::node& node = memory->create_node();
        node.set_mark(toMark(ev.start_mark));
        if (plain && isNullString(value)) {
          node.set_null();
        } else {
          node.set_scalar(std::string(value));
          node.set_tag(plain ? "?" : "!");
        }
        attach(node);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool sequence = ev.type == YAML_SEQUENCE_START_EVENT;
        const yaml_char_t* anchor = sequence ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor;
        const yaml_char_t* tag = sequence ? ev.data.sequence_start.tag : ev.data.mapping_start.tag;
        if (anchor != nullptr || tag != nullptr) return std::nullopt;
        const bool flow = sequence ? ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                   : ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        YAML::detail::node& node = memory->create_node();
        node.set_mark(toMark(ev.start_mark));
        node.set_tag("?");
        node.set_type(sequence ? YAML::NodeType::Sequence : YAML::NodeType::Map);
        node.set_style(flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        stack.push_back({&node, nullptr});
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        if (stack.empty()) return std::nullopt;
        YAML::detail::node& node = *stack.back().node;
        stack.pop_back();
        attach(node);
        break;
      }
      default:
        return std::nullopt;
    }
  }
}

}  // namespace gklint
