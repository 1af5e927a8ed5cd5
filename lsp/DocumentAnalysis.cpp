#include "lsp/DocumentAnalysis.h"

#include "engine/lint/Linter.h"

namespace gklint::lsp {

std::shared_ptr<const DocumentAnalysis> analyzeSnapshot(const DocumentSnapshot& snapshot,
                                                        std::shared_ptr<const LintConfig> config,
                                                        const std::string& path, const std::string& today) {
  auto analysis = std::make_shared<DocumentAnalysis>();
  analysis->snapshot = snapshot;
  analysis->rules = config->rules;
  analysis->rulesGeneration = config->generation;
  analysis->ignoredByConfig = config->ignores(path);
  analysis->config = std::move(config);
  const LintConfig& lint = *analysis->config;
  const Source& source = *snapshot.source;
  if (snapshot.format == DocumentFormat::Markdown) analysis->hazard = findMarkdownHazard(source.text());
  if (analysis->hazard) return analysis;
  const AnalyzeOptions options = lint.analyzeOptions(path);
  analysis->document = readDocument(source, snapshot.format, *analysis->rules, options);
  if (analysis->ignoredByConfig) return analysis;
  analysis->findings = lintDocument(*analysis->document, *analysis->rules, options.config,
                                    effectiveFindingCap(options.config, options.maxFindingsPerRule));
  if (lint.waivers && !path.empty()) {
    applyWaivers(*lint.waivers, pathRelativeTo(lint.waivers->root, path), source, *analysis->rules, options.config,
                 today, analysis->findings);
  }
  return analysis;
}

}  // namespace gklint::lsp
