#include "engine/rules/RuleInfo.h"

#include <algorithm>

namespace gklint {

bool Applicability::matches(const Document& doc) const {
  // Reports of 2018 and before follow the old 条例 (2007) and its different structure: only
  // rules written for old-2007 look at them.
  if (doc.templateId == TemplateId::Old2007 &&
      std::find(templates.begin(), templates.end(), TemplateId::Old2007) == templates.end()) {
    return false;
  }
  if (!templates.empty() && std::find(templates.begin(), templates.end(), doc.templateId) == templates.end()) {
    return false;
  }
  if (minYear > 0 && (doc.year == 0 || doc.year < minYear)) return false;
  if (maxYear > 0 && (doc.year == 0 || doc.year > maxYear)) return false;
  // Exactly the formats listed: `format: [txt]` is the .txt file, not the text a reader built from
  // a page, a Word document or a PDF (rules/gov/text.yaml lists those where they apply).
  if (!formats.empty() && std::find(formats.begin(), formats.end(), doc.format) == formats.end()) return false;
  if (organ) {
    const bool government = doc.organKind == OrganKind::Government || doc.organKind == OrganKind::Township;
    if (*organ == OrganKind::Government ? !government : doc.organKind != *organ) return false;
  }
  return true;
}

}  // namespace gklint
