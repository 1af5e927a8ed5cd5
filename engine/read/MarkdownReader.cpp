#include "engine/read/MarkdownReader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "engine/read/PipeTableScan.h"
#include "engine/read/TreeSitter.h"
#include "engine/text/Trim.h"

// NOTE: the block parse is most of the cost of reading Markdown (pipe tables especially:
// tree-sitter spends about 0.5 µs per cell), so everything here stays a small, linear
// addition to it (bench/README.md has the figures): node types are looked up by symbol in
// tables built once per grammar instead of comparing type names at every node, trees are
// walked with a TSTreeCursor (ts_node_child(i) and ts_node_named_child(i) walk again from the
// first child at every call), and lines are found by scanning the text around a span rather
// than by indexing every line of the report.

namespace gklint {
namespace {

ByteSpan nodeSpan(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

// --- node types, by symbol -----------------------------------------------------------------

enum class BlockNode : uint8_t {
  Other,         // descended into (document, section, list, list_item, …)
  AtxHeading,
  SetextHeading,
  Paragraph,
  PipeTable,
  Code,          // fenced_code_block, indented_code_block
  HtmlBlock,
  Ignored,       // metadata, thematic breaks, link reference definitions
  BlockQuote,
  Inline,        // an ATX heading's content
  SetextH2Underline,
  PipeTableRow,  // pipe_table_header, pipe_table_row (not the delimiter row)
};

struct BlockSymbol {
  BlockNode kind = BlockNode::Other;
  int atxMarkerLevel = 0;  // for atx_h1_marker … atx_h6_marker: 1 … 6
};

BlockSymbol classifyBlock(const char* type) {
  BlockSymbol s;
  if (!std::strncmp(type, "atx_h", 5) && std::strstr(type, "_marker")) s.atxMarkerLevel = type[5] - '0';
  static const struct {
    const char* name;
    BlockNode kind;
  } kNames[] = {
      {"atx_heading", BlockNode::AtxHeading},
      {"setext_heading", BlockNode::SetextHeading},
      {"paragraph", BlockNode::Paragraph},
      {"pipe_table", BlockNode::PipeTable},
      {"fenced_code_block", BlockNode::Code},
      {"indented_code_block", BlockNode::Code},
      {"html_block", BlockNode::HtmlBlock},
      {"minus_metadata", BlockNode::Ignored},
      {"plus_metadata", BlockNode::Ignored},
      {"thematic_break", BlockNode::Ignored},
      {"link_reference_definition", BlockNode::Ignored},
      {"block_quote", BlockNode::BlockQuote},
      {"inline", BlockNode::Inline},
      {"setext_h2_underline", BlockNode::SetextH2Underline},
      {"pipe_table_header", BlockNode::PipeTableRow},
      {"pipe_table_row", BlockNode::PipeTableRow},
  };
  for (const auto& n : kNames) {
    if (!std::strcmp(type, n.name)) s.kind = n.kind;
  }
  return s;
}

enum class InlineNode : uint8_t {
  Other,              // descended into
  Whole,              // code spans, autolinks, HTML tags, link destinations, escapes, references
  EmphasisDelimiter,
  Bracket,            // "[", "]", "(", ")": markup when anonymous and inside a link
};

struct InlineSymbol {
  InlineNode kind = InlineNode::Other;
  bool nameHasLink = false;  // the type name contains "link" (inline_link, image's link parts, …)
};

InlineSymbol classifyInline(const char* type) {
  InlineSymbol s;
  s.nameHasLink = std::strstr(type, "link") != nullptr;
  static const char* const kWhole[] = {"code_span", "uri_autolink", "email_autolink", "html_tag",
                                       "link_destination", "backslash_escape", "entity_reference",
                                       "numeric_character_reference"};
  for (const char* whole : kWhole) {
    if (!std::strcmp(type, whole)) s.kind = InlineNode::Whole;
  }
  if (!std::strcmp(type, "emphasis_delimiter")) s.kind = InlineNode::EmphasisDelimiter;
  if (!std::strcmp(type, "[") || !std::strcmp(type, "]") || !std::strcmp(type, "(") || !std::strcmp(type, ")")) {
    s.kind = InlineNode::Bracket;
  }
  return s;
}

// Per-symbol facts of one grammar, computed once from the symbol names (the names are what
// ts_node_type returns; ts_node_symbol gives the public symbol, which has the same name).
// Symbols outside the table (ERROR) are `T{}`.
template <typename T>
class SymbolTable {
 public:
  SymbolTable(const TSLanguage* language, T (*classify)(const char*)) {
    const uint32_t count = ts_language_symbol_count(language);
    table_.resize(count);
    for (uint32_t s = 0; s < count; ++s) {
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(s));
      table_[s] = classify(name ? name : "");
    }
  }
  const T& operator[](TSNode node) const {
    const TSSymbol s = ts_node_symbol(node);
    return s < table_.size() ? table_[s] : none_;
  }

 private:
  std::vector<T> table_;
  T none_{};
};

const SymbolTable<BlockSymbol>& blockSymbols() {
  static const SymbolTable<BlockSymbol> table(tree_sitter_markdown(), classifyBlock);
  return table;
}

const SymbolTable<InlineSymbol>& inlineSymbols() {
  static const SymbolTable<InlineSymbol> table(tree_sitter_markdown_inline(), classifyInline);
  return table;
}

// RAII for a cursor on the stack.
class Cursor {
 public:
  explicit Cursor(TSNode node) : cursor_(ts_tree_cursor_new(node)) {}
  ~Cursor() { ts_tree_cursor_delete(&cursor_); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  TSNode node() const { return ts_tree_cursor_current_node(&cursor_); }
  bool firstChild() { return ts_tree_cursor_goto_first_child(&cursor_); }
  bool nextSibling() { return ts_tree_cursor_goto_next_sibling(&cursor_); }
  bool parent() { return ts_tree_cursor_goto_parent(&cursor_); }

 private:
  TSTreeCursor cursor_;
};

// --- lines -----------------------------------------------------------------------------------
// Line breaks are "\n", "\r\n" and a lone "\r", as in LineIndex; an offset inside a
// terminator belongs to the line it ends.

bool isLineStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char c = text[pos - 1];
  return c == '\n' || (c == '\r' && (pos >= text.size() || text[pos] != '\n'));
}

// Start of the line holding byte `offset`.
uint32_t lineStartOf(std::string_view text, uint32_t offset) {
  size_t pos = offset;
  while (!isLineStart(text, pos)) --pos;
  return static_cast<uint32_t>(pos);
}

// End of the line that starts at `start` (its terminator's offset, or the end of the text).
uint32_t lineEndFrom(std::string_view text, uint32_t start) {
  size_t pos = start;
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return static_cast<uint32_t>(pos);
}

// Start of the line after the one ending at `end` (which must be a terminator).
uint32_t nextLineStart(std::string_view text, uint32_t end) {
  return end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
}

// --- blocks ----------------------------------------------------------------------------------

class MarkdownBlockWalker {
 public:
  MarkdownBlockWalker(std::string_view text, ReadResult& out) : text_(text), out_(out) {}

