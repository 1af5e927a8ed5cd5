// Tests for engine/read/ReaderBackend: the PDF and .docx backends load on first use, and a module
// that cannot be found or is from another build is an error a person can act on.
#include <catch2/catch.hpp>

#include <string>

#include "engine/read/PdfTextLayer.h"
#include "engine/read/ReaderBackend.h"
#include "engine/read/ZipArchive.h"

using namespace gklint;

TEST_CASE("reader backends: the PDF and zip modules of this build load and give their entry points", "[backend]") {
  std::string error;
  CHECK(readerBackendEntry(kPdfBackendModule, kPdfBackendEntry, error) != nullptr);
  CHECK(readerBackendEntry(kZipBackendModule, kZipBackendEntry, error) != nullptr);
  CHECK(error.empty());
  // Loaded once: the same address every time.
  CHECK(readerBackendEntry(kPdfBackendModule, kPdfBackendEntry, error) ==
        readerBackendEntry(kPdfBackendModule, kPdfBackendEntry, error));
}

TEST_CASE("reader backends: a missing module says where it was looked for and what to do", "[backend]") {
  std::string error;
  CHECK(readerBackendEntry("libgklint-no-such-backend.so", "entry", error) == nullptr);
  CHECK(error.rfind("gklint's module libgklint-no-such-backend.so could not be loaded (not found in ", 0) == 0);
  CHECK(error.find(GKLINT_BACKEND_DIR_FOR_TESTS) != std::string::npos);
  CHECK(error.find("); rebuild gklint (scripts/build.sh) or keep libgklint-no-such-backend.so beside the gklint executable") !=
        std::string::npos);
}

TEST_CASE("reader backends: a module without the expected entry point is from another build", "[backend]") {
  std::string error;
  CHECK(readerBackendEntry(kPdfBackendModule, "gklint_read_pdf_text_layer_v0", error) == nullptr);
  CHECK(error == "gklint's module libgklint-poppler.so has no gklint_read_pdf_text_layer_v0: it is from another gklint "
                 "build; rebuild gklint");
}
