// Fuzz target: an HTML page: charset, nesting guard, gumbo, the body choice, chrome, tables, and every rule on the text it builds; every finding placed in the original file through its OriginMap.
#include "engine/Analyzer.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  const Analysis a = analyzeBytes("fuzz.html", fuzz::asText(data, size), DocumentFormat::Html, fuzz::builtinRules());
  if (!a.ok()) return 0;
  const OriginMap* origin = a.source->origin();
  for (const Finding& f : a.findings) {
    (void)a.source->position(f.span.begin, ColumnUnit::CodePoints);
    if (origin) (void)origin->placeOf(a.source->text(), f.span.end);
  }
  return 0;
}
