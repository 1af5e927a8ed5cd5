// PipelineBench: per-stage timings of the pipeline on the seed reports, and the bare
// tree-sitter-markdown parse as the baseline the Markdown path is held to (≤ 1.5×).
//
// Inputs: <corpus>/seeds/*.txt (the seed reports as published) and <corpus>/seeds-md/*.md
// (their Markdown versions, as `make_corpus.py OUT --base-only` writes them), where <corpus>
// is $GKLINT_BENCH_CORPUS or the source tree's tests/corpus. Benchmark names are
// `<stage>/<format>/<seed>`, seed being the file name's leading number (000 … 004):
//   decode     decodeBytes on the file's bytes
//   read       readText / readMarkdown on the decoded text (md: includes the tree-sitter parses);
//              docx: readDocx on the file's bytes (zip, XML, numbering) + readText, no decode stage
//              (inputs: <corpus>/../fixtures/docx/seeds/*.docx, the seeds as Word documents)
//   structure  buildDocument on a copy of the read result (the copy is not timed)
//   tables     bindTables (the official tables onto their templates) on a copy of the
//              structured document (the copy is not timed)
//   lint       lintDocument with all built-in rules, on the document readDocument returns
//   pipeline   analyzeBytes: decode + read + structure + tables + lint, what `gklint check`
//              does per file
//   ts-block         md only: the block grammar parse (+ tree deletion), nothing else
//   ts-block-inline  md only: block parse, then the inline grammar over every `inline` and
//                    `pipe_table_cell` node with included ranges, as the grammar's own
//                    bindings (MarkdownParser) do
//   ratio      md only: pipeline, readMarkdown and both baselines interleaved in one loop, timed
//              with the thread's CPU clock, so the counters x_block = pipeline/ts-block,
//              x_full = pipeline/ts-block-inline and read_x_block = read/ts-block compare like
//              with like even on a busy machine; the reported (manual) time is the pipeline's
//              CPU time.
// Every case reports bytes_per_second and the file's size (counter `bytes`).
#include <benchmark/benchmark.h>
#include <tree_sitter/api.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/Linter.h"
#include "engine/read/DocxReader.h"
#include "engine/read/MarkdownReader.h"
#include "engine/read/TextReader.h"
#include "engine/structure/StructureBuilder.h"
#include "engine/tables/TableBinder.h"
#include "engine/text/Decoder.h"

extern "C" {
const TSLanguage* tree_sitter_markdown(void);
const TSLanguage* tree_sitter_markdown_inline(void);
}

