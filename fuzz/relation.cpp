// Fuzz target: the relation expression parser (arith rules' `relation:`), and the check of its
// keys against every built-in table template.
#include <cstdlib>

#include "engine/tables/Relation.h"
#include "engine/text/Utf8.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  const std::string_view text = fuzz::asText(data, size);
  std::string error;
  size_t offset = 0;
  const std::optional<RelationExpr> expr = parseRelation(text, error, offset);
  if (!expr) {
    if (error.empty()) std::abort();  // a refusal always says what is wrong
    return 0;
  }
  for (const TableTemplate& t : fuzz::builtinRules().templates.templates) {
    for (RelationAxis axis : {RelationAxis::PerColumn, RelationAxis::PerRow, RelationAxis::Once}) {
      (void)unknownKeys(*expr, axis, t);
    }
  }
  return 0;
}
