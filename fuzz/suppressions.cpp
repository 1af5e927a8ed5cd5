// Fuzz target: suppression comments (gklint-disable…) in a Markdown report, applied to the
// findings of the built-in rules, with and without the findings cap.
#include "engine/Analyzer.h"
#include "engine/Linter.h"
#include "engine/lint/Suppressions.h"
#include "engine/read/MarkdownGuard.h"
#include "engine/text/Utf8.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  std::string_view input = fuzz::asText(data, size);
  input = input.substr(0, utf8::validPrefixLength(input));
  if (findMarkdownHazard(input)) return 0;
  const Source source("fuzz.md", std::string(input));
  const RuleSet& rules = fuzz::builtinRules();
  const Document doc = readDocument(source, DocumentFormat::Markdown, rules);
  (void)findSuppressions(doc);
  (void)lintDocument(doc, rules, nullptr, 3);
  (void)lintDocument(doc, rules, nullptr, 0);
  return 0;
}
