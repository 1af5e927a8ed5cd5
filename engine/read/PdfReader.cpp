#include "engine/read/PdfReader.h"

#include <utility>

#include "engine/read/PdfLayout.h"
#include "engine/read/PdfStreamGuard.h"
#include "engine/read/PdfTextLayer.h"
#include "engine/read/ReaderBackend.h"

namespace gklint {
namespace {

std::string sizeText(size_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

bool looksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace

PdfReadResult readPdf(std::string_view bytes, const PdfLimits& limits) {
  PdfReadResult result;
  if (!looksLikePdf(bytes)) {
    result.error = "not a PDF file: it does not start with %PDF-; check the file, or give a .txt/.md report its own extension";
    return result;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    result.error = "PDF file too large (over 2 GB): not a report";
    return result;
  }
  if (auto bomb = findDecompressionBomb(bytes, limits.maxInflatedBytes)) {
    result.error = "PDF stream at byte offset " + std::to_string(bomb->offset) + " inflates past " + sizeText(limits.maxInflatedBytes) +
                   " of page content, far more than a report holds (a decompression bomb or a damaged file); "
                   "export the report to .txt and check that";
    return result;
  }
  std::string backendError;
  const auto readTextLayer = reinterpret_cast<ReadPdfTextLayer>(readerBackendEntry(kPdfBackendModule, kPdfBackendEntry, backendError));
  if (!readTextLayer) {
    result.error = "cannot read PDF files: " + backendError;
    return result;
  }
  PdfTextLayer layer;
  readTextLayer(bytes, limits, layer);
  result.pages = static_cast<uint32_t>(layer.pages.size());
  if (!layer.error.empty()) {
    result.error = std::move(layer.error);
    result.errorPage = layer.errorPage;
    return result;
  }
  size_t words = 0;
  for (const PdfPage& page : layer.pages) words += page.words.size();
  if (words == 0) {
    result.error = "no text layer: run OCR first (the PDF's " + std::to_string(result.pages) +
                   (result.pages == 1 ? " page holds" : " pages hold") + " only images, as a scan does)";
    return result;
  }
  PdfText text = layoutPdfPages(layer.pages);
  result.text = std::move(text.text);
  result.origin = std::move(text.origin);
  return result;
}

}  // namespace gklint
