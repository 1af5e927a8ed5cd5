// Analyzer: the whole pipeline for one report — decode, read, structure, lint.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/config/Config.h"
#include "engine/lint/Finding.h"
#include "engine/model/Document.h"
#include "engine/read/DocxReader.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/text/Decoder.h"

namespace gklint {

struct AnalyzeOptions {
  EncodingChoice encoding = EncodingChoice::Auto;
  std::optional<int> year;            // overrides the detected reporting year
  const Document* previous = nullptr; // last year's report of the same body, for arith/carry-over
  const Config* config = nullptr;     // severities and rules turned off; null: the rules as loaded
  std::string publishDate;            // YYYY-MM-DD the report is published (publish/late)
  const std::vector<DocxHeadingLine>* docxHeadings = nullptr;  // set by the .docx path: heading-styled lines
  // Findings kept per rule (0: all); nothing: the config's max_findings_per_rule, else 1,000.
  std::optional<size_t> maxFindingsPerRule;
};

// The format a path's extension names (.txt, .md, .markdown, .html, .htm, .docx, .pdf; .doc too,
// so that its reader can say "save as .docx"), or nothing.
std::optional<DocumentFormat> formatFromPath(std::string_view path);

struct Analysis {
  std::unique_ptr<Source> source;    // null when decoding failed
  std::optional<Document> document;  // refers to *source
  std::vector<Finding> findings;
  std::string body;                  // HTML: the element read as the report body ("body > div#zoom")
  std::string error;                 // decoding or reading error: what is wrong and what to do
  uint64_t errorOffset = 0;          // byte offset of the decoding error in the input

  bool ok() const { return error.empty(); }
};

// Runs the pipeline on `bytes`. Never throws for bad input: a decoding problem comes back in
// Analysis::error. Thread-safe for distinct calls sharing one RuleSet.
Analysis analyzeBytes(std::string path, std::string_view bytes, DocumentFormat format, const RuleSet& rules,
                      const AnalyzeOptions& options = {});

// An HTML page's linted text as a Source whose origin() maps it back into `page` (decoded
// UTF-8); `body` gets the element read as the report body. See engine/read/HtmlReader.h.
std::unique_ptr<Source> htmlSource(std::string path, std::string page, Encoding encoding, std::string* body = nullptr);

// Reads and structures already-decoded text (the LSP's open documents, benchmarks, tests).
Document readDocument(const Source& source, DocumentFormat format, const RuleSet& rules,
                      const AnalyzeOptions& options = {});

}  // namespace gklint
