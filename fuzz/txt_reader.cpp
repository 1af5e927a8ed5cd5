// Fuzz target: the plain-text reader (table regions, fragments) and the structure built on it.
#include "engine/read/TextReader.h"
#include "engine/structure/StructureBuilder.h"
#include "engine/text/Source.h"
#include "engine/text/Utf8.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  std::string_view input = fuzz::asText(data, size);
  input = input.substr(0, utf8::validPrefixLength(input));  // readers take decoded text
  const Source source("fuzz.txt", std::string(input));
  ReadResult read = readText(source.text(), source.lines());
  const Document doc = buildDocument(source, DocumentFormat::Text, std::move(read), fuzz::builtinRules().outline);
  (void)doc;
  return 0;
}
