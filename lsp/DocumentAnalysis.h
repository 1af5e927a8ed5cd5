// DocumentAnalysis: one version of one open document, read, structured and linted.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/lint/Finding.h"
#include "engine/model/Document.h"
#include "engine/read/MarkdownGuard.h"
#include "engine/rules/RuleSet.h"
#include "lsp/DocumentStore.h"

namespace gklint::lsp {

// Immutable once built; shared between the worker and request handlers. The Document refers
// to snapshot.source, which the analysis keeps alive.
struct DocumentAnalysis {
  DocumentSnapshot snapshot;
  std::shared_ptr<const RuleSet> rules;
  uint64_t rulesGeneration = 0;              // which configuration produced it
  std::optional<Document> document;          // absent when the text cannot be read safely
  std::vector<Finding> findings;             // in the engine's order (by position, then rule id)
  std::optional<MarkdownHazard> hazard;      // why `document` is absent

  const Source& source() const { return *snapshot.source; }
};

// Reads and lints `snapshot`. Markdown that tree-sitter cannot parse safely (see
// engine/read/MarkdownGuard.h) is not read; the hazard is kept for a diagnostic instead.
std::shared_ptr<const DocumentAnalysis> analyzeSnapshot(const DocumentSnapshot& snapshot,
                                                        std::shared_ptr<const RuleSet> rules,
                                                        uint64_t rulesGeneration, const AnalyzeOptions& options);

}  // namespace gklint::lsp
