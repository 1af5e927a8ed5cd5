// The PDF backend module (libgklint-poppler.so): poppler's text layer, page by page, within the
// reader's limits. Loaded by PdfReader on the first .pdf (engine/read/ReaderBackend.h).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/read/PdfTextLayer.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

// poppler reports problems through one process-wide callback; each reading thread collects its own.
struct PopplerMessages {
  std::vector<std::string> messages;
};
thread_local PopplerMessages* tMessages = nullptr;

void collectPopplerMessage(const std::string& message, void*) {
  if (tMessages && tMessages->messages.size() < 20) tMessages->messages.push_back(message);
}

void installPopplerErrorHandler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(collectPopplerMessage, nullptr); });
}

// Sets the thread's collector for one read.
class MessageScope {
 public:
  MessageScope() {
    installPopplerErrorHandler();
    tMessages = &messages_;
  }
  ~MessageScope() { tMessages = nullptr; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;

  // What poppler said first, for "where it broke": "poppler/error (1234): Couldn't find trailer".
  std::string first() const { return messages_.messages.empty() ? std::string() : messages_.messages.front(); }

 private:
  PopplerMessages messages_;
};

std::string utf8Of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  // poppler yields valid UTF-8; a NUL or a broken sequence from a damaged font map would still
  // upset later stages, so keep only the valid prefix and drop control characters.
  out.resize(utf8::validPrefixLength(out));
  std::string clean;
  clean.reserve(out.size());
  for (char c : out) {
    if (static_cast<unsigned char>(c) >= 0x20) clean += c;
  }
  return clean;
}

std::string sizeText(size_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

std::string withPoppler(std::string what, const MessageScope& messages) {
  const std::string said = messages.first();
  if (!said.empty()) what += " (" + said + ")";
  return what;
}

void readTextLayer(std::string_view bytes, const PdfLimits& limits, PdfTextLayer& result) {
  MessageScope messages;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    result.error = withPoppler("damaged PDF: poppler could not open it", messages) +
                   "; re-export the report to PDF from its source document";
    return;
  }
  if (doc->is_locked()) {
    result.error = "encrypted PDF: it needs a password to open; save an unencrypted copy (or export the report to .txt) and check that";
    return;
  }
  const int pageCount = doc->pages();
  if (pageCount <= 0) {
    result.error = withPoppler("damaged PDF: no pages could be read", messages) +
                   "; re-export the report to PDF from its source document";
    return;
  }
  if (static_cast<uint32_t>(pageCount) > limits.maxPages) {
    result.error = "PDF has " + std::to_string(pageCount) + " pages, more than the " + std::to_string(limits.maxPages) +
                   " gklint reads: not a single report; split the file or export the report to .txt";
    return;
  }

  const auto start = std::chrono::steady_clock::now();
  result.pages.resize(static_cast<size_t>(pageCount));
  size_t totalText = 0;
  for (int p = 0; p < pageCount; ++p) {
    const uint32_t pageNumber = static_cast<uint32_t>(p + 1);
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) {
      result.error = withPoppler("damaged PDF: page " + std::to_string(pageNumber) + " could not be read", messages) +
                     "; re-export the report to PDF from its source document";
      result.errorPage = pageNumber;
      return;
    }
    const poppler::rectf box = page->page_rect();
    PdfPage& out = result.pages[static_cast<size_t>(p)];
    out.width = box.width();
    out.height = box.height();
    size_t pageText = 0;
    // Without text_list_include_font: font names and sizes cost a third of the reading time;
    // PdfLayout estimates the size from the boxes.
    for (poppler::text_box& word : page->text_list()) {
      PdfWord w;
      const poppler::rectf b = word.bbox();
      w.x0 = b.left();
      w.y0 = b.top();
      w.x1 = b.right();
      w.y1 = b.bottom();
      w.text = utf8Of(word.text());
      w.spaceAfter = word.has_space_after();
      pageText += w.text.size() + 1;
      if (!w.text.empty()) out.words.push_back(std::move(w));
    }
    totalText += pageText;
    if (pageText > limits.maxPageTextBytes || totalText > limits.maxTextBytes) {
      result.error = "PDF page " + std::to_string(pageNumber) + " holds more text than a report (over " +
                     sizeText(pageText > limits.maxPageTextBytes ? limits.maxPageTextBytes : limits.maxTextBytes) +
                     "): a damaged or hostile file; export the report to .txt and check that";
      result.errorPage = pageNumber;
      return;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > limits.maxSeconds) {
      result.error = "PDF took too long to read (over " + std::to_string(static_cast<int>(limits.maxSeconds)) +
                     " s by page " + std::to_string(pageNumber) + "): a damaged or hostile file; export the report to .txt and check that";
      result.errorPage = pageNumber;
      return;
    }
  }
}

}  // namespace
}  // namespace gklint

// The module's one entry point (kPdfBackendEntry); its type is gklint::ReadPdfTextLayer.
extern "C" __attribute__((visibility("default"))) void gklint_read_pdf_text_layer_v1(
    std::string_view bytes, const gklint::PdfLimits& limits, gklint::PdfTextLayer& out) {
  gklint::readTextLayer(bytes, limits, out);
}
