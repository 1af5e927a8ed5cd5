#include "lsp/DocumentAnalysis.h"

#include "engine/lint/Linter.h"

namespace gklint::lsp {

std::shared_ptr<const DocumentAnalysis> analyzeSnapshot(const DocumentSnapshot& snapshot,
                                                        std::shared_ptr<const RuleSet> rules,
                                                        uint64_t rulesGeneration, const AnalyzeOptions& options) {
  auto analysis = std::make_shared<DocumentAnalysis>();
  analysis->snapshot = snapshot;
  analysis->rules = std::move(rules);
  analysis->rulesGeneration = rulesGeneration;
  const Source& source = *snapshot.source;
  if (snapshot.format == DocumentFormat::Markdown) analysis->hazard = findMarkdownHazard(source.text());
  if (!analysis->hazard) {
    analysis->document = readDocument(source, snapshot.format, *analysis->rules, options);
    analysis->findings = lintDocument(*analysis->document, *analysis->rules);
  }
  return analysis;
}

}  // namespace gklint::lsp
