// TextReporter: "path:line:col: severity: message [rule-id]", coloured on a terminal.
#include <ostream>

#include "cli/Reporter.h"

namespace gklint::cli {
namespace {

const char* severityColor(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    case Severity::Info: return "\033[1;36m";
  }
  return "";
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, std::ostream& err, bool color) : out_(out), err_(err), color_(color) {}

  void file(const FileReport& report) override {
    if (!report.error.empty()) {
      err_ << paint("\033[1m", report.path) << ": " << paint("\033[1;31m", "error") << ": " << report.error << "\n";
      return;
    }
    for (const std::string& warning : report.warnings) {
      err_ << paint("\033[1m", report.path) << ": " << paint("\033[1;33m", "warning") << ": " << warning << "\n";
    }
    for (const std::string& note : report.notes) err_ << paint("\033[1m", report.path) << ": " << note << "\n";
    for (const ReportedFinding& f : report.findings) {
      out_ << paint("\033[1m", report.path + ":" + f.place()) << ": "
           << paint(severityColor(f.severity), std::string(severityName(f.severity))) << ": " << f.message << " "
           << paint("\033[2m", "[" + f.rule + "]") << "\n";
    }
  }

  void end(const Totals& t) override {
    err_ << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos << " info in " << t.files
         << " file(s)";
    if (t.failedFiles > 0) err_ << "; " << t.failedFiles << " file(s) could not be read";
    err_ << "\n";
  }

 private:
  std::string paint(const char* code, const std::string& s) const {
    return color_ ? std::string(code) + s + "\033[0m" : s;
  }

  std::ostream& out_;
  std::ostream& err_;
  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> makeTextReporter(std::ostream& out, std::ostream& err, bool color) {
  return std::make_unique<TextReporter>(out, err, color);
}

}  // namespace gklint::cli
