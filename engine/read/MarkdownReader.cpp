#include "engine/read/MarkdownReader.h"

#include <cstring>
#include <string>

#include "engine/read/TreeSitter.h"
#include "engine/text/LineIndex.h"
#include "engine/text/Trim.h"

namespace gklint {
namespace {

bool isType(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

ByteSpan nodeSpan(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

class MarkdownBlockWalker {
 public:
  MarkdownBlockWalker(std::string_view text, ReadResult& out) : text_(text), lines_(text), out_(out) {}

  void walk(TSNode node, bool inQuote) {
    const char* type = ts_node_type(node);
    if (!std::strcmp(type, "atx_heading")) return addAtxHeading(node);
    if (!std::strcmp(type, "setext_heading")) return addSetextHeading(node);
    if (!std::strcmp(type, "paragraph")) return addLines(nodeSpan(node), inQuote, BlockKind::Paragraph, 0);
    if (!std::strcmp(type, "pipe_table")) return addTable(node);
    if (!std::strcmp(type, "fenced_code_block") || !std::strcmp(type, "indented_code_block")) {
      return addWhole(node, BlockKind::Code);
    }
    if (!std::strcmp(type, "html_block")) {
      ByteSpan s = trimSpan(text_, nodeSpan(node));
      return addWhole(node, s.in(text_).substr(0, 4) == "<!--" ? BlockKind::Comment : BlockKind::Code);
    }
    if (!std::strcmp(type, "minus_metadata") || !std::strcmp(type, "plus_metadata") ||
        !std::strcmp(type, "thematic_break") || !std::strcmp(type, "link_reference_definition")) {
      return;
    }
    const bool quote = inQuote || !std::strcmp(type, "block_quote");
    const uint32_t n = ts_node_named_child_count(node);
    for (uint32_t k = 0; k < n; ++k) walk(ts_node_named_child(node, k), quote);
  }

 private:
  // Whole source lines overlapping `span`, one block each; `content` trimmed, quote markers dropped.
  void addLines(ByteSpan span, bool inQuote, BlockKind kind, int level) {
    if (span.empty()) return;
    size_t first = lines_.lineOf(span.begin);
    size_t last = lines_.lineOf(span.end > span.begin ? span.end - 1 : span.begin);
    for (size_t line = first; line <= last; ++line) {
      ByteSpan whole{lines_.lineStart(line), lines_.lineEnd(line)};
      ByteSpan content = trimSpan(text_, whole);
      if (inQuote) {
        while (!content.empty() && text_[content.begin] == '>') {
          content = trimLeft(text_, {content.begin + 1, content.end});
        }
      }
      if (content.empty()) continue;
      Block block;
      block.kind = kind;
      block.span = trimSpan(text_, whole);
      block.content = content;
      block.markdownLevel = level;
      out_.blocks.push_back(std::move(block));
    }
  }

  void addWhole(TSNode node, BlockKind kind) {
    Block block;
    block.kind = kind;
    block.span = trimSpan(text_, nodeSpan(node));
    block.content = block.span;
    out_.blocks.push_back(block);
  }

  void addAtxHeading(TSNode node) {
    int level = 1;
    ByteSpan content{};
    const uint32_t n = ts_node_child_count(node);
    for (uint32_t k = 0; k < n; ++k) {
      TSNode child = ts_node_child(node, k);
      const char* type = ts_node_type(child);
      if (!std::strncmp(type, "atx_h", 5) && std::strstr(type, "_marker")) level = type[5] - '0';
      if (!std::strcmp(type, "inline")) content = trimSpan(text_, nodeSpan(child));
    }
    Block block;
    block.kind = BlockKind::Heading;
    block.span = trimSpan(text_, nodeSpan(node));
    block.content = content.empty() ? ByteSpan{block.span.end, block.span.end} : content;
    block.markdownLevel = level;
    out_.blocks.push_back(block);
  }

  void addSetextHeading(TSNode node) {
    int level = 1;
    ByteSpan content{};
    const uint32_t n = ts_node_child_count(node);
    for (uint32_t k = 0; k < n; ++k) {
      TSNode child = ts_node_child(node, k);
      if (isType(child, "setext_h2_underline")) level = 2;
      if (isType(child, "paragraph")) content = trimSpan(text_, nodeSpan(child));
    }
    // A multi-line setext heading: earlier lines are prose, the last one is the heading.
    if (content.empty()) return;
    size_t lastLine = lines_.lineOf(content.end - 1);
    uint32_t lastStart = lines_.lineStart(lastLine);
    if (lastStart > content.begin) addLines({content.begin, lastStart}, false, BlockKind::Paragraph, 0);
    Block block;
    block.kind = BlockKind::Heading;
    block.content = trimSpan(text_, {std::max(lastStart, content.begin), content.end});
    block.span = block.content;
    block.markdownLevel = level;
    out_.blocks.push_back(block);
  }

  void addTable(TSNode node) {
    RawTable table;
    table.layout = TableLayout::Pipe;
    table.span = trimSpan(text_, nodeSpan(node));
    const uint32_t n = ts_node_named_child_count(node);
    for (uint32_t k = 0; k < n; ++k) {
      TSNode row = ts_node_named_child(node, k);
      if (!isType(row, "pipe_table_header") && !isType(row, "pipe_table_row")) continue;
      table.rows.push_back(splitPipeRow(trimSpan(text_, nodeSpan(row))));
    }
    Block block;
    block.kind = BlockKind::Table;
    block.span = table.span;
    block.content = table.span;
    block.tableIndex = out_.tables.size();
    out_.tables.push_back(std::move(table));
    out_.blocks.push_back(block);
  }

  // Cells between unescaped pipes; a leading and a trailing pipe are optional.
  TableRow splitPipeRow(ByteSpan rowSpan) {
    TableRow row;
    row.span = rowSpan;
    uint32_t begin = rowSpan.begin;
    uint32_t end = rowSpan.end;
    if (begin < end && text_[begin] == '|') ++begin;
    if (end > begin && text_[end - 1] == '|' && !(end - 1 > begin && text_[end - 2] == '\\')) --end;
    uint32_t cellStart = begin;
    for (uint32_t i = begin; i <= end; ++i) {
      if (i == end || (text_[i] == '|' && !(i > begin && text_[i - 1] == '\\'))) {
        row.cells.push_back({trimSpan(text_, {cellStart, i})});
        cellStart = i + 1;
      }
    }
    return row;
  }

  std::string_view text_;
  LineIndex lines_;
  ReadResult& out_;
};

bool hasMarkupCharacters(std::string_view s) {
  return s.find_first_of("*_`[]<>&\\~") != std::string_view::npos;
}

void collectMarkup(TSNode node, uint32_t base, std::vector<ByteSpan>& out) {
  const char* type = ts_node_type(node);
  static const char* const kWhole[] = {"code_span", "uri_autolink", "email_autolink", "html_tag",
                                       "link_destination", "backslash_escape", "entity_reference",
                                       "numeric_character_reference"};
  for (const char* whole : kWhole) {
    if (!std::strcmp(type, whole)) {
      out.push_back({base + ts_node_start_byte(node), base + ts_node_end_byte(node)});
      return;
    }
  }
  if (!std::strcmp(type, "emphasis_delimiter") || !std::strcmp(type, "[") || !std::strcmp(type, "]") ||
      !std::strcmp(type, "(") || !std::strcmp(type, ")")) {
    if (!std::strcmp(type, "emphasis_delimiter") || !ts_node_is_named(node)) {
      TSNode parent = ts_node_parent(node);
      const char* parentType = ts_node_is_null(parent) ? "" : ts_node_type(parent);
      if (!std::strcmp(type, "emphasis_delimiter") || std::strstr(parentType, "link") != nullptr) {
        out.push_back({base + ts_node_start_byte(node), base + ts_node_end_byte(node)});
      }
    }
    return;
  }
  const uint32_t n = ts_node_child_count(node);
  for (uint32_t k = 0; k < n; ++k) collectMarkup(ts_node_child(node, k), base, out);
}

void addInlineMarkup(std::string_view text, Block& block) {
  std::string_view content = block.content.in(text);
  if (!hasMarkupCharacters(content)) return;
  TSParser* parser = ts::threadParser(tree_sitter_markdown_inline());
  ts::Tree tree(ts_parser_parse_string(parser, nullptr, content.data(), static_cast<uint32_t>(content.size())));
  if (!tree) return;
  collectMarkup(ts_tree_root_node(tree.get()), block.content.begin, block.markup);
}

}  // namespace

ReadResult readMarkdown(std::string_view text) {
  ReadResult result;
  TSParser* parser = ts::threadParser(tree_sitter_markdown());
  ts::Tree tree(ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
  if (!tree) return result;
  MarkdownBlockWalker walker(text, result);
  walker.walk(ts_tree_root_node(tree.get()), false);
  for (Block& block : result.blocks) {
    if (block.kind == BlockKind::Paragraph || block.kind == BlockKind::Heading) addInlineMarkup(text, block);
  }
  return result;
}

}  // namespace gklint