  // A table found by findPlainPipeTables, read as addTable reads the parser's pipe_table.
  void addPlainTable(const PlainPipeTable& plain) {
    RawTable table;
    table.layout = TableLayout::Pipe;
    table.span = trimSpan(text_, plain.region);
    table.rows.reserve(plain.rows.size());
    for (const ByteSpan& row : plain.rows) table.rows.push_back(splitPipeRow(trimSpan(text_, row)));
    Block block;
    block.kind = BlockKind::Table;
    block.span = table.span;
    block.content = table.span;
    block.tableIndex = out_.tables.size();
    out_.tables.push_back(std::move(table));
    out_.blocks.push_back(block);
  }

  void walk(Cursor& cursor, bool inQuote) {
    const TSNode node = cursor.node();
    const BlockSymbol& symbol = symbols_[node];
    switch (symbol.kind) {
      case BlockNode::AtxHeading:
        return addAtxHeading(cursor, node);
      case BlockNode::SetextHeading:
        return addSetextHeading(cursor);
      case BlockNode::Paragraph:
        return addLines(nodeSpan(node), inQuote, BlockKind::Paragraph, 0);
      case BlockNode::PipeTable:
        return addTable(cursor, node);
      case BlockNode::Code:
        return addWhole(node, BlockKind::Code);
      case BlockNode::HtmlBlock: {
        ByteSpan s = trimSpan(text_, nodeSpan(node));
        return addWhole(node, s.in(text_).substr(0, 4) == "<!--" ? BlockKind::Comment : BlockKind::Code);
      }
      case BlockNode::Ignored:
        return;
      default:
        break;
    }
    const bool quote = inQuote || symbol.kind == BlockNode::BlockQuote;
    if (!cursor.firstChild()) return;
    do {
      if (ts_node_is_named(cursor.node())) walk(cursor, quote);
    } while (cursor.nextSibling());
    cursor.parent();
  }

