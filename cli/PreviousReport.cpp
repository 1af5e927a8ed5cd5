#include "cli/PreviousReport.h"

#include "cli/ReportFile.h"

namespace gklint::cli {

std::optional<PreviousReport> readPreviousReport(const std::string& path, const LoadedConfig& loaded, uint64_t maxBytes,
                                                 std::string& error) {
  const auto format = formatFromPath(path);
  std::string bytes, readError;
  if (!format) {
    error = "cannot read the previous year's report (use a .txt or .md file)";
    return std::nullopt;
  }
  if (!readReportFile(path, maxBytes, bytes, readError)) {
    error = "cannot read the previous year's report: " + readError;
    return std::nullopt;
  }
  AnalyzeOptions analyze;
  analyze.config = loaded.fromFile ? &loaded.config : nullptr;
  PreviousReport previous{path, analyzeBytes(path, bytes, *format, *loaded.rules, analyze)};
  if (!previous.analysis.ok()) {
    error = previous.analysis.error;
    return std::nullopt;
  }
  return previous;
}

std::optional<std::string> previousReportMismatch(const Document& current, const PreviousReport& previous) {
  const Document& before = previous.document();
  const std::string organ = current.title ? current.title->organ : "";
  const std::string organBefore = before.title ? before.title->organ : "";
  if (!organ.empty() && !organBefore.empty() && organ != organBefore) {
    return "carry-over not checked: --previous " + previous.path + " is the report of " + organBefore + ", not of " +
           organ;
  }
  if (current.year > 0 && before.year > 0 && before.year != current.year - 1) {
    return "carry-over not checked: --previous " + previous.path + " is a " + std::to_string(before.year) +
           " report; a " + std::to_string(current.year) + " report carries over from " +
           std::to_string(current.year - 1);
  }
  return std::nullopt;
}

}  // namespace gklint::cli
