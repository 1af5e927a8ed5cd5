// Fuzz target: a YAML rule file (rules, outline, templates) through loadRuleFiles, then linting
// a small report with whatever loaded.
#include "engine/Analyzer.h"
#include "engine/Linter.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  RuleLoadResult loaded = loadRuleFiles({{"fuzz.yaml", std::string(fuzz::asText(data, size))}});
  static const std::string report =
      "XX市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度,我市主动公开信息1200条。\n"
      "二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n规章\t1\t2\t3\n";
  (void)analyzeBytes("fuzz.txt", report, DocumentFormat::Text, loaded.rules);
  return 0;
}
