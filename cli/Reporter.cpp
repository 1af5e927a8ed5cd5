#include "cli/Reporter.h"

namespace gklint::cli {

std::unique_ptr<Reporter> makeTextReporter(std::ostream& out, std::ostream& err, bool color);
std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out);

std::unique_ptr<Reporter> makeReporter(std::string_view format, std::ostream& out, std::ostream& err,
                                       const ReporterOptions& options) {
  if (format == "text") return makeTextReporter(out, err, options.color);
  if (format == "json") return makeJsonReporter(out);
  return nullptr;
}

}  // namespace gklint::cli
