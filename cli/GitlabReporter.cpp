// GitlabReporter: a GitLab Code Quality report (a JSON array of issues: description,
// check_name, fingerprint, severity, location.path + location.lines.begin), for the merge
// request widget (artifacts:reports:codequality).
//
// The fingerprint is how GitLab tells a finding that is new from one that was already there,
// so it must stay the same across runs for the same finding: SHA-256 of the path, the rule,
// the message, the finding's own text, and how many identical findings came before it in the
// file — never its line or column, so an edit above it does not make it "new"; and with every
// run of digits in the message and the text written as one '#', so that a sum that is still
// wrong after a number changed ("合计 21 ≠ 27" → "合计 22 ≠ 27") is still the same finding.
// Severities: unreadable file → critical, error → major, warning → minor, info → info.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <ostream>
#include <tuple>

#include "cli/DisplayPath.h"
#include "cli/Reporter.h"
#include "cli/Sha256.h"

namespace gklint::cli {
namespace {

using nlohmann::json;

const char* codeQualitySeverity(Severity s) {
  switch (s) {
    case Severity::Error: return "major";
    case Severity::Warning: return "minor";
    case Severity::Info: return "info";
  }
  return "minor";
}

// `text` with each run of digits (ASCII or full-width ０-９) as one '#'.
std::string withoutNumbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool inNumber = false;
  for (size_t i = 0; i < text.size();) {
    size_t width = 0;
    if (text[i] >= '0' && text[i] <= '9') width = 1;
    // U+FF10..U+FF19: EF BC 90..99
    else if (text.compare(i, 2, "\xEF\xBC") == 0 && i + 2 < text.size() &&
             static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) width = 3;
    if (width > 0) {
      if (!inNumber) out += '#';
      inNumber = true;
      i += width;
    } else {
      out += text[i++];
      inNumber = false;
    }
  }
  return out;
}

std::string fingerprint(const std::string& path, const std::string& rule, const std::string& message,
                        const std::string& excerpt, int occurrence) {
  std::string key = path;
  for (const std::string& part : {rule, withoutNumbers(message), withoutNumbers(excerpt)}) {
    key += '\0';
    key += part;
  }
  key += '\0';
  key += std::to_string(occurrence);
  return sha256Hex(key);
}

class GitlabReporter final : public Reporter {
 public:
  GitlabReporter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  void begin() override { out_ << "["; }

  void file(const FileReport& report) override {
    const std::string path = displayPath(report.path);
    if (!report.error.empty()) {
      write({{"type", "issue"},
             {"check_name", "gklint/unreadable"},
             {"description", report.error},
             {"fingerprint", fingerprint(path, "gklint/unreadable", "", "", 0)},
             {"severity", "critical"},
             {"location", {{"path", path}, {"lines", {{"begin", 1}}}}}});
      return;
    }
    for (const std::string& warning : report.warnings) err_ << path << ": warning: " << warning << "\n";
    for (const std::string& note : report.notes) err_ << path << ": " << note << "\n";
    std::map<std::tuple<std::string_view, std::string, std::string>, int> seen;
    for (const ReportedFinding& f : report.findings) {
      const int occurrence = seen[{f.rule, withoutNumbers(f.message), withoutNumbers(f.excerpt)}]++;
      write({{"type", "issue"},
             {"check_name", f.rule},
             {"description", f.message},
             {"fingerprint", fingerprint(path, f.rule, f.message, f.excerpt, occurrence)},
             {"severity", codeQualitySeverity(f.severity)},
             {"location", {{"path", path}, {"lines", {{"begin", f.line}, {"end", f.endLine}}}}}});
    }
  }

  void end(const Totals& t) override {
    out_ << (first_ ? "]\n" : "\n]\n");
    err_ << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos << " info in " << t.files
         << " file(s)";
    if (t.failedFiles > 0) err_ << "; " << t.failedFiles << " file(s) could not be read";
    err_ << "\n";
  }

 private:
  void write(const json& issue) {
    out_ << (first_ ? "\n" : ",\n") << issue.dump(-1, ' ', false, json::error_handler_t::replace);
    first_ = false;
  }

  std::ostream& out_;
  std::ostream& err_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeGitlabReporter(std::ostream& out, std::ostream& err) {
  return std::make_unique<GitlabReporter>(out, err);
}

}  // namespace gklint::cli