 private:
  // Whole source lines overlapping `span`, one block each; `content` trimmed, quote markers dropped.
  void addLines(ByteSpan span, bool inQuote, BlockKind kind, int level) {
    // A paragraph node can end in the indentation of the next line (a list item's paragraph
    // followed by a nested list): that line belongs to the next block, not to this one.
    span = trimSpan(text_, span);
    if (span.empty()) return;
    const uint32_t last = span.end - 1;  // the last line is the one holding this byte
    for (uint32_t start = lineStartOf(text_, span.begin); start <= last;) {
      const uint32_t end = lineEndFrom(text_, start);
      const ByteSpan trimmed = trimSpan(text_, {start, end});
      ByteSpan content = trimmed;
      if (inQuote) {
        while (!content.empty() && text_[content.begin] == '>') {
          content = trimLeft(text_, {content.begin + 1, content.end});
        }
      }
      if (!content.empty()) {
        Block block;
        block.kind = kind;
        block.span = trimmed;
        block.content = content;
        block.markdownLevel = level;
        out_.blocks.push_back(std::move(block));
      }
      if (end >= text_.size()) break;
      start = nextLineStart(text_, end);
    }
  }

  void addWhole(TSNode node, BlockKind kind) {
    Block block;
    block.kind = kind;
    block.span = trimSpan(text_, nodeSpan(node));
    block.content = block.span;
    out_.blocks.push_back(block);
  }

  void addAtxHeading(Cursor& cursor, TSNode node) {
    int level = 1;
    ByteSpan content{};
    if (cursor.firstChild()) {
      do {
        const TSNode child = cursor.node();
        const BlockSymbol& symbol = symbols_[child];
        if (symbol.atxMarkerLevel != 0) level = symbol.atxMarkerLevel;
        if (symbol.kind == BlockNode::Inline) content = trimSpan(text_, nodeSpan(child));
      } while (cursor.nextSibling());
      cursor.parent();
    }
    Block block;
    block.kind = BlockKind::Heading;
    block.span = trimSpan(text_, nodeSpan(node));
    block.content = content.empty() ? ByteSpan{block.span.end, block.span.end} : content;
    block.markdownLevel = level;
    out_.blocks.push_back(block);
  }

  void addSetextHeading(Cursor& cursor) {
    int level = 1;
    ByteSpan content{};
    if (cursor.firstChild()) {
      do {
        const TSNode child = cursor.node();
        const BlockNode kind = symbols_[child].kind;
        if (kind == BlockNode::SetextH2Underline) level = 2;
        if (kind == BlockNode::Paragraph) content = trimSpan(text_, nodeSpan(child));
      } while (cursor.nextSibling());
      cursor.parent();
    }
    // A multi-line setext heading: earlier lines are prose, the last one is the heading.
    if (content.empty()) return;
    const uint32_t lastStart = lineStartOf(text_, content.end - 1);
    if (lastStart > content.begin) addLines({content.begin, lastStart}, false, BlockKind::Paragraph, 0);
    Block block;
    block.kind = BlockKind::Heading;
    block.content = trimSpan(text_, {std::max(lastStart, content.begin), content.end});
    block.span = block.content;
    block.markdownLevel = level;
    out_.blocks.push_back(block);
  }

