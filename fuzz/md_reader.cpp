// Fuzz target: the Markdown reader — the hazard guard, tree-sitter, the plain pipe-table scan,
// both readings (with and without the direct table scan).
#include "engine/read/MarkdownGuard.h"
#include "engine/read/MarkdownReader.h"
#include "engine/text/Utf8.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  std::string_view input = fuzz::asText(data, size);
  input = input.substr(0, utf8::validPrefixLength(input));
  if (findMarkdownHazard(input)) return 0;  // refused before parsing, as analyzeBytes does
  (void)readMarkdown(input);
  MarkdownReadOptions parserOnly;
  parserOnly.readPlainTablesDirectly = false;
  (void)readMarkdown(input, parserOnly);
  return 0;
}
