#include "engine/Analyzer.h"

#include <algorithm>

#include "engine/Linter.h"
#include "engine/read/DocxReader.h"
#include "engine/read/HtmlCharset.h"
#include "engine/read/HtmlGuard.h"
#include "engine/read/HtmlReader.h"
#include "engine/read/MarkdownGuard.h"
#include "engine/read/MarkdownReader.h"
#include "engine/read/PdfReader.h"
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
  if (ext == "html" || ext == "htm") return DocumentFormat::Html;
  if (ext == "pdf") return DocumentFormat::Pdf;
  if (ext == "docx" || ext == "doc") return DocumentFormat::Docx;  // .doc: read only to say "save as .docx"
  return std::nullopt;
}

std::unique_ptr<Source> htmlSource(std::string path, std::string page, Encoding encoding, std::string* body) {
  HtmlText read = readHtml(std::move(page));
  if (body) *body = std::move(read.body);
  return std::make_unique<Source>(std::move(path), std::move(read.text), encoding, std::move(read.origin));
}

Document readDocument(const Source& source, DocumentFormat format, const RuleSet& rules, const AnalyzeOptions& options) {
  // HTML (and the other formats whose reader builds the linted text) read as the text they give.
  ReadResult read = format == DocumentFormat::Markdown ? readMarkdown(source.text()) : readText(source.text(), source.lines());
  if (format == DocumentFormat::Docx && options.docxHeadings) markDocxHeadings(read, *options.docxHeadings);
  StructureOptions structure;
  structure.yearOverride = options.year;
  Document doc = buildDocument(source, format, std::move(read), rules.outline, structure);
  bindTables(doc, rules.templates);
  doc.previous = options.previous;
  doc.publishDate = options.publishDate;
  if (options.config) doc.publishDeadlines = options.config->publishDeadlines;
  return doc;
}

namespace {

// Reads, structures and lints the Source an analysis now holds (every format ends here).
void readAndLint(Analysis& analysis, DocumentFormat format, const RuleSet& rules, const AnalyzeOptions& options) {
  analysis.document = readDocument(*analysis.source, format, rules, options);
  analysis.findings = lintDocument(*analysis.document, rules, options.config,
                                   effectiveFindingCap(options.config, options.maxFindingsPerRule));
}

// A .docx is a zip package, not text: its reader builds the linted text and where it came from.
Analysis analyzeDocx(std::string path, std::string_view bytes, const RuleSet& rules, const AnalyzeOptions& options) {
  Analysis analysis;
  DocxRead read = readDocx(bytes);
  if (!read.ok()) {
    analysis.error = std::move(read.error);
    return analysis;
  }
  analysis.source = std::make_unique<Source>(std::move(path), std::move(read.text), Encoding::Utf8, std::move(read.origin));
  AnalyzeOptions withHeadings = options;
  withHeadings.docxHeadings = &read.headings;
  readAndLint(analysis, DocumentFormat::Docx, rules, withHeadings);
  return analysis;
}

// A PDF's text layer, laid out into lines and table rows by its reader.
Analysis analyzePdf(std::string path, std::string_view bytes, const RuleSet& rules, const AnalyzeOptions& options) {
  Analysis analysis;
  PdfReadResult pdf = readPdf(bytes);
  if (!pdf.ok()) {
    analysis.error = std::move(pdf.error);
    return analysis;
  }
  analysis.source = std::make_unique<Source>(std::move(path), std::move(pdf.text), Encoding::Utf8, std::move(pdf.origin));
  readAndLint(analysis, DocumentFormat::Pdf, rules, options);
  return analysis;
}

}  // namespace

Analysis analyzeBytes(std::string path, std::string_view bytes, DocumentFormat format, const RuleSet& rules,
                      const AnalyzeOptions& options) {
  if (format == DocumentFormat::Pdf) return analyzePdf(std::move(path), bytes, rules, options);
  if (format == DocumentFormat::Docx) return analyzeDocx(std::move(path), bytes, rules, options);
  Analysis analysis;
  const EncodingChoice encoding =
      format == DocumentFormat::Html ? htmlEncodingChoice(bytes, options.encoding) : options.encoding;
  DecodeResult decoded = decodeBytes(bytes, encoding);
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
  if (format == DocumentFormat::Html) {
    if (auto hazard = findHtmlHazard(decoded.text)) {
      analysis.error = hazard->message;
      analysis.errorOffset = hazard->offset;
      return analysis;
    }
    analysis.source = htmlSource(std::move(path), std::move(decoded.text), decoded.encoding, &analysis.body);
  } else {
    analysis.source = std::make_unique<Source>(std::move(path), std::move(decoded.text), decoded.encoding);
  }
  readAndLint(analysis, format, rules, options);
  return analysis;
}

}  // namespace gklint
