// TreeSitter: RAII ownership of tree-sitter parsers and trees, and the grammars gklint links.
#pragma once

#include <tree_sitter/api.h>

#include <memory>

extern "C" {
const TSLanguage* tree_sitter_markdown(void);
const TSLanguage* tree_sitter_markdown_inline(void);
}

namespace gklint::ts {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Parser = std::unique_ptr<TSParser, ParserDeleter>;
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// A parser for `language`, reused by the calling thread (tree-sitter parsers are not
// thread-safe; each thread gets its own). Owned by the thread; never null.
TSParser* threadParser(const TSLanguage* language);

}  // namespace gklint::ts
