#include "cli/Reporter.h"

namespace gklint::cli {

std::unique_ptr<Reporter> makeTextReporter(std::ostream& out, std::ostream& err, bool color);
std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out);
std::unique_ptr<Reporter> makeSarifReporter(std::ostream& out, std::vector<const RuleInfo*> rules);
std::unique_ptr<Reporter> makeJunitReporter(std::ostream& out, std::optional<Severity> failOn);
std::unique_ptr<Reporter> makeHtmlReporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> makeGithubReporter(std::ostream& out, std::ostream& err);
std::unique_ptr<Reporter> makeGitlabReporter(std::ostream& out, std::ostream& err);

bool isReportFormat(std::string_view format) {
  return format == "text" || format == "json" || format == "sarif" || format == "junit" || format == "html" ||
         format == "github" || format == "gitlab";
}

std::unique_ptr<Reporter> makeReporter(std::string_view format, std::ostream& out, std::ostream& err,
                                       const ReporterOptions& options) {
  if (format == "text") return makeTextReporter(out, err, options.color);
  if (format == "json") return makeJsonReporter(out);
  if (format == "sarif") return makeSarifReporter(out, options.rules);
  if (format == "junit") return makeJunitReporter(out, options.failOn);
  if (format == "html") return makeHtmlReporter(out, options);
  if (format == "github") return makeGithubReporter(out, err);
  if (format == "gitlab") return makeGitlabReporter(out, err);
  return nullptr;
}

}  // namespace gklint::cli