namespace gklint::bench {
namespace {

namespace fs = std::filesystem;

// CPU time of the calling thread, in seconds: unlike wall time it does not grow while other
// processes have the core (the machine this runs on is shared and noisy).
double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// One seed report in one format, with every stage's input prepared once.
struct Input {
  std::string name;  // "txt/000"
  std::string path;
  DocumentFormat format = DocumentFormat::Text;
  std::string bytes;
  std::unique_ptr<Source> source;
  ReadResult read;
  std::optional<Document> structured;  // buildDocument's result, tables not yet bound
  std::optional<Document> document;    // readDocument's result, what lint sees
};

const RuleSet& rules() {
  static const RuleSet set = [] {
    RuleLoadResult loaded = loadBuiltinRules();
    if (!loaded.errors.empty()) {
      std::fprintf(stderr, "gklint_bench: the built-in rules did not load cleanly (%zu errors)\n",
                   loaded.errors.size());
      std::exit(2);
    }
    return std::move(loaded.rules);
  }();
  return set;
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> filesIn(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::unique_ptr<Input> prepare(const fs::path& path, DocumentFormat format) {
  auto in = std::make_unique<Input>();
  in->path = path.string();
  in->format = format;
  in->name = std::string(format == DocumentFormat::Markdown ? "md/" : format == DocumentFormat::Docx ? "docx/" : "txt/") +
             path.stem().string().substr(0, 3);
  in->bytes = readBytes(path);
  if (format == DocumentFormat::Docx) {
    DocxRead docx = readDocx(in->bytes);
    if (!docx.ok()) {
      std::fprintf(stderr, "gklint_bench: %s: %s\n", in->path.c_str(), docx.error.c_str());
      std::exit(2);
    }
    in->source = std::make_unique<Source>(in->path, std::move(docx.text), Encoding::Utf8, std::move(docx.origin));
    in->read = readText(in->source->text());
    in->structured = buildDocument(*in->source, format, in->read, rules().outline);
    in->document = readDocument(*in->source, format, rules());
    return in;
  }
  DecodeResult decoded = decodeBytes(in->bytes);
  if (!decoded.ok) {
    std::fprintf(stderr, "gklint_bench: %s: %s\n", in->path.c_str(), decoded.error.c_str());
    std::exit(2);
  }
  in->source = std::make_unique<Source>(in->path, std::move(decoded.text), decoded.encoding);
  in->read = format == DocumentFormat::Markdown ? readMarkdown(in->source->text()) : readText(in->source->text());
  in->structured = buildDocument(*in->source, format, in->read, rules().outline);
  in->document = readDocument(*in->source, format, rules());
  return in;
}

void setBytes(benchmark::State& state, const Input& in) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(in.bytes.size()));
  state.counters["bytes"] = static_cast<double>(in.bytes.size());
}

// --- the Markdown baselines ----------------------------------------------------------------

// Parses `text` with the block grammar; the caller deletes the tree.
TSTree* parseBlock(TSParser* block, std::string_view text) {
  return ts_parser_parse_string(block, nullptr, text.data(), static_cast<uint32_t>(text.size()));
}

bool isInlineContainer(TSNode node) {
  const char* type = ts_node_type(node);
  return !std::strcmp(type, "inline") || !std::strcmp(type, "pipe_table_cell");
}

// The inline pass of the grammar's MarkdownParser binding: every `inline` and `pipe_table_cell`
// node of the block tree is parsed with the inline grammar over its own range, minus the
// ranges of its named children after the first (block continuations such as "> "). The
// inline trees are kept until the end, as a MarkdownTree keeps them, then deleted.
void parseInlines(TSParser* inlineParser, const TSTree* blockTree, std::string_view text,
                  std::vector<TSTree*>& trees, std::vector<TSRange>& ranges) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(blockTree));
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool descend = !isInlineContainer(node) && ts_tree_cursor_goto_first_child(&cursor);
    if (!descend) {
      bool moved = false;
      while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
        if (!ts_tree_cursor_goto_parent(&cursor)) break;
      }
      if (!moved) break;
    }
    node = ts_tree_cursor_current_node(&cursor);
    if (!isInlineContainer(node)) continue;
    ranges.clear();
    TSRange range{ts_node_start_point(node), ts_node_end_point(node), ts_node_start_byte(node),
                  ts_node_end_byte(node)};
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      while (ts_tree_cursor_goto_next_sibling(&cursor)) {
        TSNode child = ts_tree_cursor_current_node(&cursor);
        if (!ts_node_is_named(child)) continue;
        ranges.push_back({range.start_point, ts_node_start_point(child), range.start_byte, ts_node_start_byte(child)});
        range.start_byte = ts_node_end_byte(child);
        range.start_point = ts_node_end_point(child);
      }
      ts_tree_cursor_goto_parent(&cursor);
    }
    ranges.push_back(range);
    if (!ts_parser_set_included_ranges(inlineParser, ranges.data(), static_cast<uint32_t>(ranges.size()))) {
      std::fprintf(stderr, "gklint_bench: tree-sitter refused the inline ranges at byte %u\n", range.start_byte);
      std::exit(2);
    }
    trees.push_back(ts_parser_parse_string(inlineParser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
  }
  ts_tree_cursor_delete(&cursor);
}

struct Baseline {
  ParserPtr block{ts_parser_new()};
  ParserPtr inlines{ts_parser_new()};
  std::vector<TSTree*> trees;
  std::vector<TSRange> ranges;
  size_t lastInlineParses = 0;

  Baseline() {
    ts_parser_set_language(block.get(), tree_sitter_markdown());
    ts_parser_set_language(inlines.get(), tree_sitter_markdown_inline());
  }
  void blockOnly(std::string_view text) { ts_tree_delete(parseBlock(block.get(), text)); }
  void blockAndInline(std::string_view text) {
    TreePtr tree(parseBlock(block.get(), text));
    parseInlines(inlines.get(), tree.get(), text, trees, ranges);
    lastInlineParses = trees.size();
    for (TSTree* t : trees) ts_tree_delete(t);
    trees.clear();
  }
};

// --- the cases -----------------------------------------------------------------------------

void benchDecode(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    DecodeResult r = decodeBytes(in->bytes);
    benchmark::DoNotOptimize(r.text.data());
  }
  setBytes(state, *in);
}

void benchRead(benchmark::State& state, const Input* in) {
  const std::string_view text = in->source->text();
  const bool md = in->format == DocumentFormat::Markdown;
  if (in->format == DocumentFormat::Docx) {
    // A .docx has no decode stage: reading is the zip, the XML parts and the text reader together.
    for (auto _ : state) {
      DocxRead docx = readDocx(in->bytes);
      ReadResult r = readText(docx.text);
      benchmark::DoNotOptimize(r.blocks.data());
    }
    setBytes(state, *in);
    return;
  }
  for (auto _ : state) {
    ReadResult r = md ? readMarkdown(text) : readText(text);
    benchmark::DoNotOptimize(r.blocks.data());
  }
  setBytes(state, *in);
}

void benchStructure(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    state.PauseTiming();
    ReadResult copy = in->read;  // buildDocument consumes its input; the copy is not timed
    state.ResumeTiming();
    Document doc = buildDocument(*in->source, in->format, std::move(copy), rules().outline);
    benchmark::DoNotOptimize(doc.blocks.data());
  }
  setBytes(state, *in);
}

