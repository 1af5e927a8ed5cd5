// GithubReporter: GitHub Actions workflow commands, one line per finding —
// "::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message" — so that the
// runner turns them into annotations on the pull request's diff. Values are escaped as the
// runner unescapes them (actions/toolkit, command.ts): in the message % CR LF; in properties
// also ':' and ','. Columns are code points, as in the text output.
#include <ostream>

#include "cli/DisplayPath.h"
#include "cli/Reporter.h"

namespace gklint::cli {
namespace {

const char* commandName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "warning";
}

std::string escapeData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escapeProperty(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  void file(const FileReport& report) override {
    const std::string file = "file=" + escapeProperty(displayPath(report.path));
    if (!report.error.empty()) {
      out_ << "::error " << file << ",title=" << escapeProperty("gklint: unreadable") << "::" << escapeData(report.error)
           << "\n";
      return;
    }
    for (const std::string& warning : report.warnings) {
      out_ << "::warning " << file << ",title=gklint::" << escapeData(warning) << "\n";
    }
    for (const std::string& note : report.notes) err_ << displayPath(report.path) << ": " << note << "\n";
    for (const ReportedFinding& f : report.findings) {
      out_ << "::" << commandName(f.severity) << " " << file << ",line=" << f.line << ",col=" << f.column
           << ",endLine=" << f.endLine << ",endColumn=" << f.endColumn << ",title=" << escapeProperty(f.rule)
           << "::" << escapeData(f.message) << "\n";
    }
  }

  void end(const Totals& t) override {
    err_ << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos << " info in " << t.files
         << " file(s)";
    if (t.failedFiles > 0) err_ << "; " << t.failedFiles << " file(s) could not be read";
    err_ << "\n";
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
};

}  // namespace

std::unique_ptr<Reporter> makeGithubReporter(std::ostream& out, std::ostream& err) {
  return std::make_unique<GithubReporter>(out, err);
}

}  // namespace gklint::cli