  void addTable(Cursor& cursor, TSNode node) {
    RawTable table;
    table.layout = TableLayout::Pipe;
    table.span = trimSpan(text_, nodeSpan(node));
    table.rows.reserve(ts_node_named_child_count(node));
    if (cursor.firstChild()) {
      do {
        const TSNode row = cursor.node();
        if (!ts_node_is_named(row) || symbols_[row].kind != BlockNode::PipeTableRow) continue;
        table.rows.push_back(splitPipeRow(trimSpan(text_, nodeSpan(row))));
      } while (cursor.nextSibling());
      cursor.parent();
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
    auto isSeparator = [&](uint32_t i) { return text_[i] == '|' && !(i > begin && text_[i - 1] == '\\'); };
    size_t cells = 1;
    for (uint32_t i = begin; i < end; ++i) cells += isSeparator(i);
    row.cells.reserve(cells);
    uint32_t cellStart = begin;
    for (uint32_t i = begin; i <= end; ++i) {
      if (i == end || isSeparator(i)) {
        row.cells.push_back({trimSpan(text_, {cellStart, i})});
        cellStart = i + 1;
      }
    }
    return row;
  }

  std::string_view text_;
  ReadResult& out_;
  const SymbolTable<BlockSymbol>& symbols_ = blockSymbols();
};

// --- inline markup ---------------------------------------------------------------------------

bool hasMarkupCharacters(std::string_view s) {
  static constexpr std::array<bool, 256> kMarkup = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("*_`[]<>&\\~")) t[c] = true;
    return t;
  }();
  for (char c : s) {
    if (kMarkup[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

// Pre-order over the inline tree.
void collectMarkup(Cursor& cursor, const SymbolTable<InlineSymbol>& symbols, uint32_t base, std::vector<ByteSpan>& out) {
  const TSNode node = cursor.node();
  const InlineSymbol& symbol = symbols[node];
  switch (symbol.kind) {
    case InlineNode::Whole:
    case InlineNode::EmphasisDelimiter:
      out.push_back({base + ts_node_start_byte(node), base + ts_node_end_byte(node)});
      return;
    case InlineNode::Bracket:
      // NOTE: ts_node_parent, not the cursor's parent: for the zero-width brackets that error
      // recovery inserts at the end of a line they differ, and the markup must not change.
      // Brackets are few, so its walk from the root costs little.
      if (!ts_node_is_named(node)) {
        const TSNode parent = ts_node_parent(node);
        if (!ts_node_is_null(parent) && symbols[parent].nameHasLink) {
          out.push_back({base + ts_node_start_byte(node), base + ts_node_end_byte(node)});
        }
      }
      return;
    case InlineNode::Other:
      break;
  }
  if (!cursor.firstChild()) return;
  do {
    collectMarkup(cursor, symbols, base, out);
  } while (cursor.nextSibling());
  cursor.parent();
}

void addInlineMarkup(std::string_view text, Block& block) {
  std::string_view content = block.content.in(text);
  if (!hasMarkupCharacters(content)) return;
  TSParser* parser = ts::threadParser(tree_sitter_markdown_inline());
  ts::Tree tree(ts_parser_parse_string(parser, nullptr, content.data(), static_cast<uint32_t>(content.size())));
  if (!tree) return;
  Cursor cursor(ts_tree_root_node(tree.get()));
  collectMarkup(cursor, inlineSymbols(), block.content.begin, block.markup);
}

// The parser's ranges: the text minus the plain tables (each range starts at a line start).
std::vector<TSRange> rangesAround(std::string_view text, const std::vector<PlainPipeTable>& tables) {
  std::vector<TSRange> ranges;
  uint32_t row = 0;
  uint32_t counted = 0;  // newlines counted up to here
  auto pointAt = [&](uint32_t offset) {
    for (; counted < offset; ++counted) row += text[counted] == '\n';
    return TSPoint{row, 0};
  };
  uint32_t from = 0;
  for (const PlainPipeTable& t : tables) {
    if (t.region.begin > from) ranges.push_back({pointAt(from), pointAt(t.region.begin), from, t.region.begin});
    from = t.region.end;
  }
  const auto end = static_cast<uint32_t>(text.size());
  if (end > from) {
    TSPoint start = pointAt(from);
    TSPoint stop = pointAt(end);
    stop.column = end - lineStartOf(text, end);  // the last line may not end with a break
    ranges.push_back({start, stop, from, end});
  }
  return ranges;
}

// Blocks in document order, and tables numbered in that order.
void sortBlocks(ReadResult& result) {
  std::stable_sort(result.blocks.begin(), result.blocks.end(),
                   [](const Block& a, const Block& b) { return a.span.begin < b.span.begin; });
  std::vector<RawTable> tables;
  tables.reserve(result.tables.size());
  for (Block& block : result.blocks) {
    if (block.kind != BlockKind::Table) continue;
    tables.push_back(std::move(result.tables[block.tableIndex]));
    block.tableIndex = tables.size() - 1;
  }
  result.tables = std::move(tables);
}

}  // namespace

ReadResult readMarkdown(std::string_view text, const MarkdownReadOptions& options) {
  ReadResult result;
  std::vector<PlainPipeTable> plain = options.readPlainTablesDirectly ? findPlainPipeTables(text)
                                                                      : std::vector<PlainPipeTable>{};
  const std::vector<TSRange> ranges = rangesAround(text, plain);
  TSParser* parser = ts::threadParser(tree_sitter_markdown());
  // Ranges tree-sitter refuses (it never should) mean: parse everything, read no table directly.
  if (!plain.empty() && !ranges.empty() &&
      !ts_parser_set_included_ranges(parser, ranges.data(), static_cast<uint32_t>(ranges.size()))) {
    plain.clear();
  }
  ts::Tree tree;
  if (plain.empty() || !ranges.empty()) {
    tree.reset(ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
    if (!plain.empty()) ts_parser_set_included_ranges(parser, nullptr, 0);  // the parser is reused for whole texts
    if (!tree) return result;
  }
  {
    MarkdownBlockWalker walker(text, result);
    if (tree) {
      Cursor cursor(ts_tree_root_node(tree.get()));
      walker.walk(cursor, false);
    }
    for (const PlainPipeTable& t : plain) walker.addPlainTable(t);
  }
  tree.reset();  // the block tree is large; free it before the inline parses allocate theirs
  if (!plain.empty()) sortBlocks(result);
  for (Block& block : result.blocks) {
    if (block.kind == BlockKind::Paragraph || block.kind == BlockKind::Heading) addInlineMarkup(text, block);
  }
  return result;
}

}  // namespace gklint
