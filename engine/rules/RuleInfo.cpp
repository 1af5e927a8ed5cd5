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
  // A page, a Word document or a PDF is linted as the plain text its reader built: `format: [txt]`
  // rules see it (visible "&nbsp;" or "**一是**" on a published page is the same residue).
  const bool textLike = doc.format == DocumentFormat::Html || doc.format == DocumentFormat::Docx ||
                        doc.format == DocumentFormat::Pdf;
  const DocumentFormat format = textLike ? DocumentFormat::Text : doc.format;
  if (!formats.empty() && std::find(formats.begin(), formats.end(), format) == formats.end()) return false;
  if (organ) {
    const bool government = doc.organKind == OrganKind::Government || doc.organKind == OrganKind::Township;
    if (*organ == OrganKind::Government ? !government : doc.organKind != *organ) return false;
  }
  return true;
}

}  // namespace gklint
