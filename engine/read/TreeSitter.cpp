#include "engine/read/TreeSitter.h"

#include <unordered_map>

namespace gklint::ts {

TSParser* threadParser(const TSLanguage* language) {
  thread_local std::unordered_map<const TSLanguage*, Parser> parsers;
  Parser& parser = parsers[language];
  if (!parser) {
    parser.reset(ts_parser_new());
    ts_parser_set_language(parser.get(), language);
  }
  return parser.get();
}

}  // namespace gklint::ts
