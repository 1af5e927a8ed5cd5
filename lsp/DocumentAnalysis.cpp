#include "lsp/DocumentAnalysis.h"

#include <algorithm>

#include "engine/Linter.h"
#include "engine/read/HtmlGuard.h"
#include "engine/text/Utf8.h"

namespace gklint::lsp {
namespace {

// A span of an HTML page's linted text as a span of the page: from the place of its first
// character to just after the place of its last.
ByteSpan spanInPage(const Source& linted, ByteSpan span) {
  const OriginMap& origin = *linted.origin();
  const std::string_view text = linted.text();
  const std::string& page = origin.originalText();
  const uint32_t begin = origin.placeOf(text, span.begin).offset;
  if (span.end <= span.begin) return {begin, begin};
  uint32_t last = span.end - 1;
  while (last > span.begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  uint32_t end = origin.placeOf(text, last).offset;
  if (end < page.size()) {
    size_t at = end;
    utf8::next(page, at);
    end = static_cast<uint32_t>(at);
  }
  return {begin, std::max(begin, end)};
}

std::vector<Finding> findingsInPage(std::vector<Finding> findings, const Source& linted) {
  for (Finding& f : findings) {
    f.span = spanInPage(linted, f.span);
    for (RelatedSpan& r : f.related) r.span = spanInPage(linted, r.span);
    f.fix.reset();  // fixes edit text; a page is not its text
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.span.begin < b.span.begin; });
  return findings;
}

}  // namespace

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
  if (snapshot.format == DocumentFormat::Html) {
    analysis->hazard = findHtmlHazard(snapshot.source->text());
    if (analysis->hazard) return analysis;
    analysis->linted = htmlSource(snapshot.source->path(), std::string(snapshot.source->text()), snapshot.source->encoding());
  }
  const Source& source = analysis->linted ? *analysis->linted : *snapshot.source;
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
  if (analysis->linted) analysis->findings = findingsInPage(std::move(analysis->findings), *analysis->linted);
  return analysis;
}

}  // namespace gklint::lsp
