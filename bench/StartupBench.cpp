// StartupBench: what `gklint check` does before it reads a report — loading the built-in rule
// packs — and the YAML parses behind it:
//   rules/load-builtin          loadBuiltinRules(Skip): the packs' trees compiled into gklint at
//                               build time, read in place (what every check does at start-up)
//   rules/load-builtin-parsed   the same packs from their text, parsed at load (what a user's
//                               rule files of that size cost: YamlTree::parse, then the same)
//   yaml/tree-parse             YamlTree::parse over the ten packs' texts (yaml-cpp's parser events)
//   yaml/yaml-cpp-load          YAML::Load over the same texts (yaml-cpp's node graph), the baseline
// Every case reports bytes_per_second over the packs' text (≈ 75 KB).
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "engine/ruleset/EmbeddedFiles.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/rules/YamlTree.h"

namespace gklint::bench {
namespace {

size_t packBytes() {
  size_t bytes = 0;
  for (const EmbeddedFile& f : embeddedFiles()) bytes += f.content.size();
  return bytes;
}

void setBytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * packBytes()));
}

void loadBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    RuleLoadResult loaded = loadBuiltinRules(RuleExamples::Skip);
    if (!loaded.errors.empty()) state.SkipWithError("the built-in packs did not load cleanly");
    benchmark::DoNotOptimize(loaded.rules.checks.data());
  }
  setBytes(state);
}

void loadBuiltinParsed(benchmark::State& state) {
  std::vector<RuleFile> files = builtinRuleFiles(RuleExamples::Skip);
  for (RuleFile& f : files) f.tree = nullptr;  // parse the text, as for a user's file
  for (auto _ : state) {
    RuleLoadResult loaded = loadRuleFiles(files);
    if (!loaded.errors.empty()) state.SkipWithError("the built-in packs did not load cleanly");
    benchmark::DoNotOptimize(loaded.rules.checks.data());
  }
  setBytes(state);
}

void treeParse(benchmark::State& state) {
  for (auto _ : state) {
    for (const EmbeddedFile& f : embeddedFiles()) {
      const YamlTree tree = YamlTree::parse(f.content);
      benchmark::DoNotOptimize(tree.entries().data());
    }
  }
  setBytes(state);
}

void yamlCppLoad(benchmark::State& state) {
  for (auto _ : state) {
    for (const EmbeddedFile& f : embeddedFiles()) {
      const YAML::Node root = YAML::Load(std::string(f.content));
      benchmark::DoNotOptimize(root.size());
    }
  }
  setBytes(state);
}

}  // namespace
}  // namespace gklint::bench

BENCHMARK(gklint::bench::loadBuiltin)->Name("rules/load-builtin")->Unit(benchmark::kMicrosecond);
BENCHMARK(gklint::bench::loadBuiltinParsed)->Name("rules/load-builtin-parsed")->Unit(benchmark::kMicrosecond);
BENCHMARK(gklint::bench::treeParse)->Name("yaml/tree-parse")->Unit(benchmark::kMicrosecond);
BENCHMARK(gklint::bench::yamlCppLoad)->Name("yaml/yaml-cpp-load")->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
