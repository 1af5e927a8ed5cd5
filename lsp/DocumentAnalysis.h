// DocumentAnalysis: one version of one open document, read, structured and linted under the
// configuration that governs it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/lint/Finding.h"
#include "engine/model/Document.h"
#include "engine/read/MarkdownGuard.h"
#include "engine/ruleset/RuleSet.h"
#include "lsp/DocumentStore.h"
#include "lsp/LintConfig.h"

namespace gklint::lsp {

// Immutable once built; shared between the worker and request handlers. The Document refers
// to snapshot.source, which the analysis keeps alive.
struct DocumentAnalysis {
  DocumentSnapshot snapshot;
  std::shared_ptr<const LintConfig> config;  // what it was linted with
  std::shared_ptr<const RuleSet> rules;      // config->rules
  uint64_t rulesGeneration = 0;              // config->generation
  bool ignoredByConfig = false;              // an `ignore` glob matches: read, never linted
  // An HTML page: the text read from it (engine/read/HtmlReader.h), which `document` refers to.
  // Null for .txt/.md, whose document refers to snapshot.source.
  std::shared_ptr<const Source> linted;
  std::optional<Document> document;          // absent when the text cannot be read safely
  // In the engine's order (by position, then rule id); spans in snapshot.source — for an HTML
  // page mapped back into the page through the origin map, without fixes (none for pages).
  std::vector<Finding> findings;
  std::optional<MarkdownHazard> hazard;      // why `document` is absent

  // The buffer as the editor has it: findings' spans are in it.
  const Source& source() const { return *snapshot.source; }
  // Whether the document's spans are in another text than the buffer (an HTML page): hovers,
  // symbols and code actions, which work on document spans, then offer nothing.
  bool readFromPage() const { return linted != nullptr; }
};

// Reads and lints `snapshot` under `config`; `path` is the document's file ("" when it has
// none: ignore globs, publish dates and waivers need one), `today` YYYY-MM-DD for waivers.
// Markdown that tree-sitter cannot parse safely (see engine/read/MarkdownGuard.h) is not read;
// the hazard is kept for a diagnostic instead.
std::shared_ptr<const DocumentAnalysis> analyzeSnapshot(const DocumentSnapshot& snapshot,
                                                        std::shared_ptr<const LintConfig> config,
                                                        const std::string& path, const std::string& today);

}  // namespace gklint::lsp
