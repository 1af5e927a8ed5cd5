// HtmlReadBench: reading a published report page (≈ 300 KB with its site chrome, the size of a
// real portal page) beside reading the .txt of the same report; the floor is ≤ 3 ms per page.
//
// Inputs: <corpus>/seeds/*.txt and the rendered pages of the same seeds,
// tests/fixtures/html/pages/seeds/NNN.html, each padded with portal chrome (menus, link lists,
// an inline script and style, as government portals carry) to ≥ 300 KB. <corpus> is
// $GKLINT_BENCH_CORPUS or the source tree's tests/corpus. Benchmark names:
//   read/txt/NNN       readText on the seed's decoded text
//   read/html/NNN      readHtml on the decoded page: gumbo's parse, the walk, the body choice
//   guard/html/NNN     findHtmlHazard, which analyzeBytes runs before readHtml: block depth and
//                      the tree builder's work priced (HtmlOpenElements)
//   parse/gumbo/NNN    gumbo_parse and gumbo_destroy_output alone (default allocator): the
//                      parser's share, the floor any gumbo-based reader stands on
//   decode+read/html/NNN  decodeBytes (charset from <meta>) + readHtml, the reader's whole cost
//   pipeline/html/NNN  analyzeBytes on the page: what `gklint check page.html` does per file
//   pipeline/txt/NNN   analyzeBytes on the seed's .txt
// Every case reports bytes_per_second and the input's size (counter `bytes`).
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/read/HtmlCharset.h"
#include "engine/read/HtmlGuard.h"
#include "engine/read/HtmlReader.h"
#include "engine/read/TextReader.h"
#include "engine/text/Decoder.h"

namespace gklint::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kPageBytes = 300 * 1024;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Portal chrome of the kind that makes a report page ≈ 300 KB: a mega-menu of links, a
// related-articles list, an inline script and style. Inserted before </body>.
std::string chromeBlock(int n) {
  std::string s = "<div class=\"mega-menu\"><ul>";
  for (int i = 0; i < 40; ++i) {
    s += "<li><a href=\"/col/col" + std::to_string(n * 100 + i) + "/index.html\" title=\"政务公开专栏\">政务公开专栏" +
         std::to_string(i) + "</a></li>";
  }
  s += "</ul></div>\n<div class=\"related\"><ul>";
  for (int i = 0; i < 20; ++i) {
    s += "<li><span class=\"date\">2022-01-" + std::to_string(10 + i % 20) +
         "</span><a href=\"/art/2022/1/" + std::to_string(i) + "/art_1.html\">关于印发青山县2022年政务公开工作要点的通知</a></li>";
  }
  s += "</ul></div>\n<script type=\"text/javascript\">(function(){var s=document.createElement('script');"
       "s.src='/js/stat.js?v=" + std::to_string(n) + "';if(a<b&&c>d){document.body.appendChild(s);}})();</script>\n"
       "<style>.mega-menu li{float:left;width:12.5%}.related li{line-height:2}</style>\n";
  return s;
}

struct Input {
  std::string seed;   // "000"
  std::string text;   // the seed's decoded .txt
  std::string txtBytes;
  std::string page;   // the padded page's bytes
  std::string decodedPage;
};

std::vector<Input> loadInputs() {
  const char* env = std::getenv("GKLINT_BENCH_CORPUS");
  const fs::path corpus = env ? fs::path(env) : fs::path(GKLINT_BENCH_CORPUS_DIR);
  const fs::path pages = corpus.parent_path() / "fixtures" / "html" / "pages" / "seeds";
  std::vector<Input> inputs;
  std::vector<fs::path> seeds;
  for (const auto& e : fs::directory_iterator(corpus / "seeds")) {
    if (e.path().extension() == ".txt") seeds.push_back(e.path());
  }
  std::sort(seeds.begin(), seeds.end());
  for (const fs::path& seed : seeds) {
    Input in;
    in.seed = seed.filename().string().substr(0, 3);
    in.txtBytes = readFile(seed);
    in.text = decodeBytes(in.txtBytes).text;
    std::string page = readFile(pages / (in.seed + ".html"));
    if (page.empty()) continue;
    const bool gbk = htmlEncodingChoice(page, EncodingChoice::Auto) == EncodingChoice::Gb18030;
    if (gbk) continue;  // padding is UTF-8: pad the UTF-8 pages only
    const size_t body = page.rfind("</body>") != std::string::npos ? page.rfind("</body>") : page.size();
    std::string chrome;
    for (int n = 0; page.size() + chrome.size() < kPageBytes; ++n) chrome += chromeBlock(n);
    page.insert(body, chrome);
    in.page = std::move(page);
    in.decodedPage = decodeBytes(in.page).text;
    inputs.push_back(std::move(in));
  }
  return inputs;
}

const RuleSet& builtinRules() {
  static const RuleLoadResult rules = loadBuiltinRules();
  return rules.rules;
}

void finish(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes"] = static_cast<double>(bytes);
}

void registerAll() {
  static const std::vector<Input> inputs = loadInputs();
  for (const Input& in : inputs) {
    benchmark::RegisterBenchmark(("read/txt/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(readText(in.text));
      finish(state, in.text.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("read/html/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(readHtml(in.decodedPage));
      finish(state, in.page.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("guard/html/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(findHtmlHazard(in.decodedPage));
      finish(state, in.page.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("parse/gumbo/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) {
        GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, in.decodedPage.data(), in.decodedPage.size());
        benchmark::DoNotOptimize(output);
        gumbo_destroy_output(&kGumboDefaultOptions, output);
      }
      finish(state, in.page.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("decode+read/html/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) {
        DecodeResult decoded = decodeBytes(in.page, htmlEncodingChoice(in.page, EncodingChoice::Auto));
        benchmark::DoNotOptimize(readHtml(std::move(decoded.text)));
      }
      finish(state, in.page.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("pipeline/html/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(analyzeBytes("p.html", in.page, DocumentFormat::Html, builtinRules()));
      finish(state, in.page.size());
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("pipeline/txt/" + in.seed).c_str(), [&in](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(analyzeBytes("p.txt", in.txtBytes, DocumentFormat::Text, builtinRules()));
      finish(state, in.txtBytes.size());
    })->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace
}  // namespace gklint::bench

int main(int argc, char** argv) {
  gklint::bench::registerAll();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