void benchTables(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    state.PauseTiming();
    Document doc = *in->structured;  // bindTables fills the document in place; the copy is not timed
    state.ResumeTiming();
    bindTables(doc, rules().templates);
    benchmark::DoNotOptimize(doc.boundTables.data());
  }
  setBytes(state, *in);
}

void benchLint(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    std::vector<Finding> findings = lintDocument(*in->document, rules());
    benchmark::DoNotOptimize(findings.data());
  }
  setBytes(state, *in);
}

void benchPipeline(benchmark::State& state, const Input* in) {
  for (auto _ : state) {
    Analysis a = analyzeBytes(in->path, in->bytes, in->format, rules());
    benchmark::DoNotOptimize(a.findings.data());
  }
  setBytes(state, *in);
}

void benchTsBlock(benchmark::State& state, const Input* in) {
  Baseline baseline;
  for (auto _ : state) baseline.blockOnly(in->source->text());
  setBytes(state, *in);
}

void benchTsBlockInline(benchmark::State& state, const Input* in) {
  Baseline baseline;
  for (auto _ : state) baseline.blockAndInline(in->source->text());
  setBytes(state, *in);
  state.counters["inline_parses"] = static_cast<double>(baseline.lastInlineParses);
}

void benchRatio(benchmark::State& state, const Input* in) {
  Baseline baseline;
  const std::string_view text = in->source->text();
  double pipeline = 0, read = 0, block = 0, full = 0;
  for (auto _ : state) {
    // Each result is destroyed inside its own timing, as the baselines delete their trees.
    const double t0 = threadCpuSeconds();
    {
      Analysis a = analyzeBytes(in->path, in->bytes, in->format, rules());
      benchmark::DoNotOptimize(a.findings.data());
    }
    const double t1 = threadCpuSeconds();
    {
      ReadResult r = readMarkdown(text);
      benchmark::DoNotOptimize(r.blocks.data());
    }
    const double t2 = threadCpuSeconds();
    baseline.blockOnly(text);
    const double t3 = threadCpuSeconds();
    baseline.blockAndInline(text);
    const double t4 = threadCpuSeconds();
    pipeline += t1 - t0;
    read += t2 - t1;
    block += t3 - t2;
    full += t4 - t3;
    state.SetIterationTime(t1 - t0);
  }
  if (block > 0 && full > 0) {
    state.counters["x_block"] = pipeline / block;
    state.counters["x_full"] = pipeline / full;
    state.counters["read_x_block"] = read / block;
  }
  setBytes(state, *in);
}

std::vector<std::unique_ptr<Input>>& inputs() {
  static std::vector<std::unique_ptr<Input>> all;
  return all;
}

void registerAll() {
  const char* env = std::getenv("GKLINT_BENCH_CORPUS");
  const fs::path corpus = env && *env ? fs::path(env) : fs::path(GKLINT_BENCH_CORPUS_DIR);
  for (const fs::path& p : filesIn(corpus / "seeds", ".txt")) inputs().push_back(prepare(p, DocumentFormat::Text));
  for (const fs::path& p : filesIn(corpus / "seeds-md", ".md")) {
    inputs().push_back(prepare(p, DocumentFormat::Markdown));
  }
  // The seeds as Word documents (tests/fixtures/docx/make_docx.py).
  for (const fs::path& p : filesIn(corpus / ".." / "fixtures" / "docx" / "seeds", ".docx")) {
    inputs().push_back(prepare(p, DocumentFormat::Docx));
  }
  if (inputs().empty()) {
    std::fprintf(stderr, "gklint_bench: no seeds under %s (expected seeds/*.txt and seeds-md/*.md)\n",
                 corpus.string().c_str());
    std::exit(2);
  }
  using Fn = void (*)(benchmark::State&, const Input*);
  const struct {
    const char* stage;
    Fn fn;
    bool mdOnly;
    bool manualTime;
  } kStages[] = {
      {"decode", benchDecode, false, false},        {"read", benchRead, false, false},
      {"structure", benchStructure, false, false},  {"tables", benchTables, false, false},
      {"lint", benchLint, false, false},
      {"pipeline", benchPipeline, false, false},    {"ts-block", benchTsBlock, true, false},
      {"ts-block-inline", benchTsBlockInline, true, false}, {"ratio", benchRatio, true, true},
  };
  for (const auto& stage : kStages) {
    for (const auto& in : inputs()) {
      if (stage.mdOnly && in->format != DocumentFormat::Markdown) continue;
      if (in->format == DocumentFormat::Docx && std::strcmp(stage.stage, "decode") == 0) continue;
      const std::string name = std::string(stage.stage) + "/" + in->name;
      auto* b = benchmark::RegisterBenchmark(name.c_str(), stage.fn, in.get());
      b->Unit(benchmark::kMicrosecond);
      if (stage.manualTime) b->UseManualTime();
    }
  }
}

}  // namespace
}  // namespace gklint::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  gklint::bench::registerAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
