// Tests for engine/Analyzer: the whole pipeline on bad and very large input.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "engine/Analyzer.h"

using namespace gklint;

namespace {

std::string readSeed(const std::string& name) {
  std::ifstream in(std::string(GKLINT_TEST_DIR) + "/corpus/seeds/" + name, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const RuleSet& builtinRules() {
  static const RuleLoadResult loaded = loadBuiltinRules();
  REQUIRE(loaded.errors.empty());
  return loaded.rules;
}

size_t countRule(const Analysis& analysis, const std::string& rule) {
  size_t n = 0;
  for (const Finding& f : analysis.findings) n += f.ruleId == rule;
  return n;
}

}  // namespace

TEST_CASE("formatFromPath knows .txt, .md, .html, .docx and .pdf, case-insensitively", "[analyzer]") {
  CHECK(formatFromPath("a/报告.txt") == DocumentFormat::Text);
  CHECK(formatFromPath("a/b.TXT") == DocumentFormat::Text);
  CHECK(formatFromPath("a.md") == DocumentFormat::Markdown);
  CHECK(formatFromPath("a.markdown") == DocumentFormat::Markdown);
  CHECK(formatFromPath("a.html") == DocumentFormat::Html);
  CHECK(formatFromPath("a/B.HTM") == DocumentFormat::Html);
  CHECK(formatFromPath("a.docx") == DocumentFormat::Docx);
  CHECK(formatFromPath("a.pdf") == DocumentFormat::Pdf);
  CHECK(formatFromPath("a.doc") == DocumentFormat::Docx);  // read only to say "save as .docx"
  CHECK(formatFromPath("a/报告.DOCX") == DocumentFormat::Docx);
  CHECK_FALSE(formatFromPath("a.css").has_value());
  CHECK_FALSE(formatFromPath("a.txt/readme").has_value());
  CHECK_FALSE(formatFromPath("README").has_value());
}

TEST_CASE("analyzeBytes returns the decoding error and no document", "[analyzer]") {
  const std::string seed = readSeed("004_8d6632e4e8c36cd9.txt");
  const Analysis analysis = analyzeBytes("cut.txt", seed.substr(0, 2998), DocumentFormat::Text, builtinRules());
  CHECK_FALSE(analysis.ok());
  CHECK(analysis.source == nullptr);
  CHECK_FALSE(analysis.document.has_value());
  CHECK(analysis.findings.empty());
  CHECK(analysis.errorOffset == 2997);
  CHECK(analysis.error == "invalid UTF-8 at byte offset 2997 (line 70): the file ends in the middle of a UTF-8 "
                          "character (it was cut off); re-save the report as UTF-8, or name its encoding with "
                          "--encoding");
}

TEST_CASE("analyzeBytes on empty input reports the missing sections, without crashing", "[analyzer]") {
  const Analysis analysis = analyzeBytes("empty.txt", "", DocumentFormat::Text, builtinRules());
  CHECK(analysis.ok());
  REQUIRE(analysis.source != nullptr);
  CHECK(countRule(analysis, "structure/section-missing") == 6);
  for (const Finding& f : analysis.findings) CHECK(f.span == ByteSpan{0, 0});
}

TEST_CASE("a 50 MB report is analysed in reasonable time", "[analyzer][large]") {
  // Seed 004 with the paragraphs of its 一、总体情况 (lines 5–11, one typo "设量" among them)
  // repeated inside that section until the report is about 50 MB: one report, six sections.
  const std::string seed = readSeed("004_8d6632e4e8c36cd9.txt");
  const size_t overviewBegin = seed.find("2021年，连生乡严格落实");
  const size_t overviewEnd = seed.find("二、主动公开政府信息情况");
  REQUIRE(overviewBegin != std::string::npos);
  REQUIRE(overviewEnd != std::string::npos);
  const std::string paragraphs = seed.substr(overviewBegin, overviewEnd - overviewBegin);
  REQUIRE(paragraphs.find("设量") != std::string::npos);

  constexpr size_t kTarget = 50u << 20;
  std::string text;
  text.reserve(kTarget + seed.size() + paragraphs.size());
  text.append(seed, 0, overviewEnd);
  size_t copies = 1;
  while (text.size() + (seed.size() - overviewEnd) < kTarget) {
    text += paragraphs;
    ++copies;
  }
  text.append(seed, overviewEnd, std::string::npos);
  REQUIRE(text.size() >= kTarget);

  const auto start = std::chrono::steady_clock::now();
  AnalyzeOptions uncapped;
  uncapped.maxFindingsPerRule = 0;  // every typo, to find the last one (FindingCapTest tests the cap)
  const Analysis analysis = analyzeBytes("big.txt", text, DocumentFormat::Text, builtinRules(), uncapped);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[large] analyzeBytes on " << text.size() / (1 << 20) << " MiB (" << copies
            << " copies of the overview): " << analysis.findings.size() << " findings in " << seconds << " s\n";

  REQUIRE(analysis.ok());
  CHECK(analysis.source->text().size() == text.size());
  CHECK(countRule(analysis, "text/typo") == copies);  // one "设量" per copy
  CHECK(countRule(analysis, "structure/section-missing") == 0);
  CHECK(countRule(analysis, "content/fee-statement") == 1);
  // The last typo is reported at its true position, after ~50 MB of CJK text.
  const Finding* last = nullptr;
  for (const Finding& f : analysis.findings) {
    if (f.ruleId == "text/typo") last = &f;
  }
  REQUIRE(last != nullptr);
  CHECK(analysis.source->text().substr(last->span.begin, last->span.size()) == "设量");
#ifdef NDEBUG
  // No timing assertion: speed is measured by bench/, not by unit tests (a ctest TIMEOUT guards hangs).
#endif
}
