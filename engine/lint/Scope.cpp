#include "engine/lint/Scope.h"

namespace gklint {

bool Scope::parse(std::string_view spec, Scope& out, std::string& error) {
  out = Scope();
  if (spec == "document") out.kind_ = Kind::Document;
  else if (spec == "preamble") out.kind_ = Kind::Preamble;
  else if (spec == "title") out.kind_ = Kind::Title;
  else if (spec.substr(0, 8) == "section:" && spec.size() > 8) {
    out.kind_ = Kind::Section;
    out.sectionKey_ = std::string(spec.substr(8));
  } else {
    error = "unknown scope '" + std::string(spec) + "' (use document, preamble, title or section:<key>)";
    return false;
  }
  return true;
}

std::string Scope::spec() const {
  switch (kind_) {
    case Kind::Document: return "document";
    case Kind::Preamble: return "preamble";
    case Kind::Title: return "title";
    case Kind::Section: return "section:" + sectionKey_;
  }
  return "document";
}

bool Scope::presentIn(const Document& doc) const {
  switch (kind_) {
    case Kind::Document:
    case Kind::Preamble: return true;
    case Kind::Title: return doc.title.has_value();
    case Kind::Section: return doc.section(sectionKey_) != nullptr;
  }
  return false;
}

std::vector<std::pair<size_t, size_t>> Scope::blockRanges(const Document& doc) const {
  switch (kind_) {
    case Kind::Document: return {{0, doc.blocks.size()}};
    case Kind::Preamble: return {{doc.titleBlockEnd.value_or(0), doc.preambleEnd()}};
    case Kind::Title: return doc.titleBlockEnd ? std::vector<std::pair<size_t, size_t>>{{0, *doc.titleBlockEnd}}
                                               : std::vector<std::pair<size_t, size_t>>{};
    case Kind::Section: {
      std::vector<std::pair<size_t, size_t>> ranges;
      for (const Section& s : doc.sections) {
        if (s.key == sectionKey_) ranges.push_back({doc.headings[s.heading].block, s.endBlock});
      }
      return ranges;
    }
  }
  return {};
}

ByteSpan documentAnchor(const Document& doc) {
  if (doc.title) return doc.title->span;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading) return b.content;
  }
  return {0, 0};
}

ByteSpan Scope::anchor(const Document& doc) const {
  if (kind_ == Kind::Section) {
    if (const Section* s = doc.section(sectionKey_)) return doc.headings[s->heading].line;
  }
  return documentAnchor(doc);
}

}  // namespace gklint
