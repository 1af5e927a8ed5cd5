// PdfBench: reading a PDF report — poppler's text layer and PdfLayout — and the whole pipeline
// on it, on tests/fixtures/pdf/reports/bench-ten-pages.pdf (three seed reports printed one after
// the other by LibreOffice, 11 pages; tests/fixtures/pdf/make-pdfs.py makes it).
//   pdf/read      readPdf: load, the stream guard, every page's text_list, the layout
//   pdf/layout    layoutPdfPages alone, on the words readPdf's poppler calls found (collected once)
//   pdf/pipeline  analyzeBytes(.pdf): read + structure + tables + lint, what `gklint check` does
// Every case reports the counters pages and s_per_page (CPU seconds per page: "1.2m" is 1.2 ms;
// CPU time, as the machine the figures come from is shared and wall time there is noise).
// The target (issue 10): a 10-page report read in ≤ 20 ms.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/read/PdfLayout.h"
#include "engine/read/PdfReader.h"
#include "engine/read/PdfTextLayer.h"
#include "engine/read/ReaderBackend.h"
#include "engine/text/Utf8.h"

namespace {

std::string benchFile() {
  const char* override = std::getenv("GKLINT_BENCH_PDF");
  const std::string path = override ? override : std::string(GKLINT_BENCH_PDF_DIR) + "/bench-ten-pages.pdf";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "PdfBench: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string& pdfBytes() {
  static const std::string bytes = benchFile();
  return bytes;
}

void perPage(benchmark::State& state, uint32_t pages) {
  state.counters["pages"] = pages;
  // Seconds (of the timed clock) per page: printed with an SI prefix, "1.2m" = 1.2 ms.
  state.counters["s_per_page"] = benchmark::Counter(
      pages, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_PdfRead(benchmark::State& state) {
  uint32_t pages = 0;
  for (auto _ : state) {
    gklint::PdfReadResult result = gklint::readPdf(pdfBytes());
    if (!result.ok()) state.SkipWithError(result.error.c_str());
    pages = result.pages;
    benchmark::DoNotOptimize(result.text.data());
  }
  perPage(state, pages);
}
BENCHMARK(BM_PdfRead)->Name("pdf/read")->Unit(benchmark::kMillisecond);

// The words of every page, as readPdf collects them (its backend module's own call), gathered once.
std::vector<gklint::PdfPage> collectPages() {
  std::string error;
  const auto readTextLayer = reinterpret_cast<gklint::ReadPdfTextLayer>(
      gklint::readerBackendEntry(gklint::kPdfBackendModule, gklint::kPdfBackendEntry, error));
  gklint::PdfTextLayer layer;
  if (readTextLayer) readTextLayer(pdfBytes(), gklint::PdfLimits{}, layer);
  return layer.pages;
}

void BM_PdfLayout(benchmark::State& state) {
  const std::vector<gklint::PdfPage> pages = collectPages();
  for (auto _ : state) {
    gklint::PdfText text = gklint::layoutPdfPages(pages);
    benchmark::DoNotOptimize(text.text.data());
  }
  perPage(state, static_cast<uint32_t>(pages.size()));
}
BENCHMARK(BM_PdfLayout)->Name("pdf/layout")->Unit(benchmark::kMillisecond);

void BM_PdfPipeline(benchmark::State& state) {
  static const gklint::RuleLoadResult rules = gklint::loadBuiltinRules();
  uint32_t pages = gklint::readPdf(pdfBytes()).pages;
  for (auto _ : state) {
    gklint::Analysis analysis = gklint::analyzeBytes("bench.pdf", pdfBytes(), gklint::DocumentFormat::Pdf, rules.rules);
    if (!analysis.ok()) state.SkipWithError(analysis.error.c_str());
    benchmark::DoNotOptimize(analysis.findings.data());
  }
  perPage(state, pages);
}
BENCHMARK(BM_PdfPipeline)->Name("pdf/pipeline")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
