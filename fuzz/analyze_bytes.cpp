// Fuzz target: analyzeBytes end to end — decode, read (text and Markdown), structure, tables,
// every built-in rule, fixes applied to the result.
#include "engine/Analyzer.h"
#include "engine/lint/FixApplier.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  const std::string_view bytes = fuzz::asText(data, size);
  const RuleSet& rules = fuzz::builtinRules();
  for (DocumentFormat format : {DocumentFormat::Text, DocumentFormat::Markdown}) {
    Analysis a = analyzeBytes(format == DocumentFormat::Text ? "fuzz.txt" : "fuzz.md", bytes, format, rules);
    if (!a.ok()) continue;
    for (const Finding& f : a.findings) {
      (void)a.source->position(f.span.begin, ColumnUnit::CodePoints);
      (void)a.source->position(f.span.end, ColumnUnit::Utf16);
    }
    (void)applyFixes(std::string(a.source->text()), a.findings);
  }
  return 0;
}
