// PdfReader: reads a PDF report's text layer (poppler) into linted text with page/line origins.
//
// Each page's words and their boxes come from poppler's text layer (page::text_list); PdfLayout
// turns them into paragraphs and tab-separated table rows, drops page furniture and records an
// OriginMap place (Kind::PageLine) for every piece. What cannot be read comes back as an error
// a person can act on: a scan without text, an encrypted file, a damaged file (with what poppler
// said and where), a file past the limits below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/text/Origin.h"

namespace gklint {

// Limits that keep a hostile file from taking unbounded time or memory. poppler parses a page in
// one call that cannot be interrupted: the limits are checked between pages, so one page can
// still take as long as poppler needs for it (its own limits apply there: it caps object
// nesting and stops a stream at its declared end).
struct PdfLimits {
  uint32_t maxPages = 2000;                     // a report has tens of pages
  // Page contents inflated, all together, checked before poppler sees the file (PdfStreamGuard):
  // a 100-page report has a few megabytes; poppler takes about 3 s and 0.5 GB for 16 MB of text
  // operators, so more is refused.
  size_t maxInflatedBytes = 16u * 1024 * 1024;
  size_t maxTextBytes = 16u * 1024 * 1024;      // all pages' text together
  size_t maxPageTextBytes = 2u * 1024 * 1024;   // one page's text
  double maxSeconds = 20;                       // all pages together, checked after each page
};

struct PdfReadResult {
  std::string text;                      // the linted text (UTF-8)
  std::shared_ptr<OriginMap> origin;     // where each piece of it is in the PDF
  uint32_t pages = 0;
  std::string error;                     // empty on success: what is wrong and what to do
  uint32_t errorPage = 0;                // 1-based page the error is about, 0: the whole file

  bool ok() const { return error.empty(); }
};

// Reads `bytes` (a whole PDF file). Never throws; thread-safe for distinct calls.
PdfReadResult readPdf(std::string_view bytes, const PdfLimits& limits = {});

}  // namespace gklint
