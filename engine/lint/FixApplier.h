// FixApplier: applies the fixes of findings to a text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/lint/Finding.h"

namespace gklint {

struct FixResult {
  std::string text;     // the text with every applied edit
  size_t applied = 0;   // findings whose fix was applied
  size_t skipped = 0;   // fixes left out because they overlap an earlier one
};

enum class FixSelection { SafeOnly, All };

// Applies each finding's fix (only Fix::safe ones with SafeOnly), in text order; a fix whose
// edits overlap an already applied edit is skipped (run again to apply it against the new
// text). Pure.
FixResult applyFixes(std::string_view text, const std::vector<Finding>& findings,
                     FixSelection selection = FixSelection::SafeOnly);

}  // namespace gklint
