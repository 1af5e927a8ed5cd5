// The fast paths give exactly what the straightforward code gives: the pattern prefilter's
// answer for a piece equals each pattern's own search, and a relation compiled against a
// template evaluates like the relation resolved as it goes — on the seed reports' real
// tables and on those tables with cells blanked, turned to text and changed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "engine/Analyzer.h"
#include "engine/lint/PatternPrefilter.h"
#include "engine/lint/TextScan.h"
#include "engine/rules/PatternCompiler.h"
#include "engine/tables/RelationRule.h"

using namespace gklint;

namespace {

const RuleSet& builtinRules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

std::vector<std::string> seedPaths() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(GKLINT_TEST_DIR) + "/corpus/seeds")) {
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void requireSameResult(const RelationResult& slow, const RelationResult& fast) {
  REQUIRE(fast.known == slow.known);
  REQUIRE(fast.holds == slow.holds);
  if (!slow.known) return;
  REQUIRE(fast.lhs == slow.lhs);
  REQUIRE(fast.rhs == slow.rhs);
  for (auto [a, b] : {std::pair{&slow.lhsCells, &fast.lhsCells}, std::pair{&slow.rhsCells, &fast.rhsCells}}) {
    REQUIRE(a->size() == b->size());
    for (size_t i = 0; i < a->size(); ++i) {
      CHECK((*a)[i].row == (*b)[i].row);
      CHECK((*a)[i].column == (*b)[i].column);
      CHECK((*a)[i].cell == (*b)[i].cell);
    }
  }
}

// Every relation of every built-in relation rule, evaluated both ways at every position.
size_t compareRelations(const BoundTable& table) {
  size_t compared = 0;
  for (const auto& check : builtinRules().checks) {
    const auto* source = dynamic_cast<const RelationRuleSource*>(check.get());
    if (!source || source->relationRule().table != table.table) continue;
    const RelationRule& rule = source->relationRule();
    std::vector<const RelationExpr*> exprs;
    for (const RelationExpr& e : rule.asserts) exprs.push_back(&e);
    if (rule.when) exprs.push_back(&*rule.when);
    for (const RelationExpr* e : exprs) {
      const CompiledRelation compiled(*e, rule.axis, *table.tmpl);
      for (size_t p = 0; p < compiled.positionCount(); ++p) {
        requireSameResult(evaluateRelation(*e, rule.axis, table, compiled.positionKey(p)), compiled.evaluate(table, p));
        ++compared;
      }
    }
  }
  return compared;
}

// The options PatternCompiler compiles rule patterns with (the prefilter's own).
RE2::Options rulePatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxPatternMemoryBytes);
  return options;
}

}  // namespace

TEST_CASE("the prefilter says a pattern may match a piece exactly when the pattern matches it", "[speed][prefilter]") {
  // The built-in text patterns, and ones with anchors, classes and alternations.
  const std::vector<std::string> patterns = {
      R"(\p{Han}[ ]?([,:;!?])|([,:!?])[ ]?\p{Han})", R"(\p{Han}([ \x{3000}]+)[0-9])", R"(^本机关)", R"(公开$)",
      R"((?:^|[^建])(设量))", R"(，，|。。|、、)", R"((\d*[1-9][ ]?[余多])(?:条|件|次))", R"(\b[A-Z]{2,}\b)",
      R"((?i)gov\.cn)", R"(电话|联系方式)"};
  PatternPrefilter prefilter;
  std::vector<std::unique_ptr<RulePattern>> compiled;
  std::vector<int> slots;
  const RE2::Options options = rulePatternOptions();
  for (const std::string& p : patterns) {
    compiled.push_back(std::make_unique<RulePattern>(p, options));
    REQUIRE(compiled.back()->re().ok());
    slots.push_back(prefilter.add(*compiled.back()));
    CHECK(slots.back() == static_cast<int>(slots.size()) - 1);
  }
  const RulePattern otherOptions("x", RE2::Latin1);
  CHECK(prefilter.add(otherOptions) == PatternPrefilter::kNoSlot);  // would answer differently in the set
  // Patterns join the set when it is compiled: one RE2 cannot add then is reported as matching
  // every piece (so it is always searched), and the other slots keep their answers.
  const RulePattern unparsable("(unclosed", options);
  const int unparsableSlot = prefilter.add(unparsable);
  CHECK(unparsableSlot == static_cast<int>(patterns.size()));
  prefilter.seal();
  const RulePattern late("late", options);
  CHECK(prefilter.add(late) == PatternPrefilter::kNoSlot);
  // A small document does not make the set compile; a large one does, and from then on every
  // document uses it.
  CHECK_FALSE(prefilter.useFor(PatternPrefilter::kWorthCompilingBytes - 1));
  CHECK(prefilter.useFor(PatternPrefilter::kWorthCompilingBytes));
  CHECK(prefilter.useFor(1));

  size_t lines = 0, matches = 0;
  for (const std::string& path : seedPaths()) {
    const std::string text = readFile(path) + "\n本机关电话：0771 1234567，，共收到申请3余件。\nABC 设量 公开";
    PieceMatchCache cache(&prefilter, text.size());
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + begin, end - begin);
      const ByteSpan piece{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      for (size_t i = 0; i < patterns.size(); ++i) {
        const bool own = RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), compiled[i]->re());
        INFO(path << " line at byte " << begin << " pattern /" << patterns[i] << "/");
        REQUIRE(cache.mayMatch(piece, line, slots[i]) == own);
        REQUIRE(cache.mayMatch(piece, line, unparsableSlot));
        matches += own;
      }
      CHECK(cache.mayMatch(piece, line, PatternPrefilter::kNoSlot));
      ++lines;
      begin = end + 1;
    }
  }
  CHECK(lines > 500);
  CHECK(matches > 20);  // the comparison saw both answers
}

