// Reporter: writes lint results in one output format; one implementation per format.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/FileReport.h"
#include "cli/Version.h"
#include "engine/rules/RuleInfo.h"

namespace gklint::cli {

struct Totals {
  int files = 0, errors = 0, warnings = 0, infos = 0, failedFiles = 0;
};

// Called as begin(), file() once per file in input order, end(). Files arrive as they are
// linted, so a reporter must not keep the reports themselves; the HTML page, which opens with
// the totals, keeps only a summary row and the rendered findings of each.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() {}
  virtual void file(const FileReport& report) = 0;
  virtual void end(const Totals& totals) = 0;
};

struct ReporterOptions {
  bool color = false;                   // text: ANSI colours
  std::vector<const RuleInfo*> rules;   // sarif: every rule the run may report, sorted by id
  std::optional<Severity> failOn;       // junit, html: findings at or above are failures; none: never
  std::string title;                    // html: a line under the heading (e.g. which batch), also in <title>
  // html: built-in rule ids link to documentationUri + "docs/rules/<id>.md"; empty: plain ids.
  std::string documentationUri = kDocumentationUri;
};

// Whether `format` names a reporter: text, json, sarif, junit, html, github, gitlab.
bool isReportFormat(std::string_view format);

// "text", "json", "sarif" (SARIF 2.1.0), "junit" (JUnit XML), "html" (one self-contained page
// for a batch), "github" (GitHub Actions workflow commands) or "gitlab" (GitLab Code Quality
// JSON); null for an unknown name.
std::unique_ptr<Reporter> makeReporter(std::string_view format, std::ostream& out, std::ostream& err,
                                       const ReporterOptions& options);

}  // namespace gklint::cli
