#include "engine/rules/RuleInfo.h"

#include <algorithm>

namespace gklint {

bool Applicability::matches(const Document& doc) const {
  if (!templates.empty() && std::find(templates.begin(), templates.end(), doc.templateId) == templates.end()) {
    return false;
  }
  if (minYear > 0 && (doc.year == 0 || doc.year < minYear)) return false;
  if (maxYear > 0 && (doc.year == 0 || doc.year > maxYear)) return false;
  if (!formats.empty() && std::find(formats.begin(), formats.end(), doc.format) == formats.end()) return false;
  if (organ && doc.organKind != *organ) return false;
  return true;
}

}  // namespace gklint
