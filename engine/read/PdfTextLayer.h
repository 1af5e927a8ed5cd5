// PdfTextLayer: what the PDF backend module (libgklint-poppler.so, engine/backends/) reads from a
// file — each page's size and words — and the one entry point PdfReader calls in it. The module
// is built with the engine, by the same compiler, so C++ types cross the boundary as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/read/PdfLayout.h"
#include "engine/read/PdfReader.h"

namespace gklint {

struct PdfTextLayer {
  std::vector<PdfPage> pages;  // every page, in order, with the words poppler found on it
  std::string error;           // empty on success: what is wrong and what to do
  uint32_t errorPage = 0;      // 1-based page the error is about, 0: the whole file
};

// The module and the symbol PdfReader resolves in it. The symbol's name carries the interface's
// version: a module from another build with another PdfTextLayer is refused, not misread.
inline constexpr const char* kPdfBackendModule = "libgklint-poppler.so";
inline constexpr const char* kPdfBackendEntry = "gklint_read_pdf_text_layer_v1";

// Reads the text layer of `bytes` (already past PdfReader's own checks: a %PDF- header, the
// size, the stream guard), within `limits`. Thread-safe for distinct calls.
using ReadPdfTextLayer = void (*)(std::string_view bytes, const PdfLimits& limits, PdfTextLayer& out);

}  // namespace gklint
