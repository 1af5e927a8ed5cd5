// RuleInfo: the keys every rule has, whatever its check kind (id, severity, message, …).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/Document.h"
#include "engine/rules/RuleDiagnostic.h"
#include "engine/rules/Severity.h"

namespace gklint {

// When a rule applies to a document; every given condition must hold. A report of the old
// format (old-2007, years up to 2018) is seen only by rules whose templates name old-2007.
struct Applicability {
  std::vector<TemplateId> templates;      // empty: any
  int minYear = 0;                        // 0: no bound
  int maxYear = 0;                        // 0: no bound
  std::vector<DocumentFormat> formats;    // empty: any
  std::optional<OrganKind> organ;

  bool matches(const Document& doc) const;
};

// An example inside a rule file (`tests:`): a report snippet or file that must make the
// rule fire (`invalid`) or keep it silent (`valid`). Run by `gklint rules test`; shown in the
// generated rule docs.
struct RuleExample {
  bool shouldFire = true;
  std::string text;                 // the snippet, or empty when `file` is given
  std::string file;                 // a report path relative to the rule file's folder
  DocumentFormat format = DocumentFormat::Text;
  std::optional<int> count;         // with shouldFire: exactly this many findings
  std::string previous;             // last year's report (a path like `file`), for carry-over rules
  std::string published;            // the publish date YYYY-MM-DD, for publish-deadline rules
  SourceMark mark;
};

struct RuleInfo {
  std::string id;           // category/kebab-name, stable forever
  std::string kind;         // the check kind that implements it
  Severity severity = Severity::Warning;
  std::string summary;      // one line, for `rules list`
  std::string message;      // finding message with {placeholders} the kind fills
  std::string description;  // rationale, for `explain` and the rule docs
  std::string source;       // legal source: 条例 article, 30号/60号 template, or "convention"
  Applicability applies;
  std::vector<RuleExample> examples;
  SourceMark mark;          // where the rule is defined
};

}  // namespace gklint
