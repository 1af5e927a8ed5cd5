// Finding: one defect found by one rule, with byte spans, related spans and an optional fix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/ByteSpan.h"
#include "engine/rules/Severity.h"

namespace gklint {

// Replace the bytes of `span` with `replacement` (an empty span inserts).
struct TextEdit {
  ByteSpan span;
  std::string replacement;
};

// A fix is offered only where one replacement is right; its edits never overlap. A fix that
// is not `safe` (e.g. inserting a missing section heading, which leaves the drafter to write
// the section) is offered in the editor but never applied by `gklint check --fix`.
struct Fix {
  std::string title;  // e.g. "改为“一、”"
  std::vector<TextEdit> edits;
  bool safe = true;
};

struct RelatedSpan {
  ByteSpan span;
  std::string message;
};

struct Finding {
  std::string ruleId;
  Severity severity = Severity::Warning;
  std::string message;
  ByteSpan span;
  std::vector<RelatedSpan> related;
  std::optional<Fix> fix;
};

}  // namespace gklint
