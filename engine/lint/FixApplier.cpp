#include "engine/lint/FixApplier.h"

#include <algorithm>

namespace gklint {

FixResult applyFixes(std::string_view text, const std::vector<Finding>& findings, FixSelection selection) {
  std::vector<const Fix*> fixes;
  for (const Finding& f : findings) {
    if (!f.fix || f.fix->edits.empty()) continue;
    if (selection == FixSelection::SafeOnly && !f.fix->safe) continue;
    fixes.push_back(&*f.fix);
  }
  auto firstBegin = [](const Fix* fix) {
    uint32_t b = UINT32_MAX;
    for (const TextEdit& e : fix->edits) b = std::min(b, e.span.begin);
    return b;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const Fix* a, const Fix* b) { return firstBegin(a) < firstBegin(b); });

  FixResult result;
  std::vector<TextEdit> accepted;
  for (const Fix* fix : fixes) {
    bool clash = false;
    for (const TextEdit& e : fix->edits) {
      for (const TextEdit& a : accepted) {
        // Overlapping spans, or two insertions at one point, clash.
        if (e.span.overlaps(a.span) || (e.span.begin == a.span.begin && (e.span.empty() || a.span.empty())) ||
            (a.span.empty() && e.span.contains(a.span.begin)) || (e.span.empty() && a.span.contains(e.span.begin))) {
          clash = true;
        }
      }
    }
    if (clash) {
      ++result.skipped;
      continue;
    }
    accepted.insert(accepted.end(), fix->edits.begin(), fix->edits.end());
    ++result.applied;
  }
  std::sort(accepted.begin(), accepted.end(), [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
  size_t pos = 0;
  for (const TextEdit& e : accepted) {
    result.text.append(text.substr(pos, e.span.begin - pos));
    result.text.append(e.replacement);
    pos = e.span.end;
  }
  result.text.append(text.substr(pos));
  return result;
}

}  // namespace gklint
