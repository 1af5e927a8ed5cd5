#include "engine/model/Document.h"

#include <algorithm>

namespace gklint {

std::string_view formatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::Text: return "txt";
    case DocumentFormat::Markdown: return "md";
    case DocumentFormat::Html: return "html";
    case DocumentFormat::Docx: return "docx";
    case DocumentFormat::Pdf: return "pdf";
  }
  return "txt";
}

std::string_view templateName(TemplateId id) {
  switch (id) {
    case TemplateId::Gov2021: return "gov-2021";
    case TemplateId::Trial2019: return "gov-2019";
    case TemplateId::Old2007: return "old-2007";
    case TemplateId::Unknown: return "unknown";
  }
  return "unknown";
}

bool parseOrganKind(std::string_view name, OrganKind& out) {
  if (name == "government") out = OrganKind::Government;
  else if (name == "township") out = OrganKind::Township;
  else if (name == "department") out = OrganKind::Department;
  else return false;
  return true;
}

TemplateId templateForYear(int year) {
  if (year <= 0) return TemplateId::Unknown;
  if (year <= 2018) return TemplateId::Old2007;
  if (year <= 2020) return TemplateId::Trial2019;
  return TemplateId::Gov2021;
}

const Section* Document::section(std::string_view key) const {
  for (const Section& s : sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const BoundTable* Document::boundTable(std::string_view table) const {
  for (const BoundTable& t : boundTables) {
    if (t.table == table) return &t;
  }
  return nullptr;
}

size_t Document::preambleEnd() const {
  if (sections.empty()) return blocks.size();
  size_t first = blocks.size();
  for (const Section& s : sections) first = std::min(first, headings[s.heading].block);
  return first;
}

}  // namespace gklint
