// JunitReporter: JUnit XML for CI test views — one <testsuite> per report, one <testcase> per
// rule that ran on it, a <failure> per finding at or above --fail-on (findings below it are
// listed in the test case's <system-out>); a report that could not be read is a suite with
// one <error>. Streamed suite by suite.
#include <algorithm>
#include <ostream>
#include <string_view>

#include "cli/Reporter.h"

namespace gklint::cli {
namespace {

// Text for XML character data and attribute values. Characters XML 1.0 cannot hold (control
// characters other than tab and line ends) become U+FFFD.
std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* replacement = nullptr;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\'': replacement = "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') replacement = "\xEF\xBF\xBD";
    }
    if (replacement == nullptr) continue;
    out.append(text.data() + run, i - run);
    out += replacement;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

// "path:line:col: severity: message [rule]", the text reporter's line.
std::string findingLine(const std::string& path, const ReportedFinding& f) {
  return path + ":" + f.place() + ": " +
         std::string(severityName(f.severity)) + ": " + f.message + " [" + f.rule + "]";
}

class JunitReporter final : public Reporter {
 public:
  JunitReporter(std::ostream& out, std::optional<Severity> failOn) : out_(out), failOn_(failOn) {}

  void begin() override { out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gklint\">\n"; }

  void file(const FileReport& report) override {
    const std::string path = xmlEscape(report.path);
    if (!report.error.empty()) {
      out_ << "  <testsuite name=\"" << path << "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
           << "    <testcase name=\"read\" classname=\"" << path << "\">\n"
           << "      <error message=\"" << xmlEscape(report.error) << "\" type=\"unreadable\"/>\n"
           << "    </testcase>\n  </testsuite>\n";
      return;
    }
    // Test cases: the rules that ran, plus any rule with a finding (waiver audits come from the CLI).
    std::vector<std::string> rules = report.rulesRun;
    for (const ReportedFinding& f : report.findings) {
      if (std::find(rules.begin(), rules.end(), f.rule) == rules.end()) rules.push_back(f.rule);
    }
    std::sort(rules.begin(), rules.end());
    size_t failures = 0;
    for (const ReportedFinding& f : report.findings) failures += fails(f.severity);
    out_ << "  <testsuite name=\"" << path << "\" tests=\"" << rules.size() << "\" failures=\"" << failures
         << "\" errors=\"0\" skipped=\"0\">\n";
    for (const std::string& rule : rules) {
      std::string failureXml, belowThreshold;
      for (const ReportedFinding& f : report.findings) {
        if (f.rule != rule) continue;
        if (fails(f.severity)) {
          failureXml += "      <failure message=\"" + xmlEscape(f.message) + "\" type=\"" +
                        std::string(severityName(f.severity)) + "\">" + xmlEscape(findingLine(report.path, f)) +
                        "</failure>\n";
        } else {
          belowThreshold += xmlEscape(findingLine(report.path, f)) + "\n";
        }
      }
      out_ << "    <testcase name=\"" << xmlEscape(rule) << "\" classname=\"" << path << "\"";
      if (failureXml.empty() && belowThreshold.empty()) {
        out_ << "/>\n";
        continue;
      }
      out_ << ">\n" << failureXml;
      if (!belowThreshold.empty()) out_ << "      <system-out>" << belowThreshold << "</system-out>\n";
      out_ << "    </testcase>\n";
    }
    if (!report.warnings.empty() || !report.notes.empty()) {
      out_ << "    <system-err>";
      for (const std::string& w : report.warnings) out_ << xmlEscape(report.path + ": warning: " + w) << "\n";
      for (const std::string& n : report.notes) out_ << xmlEscape(report.path + ": " + n) << "\n";
      out_ << "</system-err>\n";
    }
    out_ << "  </testsuite>\n";
  }

  void end(const Totals&) override { out_ << "</testsuites>\n"; }

 private:
  bool fails(Severity s) const { return failOn_ && s >= *failOn_; }

  std::ostream& out_;
  std::optional<Severity> failOn_;
};

}  // namespace

std::unique_ptr<Reporter> makeJunitReporter(std::ostream& out, std::optional<Severity> failOn) {
  return std::make_unique<JunitReporter>(out, failOn);
}

}  // namespace gklint::cli
