#include "engine/Analyzer.h"

#include <algorithm>

#include "engine/lint/Linter.h"
#include "engine/read/MarkdownGuard.h"
#include "engine/read/MarkdownReader.h"
#include "engine/read/TextReader.h"
#include "engine/structure/StructureBuilder.h"
#include "engine/tables/TableBinder.h"

namespace gklint {

std::optional<DocumentFormat> formatFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "txt" || ext == "text") return DocumentFormat::Text;
  if (ext == "md" || ext == "markdown") return DocumentFormat::Markdown;
  return std::nullopt;
}

Document readDocument(const Source& source, DocumentFormat format, const RuleSet& rules, const AnalyzeOptions& options) {
  ReadResult read = format == DocumentFormat::Markdown ? readMarkdown(source.text()) : readText(source.text(), source.lines());
  StructureOptions structure;
  structure.yearOverride = options.year;
  Document doc = buildDocument(source, format, std::move(read), rules.outline, structure);
  bindTables(doc, rules.templates);
  doc.previous = options.previous;
  doc.publishDate = options.publishDate;
  if (options.config) doc.publishDeadlines = options.config->publishDeadlines;
  return doc;
}

Analysis analyzeBytes(std::string path, std::string_view bytes, DocumentFormat format, const RuleSet& rules,
                      const AnalyzeOptions& options) {
  Analysis analysis;
  DecodeResult decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) {
    analysis.error = std::move(decoded.error);
    analysis.errorOffset = decoded.errorOffset;
    return analysis;
  }
  if (format == DocumentFormat::Markdown) {
    if (auto hazard = findMarkdownHazard(decoded.text)) {
      analysis.error = hazard->message;
      analysis.errorOffset = hazard->offset;
      return analysis;
    }
  }
  analysis.source = std::make_unique<Source>(std::move(path), std::move(decoded.text), decoded.encoding);
  analysis.document = readDocument(*analysis.source, format, rules, options);
  analysis.findings = lintDocument(*analysis.document, rules, options.config,
                                   effectiveFindingCap(options.config, options.maxFindingsPerRule));
  return analysis;
}

}  // namespace gklint
