// MarkdownReader: reads Markdown reports into blocks with tree-sitter-markdown.
#pragma once

#include <string_view>

#include "engine/read/ReadResult.h"

namespace gklint {

// The block grammar decides what is a heading, paragraph, pipe table, code or HTML comment;
// paragraphs (also inside lists and block quotes) become one Paragraph block per line, with
// list markers kept in the content so numbered headings such as "1、" stay recognisable.
// Pipe tables become RawTables (delimiter row dropped, cells split at unescaped pipes).
// The inline grammar runs only on lines containing markup characters and records emphasis
// delimiters, code spans, autolinks, HTML tags and link destinations as Block::markup.
// Pipe tables whose extent is certain without the parser (PipeTableScan.h) are read directly
// and left out of the parse — the same blocks, in a fraction of the time; the option turns
// that off (tests compare both ways). Thread-safe (one parser per thread); never fails.
struct MarkdownReadOptions {
  bool readPlainTablesDirectly = true;
};
ReadResult readMarkdown(std::string_view text, const MarkdownReadOptions& options = {});

}  // namespace gklint