TEST_CASE("the prefilter set is compiled once the documents linted add up to enough text", "[speed][prefilter]") {
  PatternPrefilter prefilter;
  const RE2::Options options = rulePatternOptions();
  const RulePattern re("电话", options);
  const int slot = prefilter.add(re);
  prefilter.seal();
  const size_t third = PatternPrefilter::kWorthCompilingBytes / 3;
  CHECK_FALSE(prefilter.useFor(third));  // one report: searched directly
  CHECK_FALSE(prefilter.useFor(third));
  CHECK(prefilter.useFor(third + 2));  // the third brings the total to the threshold
  CHECK(prefilter.useFor(1));          // and every document uses it from then on
  PieceMatchCache cache(&prefilter, 1);
  CHECK_FALSE(cache.mayMatch({0, 6}, "没有", slot));
  CHECK(cache.mayMatch({6, 12}, "电话", slot));
}

TEST_CASE("without a compiled set every pattern may match", "[speed][prefilter]") {
  PatternPrefilter uncompiled;
  const RE2::Options options = rulePatternOptions();
  const RulePattern re("电话", options);
  const int slot = uncompiled.add(re);
  PieceMatchCache cache(&uncompiled, 1 << 20);
  CHECK(cache.mayMatch({0, 6}, "没有", slot));
  CHECK_FALSE(uncompiled.useFor(1 << 20));  // never sealed
  PieceMatchCache none(nullptr, 1 << 20);
  CHECK(none.mayMatch({0, 6}, "没有", 0));
}

TEST_CASE("compiled relations evaluate like relations resolved as they go, on real and damaged tables", "[speed][relation]") {
  std::mt19937 random(20261122);
  size_t compared = 0, tables = 0;
  for (const std::string& path : seedPaths()) {
    const std::string bytes = readFile(path);
    Analysis analysis = analyzeBytes(path, bytes, DocumentFormat::Text, builtinRules(), {});
    REQUIRE(analysis.document);
    for (const BoundTable& bound : analysis.document->boundTables) {
      if (!bound.tmpl) continue;
      ++tables;
      compared += compareRelations(bound);
      for (int round = 0; round < 20; ++round) {
        BoundTable damaged = bound;
        for (BoundRow& row : damaged.rows) {
          for (BoundCell& cell : row.cells) {
            switch (random() % 8) {
              case 0: cell.state = CellState::Blank; break;
              case 1: cell.state = CellState::Text; break;
              case 2: cell.state = CellState::Number; cell.value = static_cast<double>(random() % 40); break;
              default: break;
            }
          }
          if (random() % 15 == 0 && !row.cells.empty()) row.cells.pop_back();  // wrong count
          if (random() % 30 == 0) row.present = false;
        }
        compared += compareRelations(damaged);
      }
    }
  }
  CHECK(tables >= 10);
  CHECK(compared > 5000);
}

namespace {

// Rule id, span and message of each finding: what must not depend on whether the set was used.
std::vector<std::string> findingKeys(const Analysis& analysis) {
  std::vector<std::string> keys;
  for (const Finding& f : analysis.findings) {
    keys.push_back(f.ruleId + "@" + std::to_string(f.span.begin) + "-" + std::to_string(f.span.end) + " " + f.message);
  }
  return keys;
}

}  // namespace

TEST_CASE("a small document gives the same findings whether or not the prefilter set is compiled yet", "[speed][prefilter]") {
  // Small documents: a one-line report, a heading and a sentence, and the first lines of every
  // seed (under the size that makes the set compile), with defects the text rules find.
  std::vector<std::string> small = {"一、总体情况\n", "一、总体情况\n今年以来，本机关 主动公开政府信息12条，，未收取任何费用。\n"};
  for (const std::string& path : seedPaths()) {
    const std::string seed = readFile(path);
    size_t cut = seed.rfind('\n', PatternPrefilter::kWorthCompilingBytes - 200);
    REQUIRE(cut != std::string::npos);
    small.push_back(seed.substr(0, cut + 1) + "（二）依申请公开 情况 ，，共收到申请3余件。\n");
  }
  // Each document with a rule set of its own, so that the set is certainly not compiled.
  std::vector<std::vector<std::string>> direct;
  for (const std::string& text : small) {
    REQUIRE(text.size() < PatternPrefilter::kWorthCompilingBytes);
    const RuleLoadResult own = loadBuiltinRules(RuleExamples::Skip);
    REQUIRE(own.errors.empty());
    direct.push_back(findingKeys(analyzeBytes("small.txt", text, DocumentFormat::Text, own.rules)));
    CHECK_FALSE(own.rules.prefilter->useFor(0));  // still not compiled
  }
  // Reports adding up to kWorthCompilingBytes compile the set; the small documents then go
  // through it.
  const RuleLoadResult fresh = loadBuiltinRules(RuleExamples::Skip);
  size_t linted = 0;
  while (linted < PatternPrefilter::kWorthCompilingBytes) {
    for (const std::string& path : seedPaths()) {
      const std::string seed = readFile(path);
      analyzeBytes("seed.txt", seed, DocumentFormat::Text, fresh.rules);
      linted += seed.size();
    }
  }
  REQUIRE(fresh.rules.prefilter->useFor(0));
  size_t findings = 0;
  for (size_t i = 0; i < small.size(); ++i) {
    INFO("document " << i);
    CHECK(findingKeys(analyzeBytes("small.txt", small[i], DocumentFormat::Text, fresh.rules)) == direct[i]);
    findings += direct[i].size();
  }
  CHECK(findings > 20);  // the comparison had findings to compare
}
