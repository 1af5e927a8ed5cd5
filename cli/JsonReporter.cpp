// JsonReporter: {"files":[{"path","year","template","findings":[…]}],"summary":{…}}, streamed
// file by file.
#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "cli/JsonText.h"
#include "cli/Reporter.h"

namespace gklint::cli {
namespace {

using nlohmann::json;

// Where a finding is in a file without lines of its own: {"paragraph":12,"character":5,
// "text":"¶12:5"}, {"table":3,"row":5,"column":2,"character":1,"text":"表3:行5:列2"},
// {"page":3,"line":12,"column":5,"text":"p3:12:5"}. Null for .txt/.md/.html, whose line and
// column are the file's.
json locationJson(const ReportedLocation& l) {
  json out;
  switch (l.kind) {
    case ReportedLocation::Kind::Line: return nullptr;
    case ReportedLocation::Kind::Paragraph: out = {{"paragraph", l.paragraph}, {"character", l.character}}; break;
    case ReportedLocation::Kind::TableCell:
      out = {{"table", l.table}, {"row", l.row}, {"column", l.cell}, {"character", l.character}};
      break;
    case ReportedLocation::Kind::PageLine: out = {{"page", l.page}, {"line", l.line}, {"column", l.column}}; break;
  }
  out["text"] = l.text();
  return out;
}

// Every object's keys in the order nlohmann::json (std::map) sorts them, so that the output is
// what json::dump() wrote before, at a fraction of the cost (no tree is built per finding).
void appendSpan(std::string& out, int line, int column, int endLine, int endColumn) {
  out += "\"column\":";
  appendJsonInt(out, column);
  out += ",\"endColumn\":";
  appendJsonInt(out, endColumn);
  out += ",\"endLine\":";
  appendJsonInt(out, endLine);
  out += ",\"line\":";
  appendJsonInt(out, line);
}

// ,"location":{…} where the file has no lines of its own (Word, PDF); nothing otherwise.
void appendLocation(std::string& out, const ReportedLocation& l) {
  if (l.hasFileLines()) return;
  out += ",\"location\":";
  out += locationJson(l).dump(-1, ' ', false, json::error_handler_t::replace);
}

void appendStrings(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    appendJsonString(out, items[i]);
  }
  out += ']';
}

void appendFinding(std::string& out, const ReportedFinding& f) {
  out += "{\"column\":";
  appendJsonInt(out, f.column);
  out += ",\"endColumn\":";
  appendJsonInt(out, f.endColumn);
  out += ",\"endLine\":";
  appendJsonInt(out, f.endLine);
  if (f.fixTitle) {
    out += ",\"fix\":{\"edits\":[";
    for (size_t i = 0; i < f.fixEdits.size(); ++i) {
      const ReportedEdit& e = f.fixEdits[i];
      out += i > 0 ? ",{" : "{";
      appendSpan(out, e.line, e.column, e.endLine, e.endColumn);
      out += ",\"replacement\":";
      appendJsonString(out, e.replacement);
      out += '}';
    }
    out += f.fixSafe ? "],\"safe\":true,\"title\":" : "],\"safe\":false,\"title\":";
    appendJsonString(out, *f.fixTitle);
    out += '}';
  }
  out += ",\"line\":";
  appendJsonInt(out, f.line);
  appendLocation(out, f.location);
  out += ",\"message\":";
  appendJsonString(out, f.message);
  if (!f.related.empty()) {
    out += ",\"related\":[";
    for (size_t i = 0; i < f.related.size(); ++i) {
      const ReportedRelated& r = f.related[i];
      out += i > 0 ? ",{" : "{";
      appendSpan(out, r.line, r.column, r.endLine, r.endColumn);
      appendLocation(out, r.location);
      out += ",\"message\":";
      appendJsonString(out, r.message);
      out += '}';
    }
    out += ']';
  }
  out += ",\"rule\":";
  appendJsonString(out, f.rule);
  out += ",\"severity\":";
  appendJsonString(out, severityName(f.severity));
  out += '}';
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void begin() override { out_ << "{\"files\":["; }

  void file(const FileReport& report) override {
    std::string& out = buffer_;
    out.clear();
    if (!first_) out += ',';
    first_ = false;
    if (!report.error.empty()) {
      out += "{\"error\":";
      appendJsonString(out, report.error);
      out += ",\"path\":";
      appendJsonString(out, report.path);
      out += '}';
      out_ << out;
      return;
    }
    out += '{';
    if (!report.body.empty()) {
      out += "\"body\":";
      appendJsonString(out, report.body);
      out += ',';
    }
    out += "\"encoding\":";
    appendJsonString(out, report.encoding);
    out += ",\"findings\":[";
    for (size_t i = 0; i < report.findings.size(); ++i) {
      if (i > 0) out += ',';
      appendFinding(out, report.findings[i]);
    }
    out += ']';
    if (!report.format.empty()) {
      out += ",\"format\":";
      appendJsonString(out, report.format);
    }
    if (!report.notes.empty()) {
      out += ",\"notes\":";
      appendStrings(out, report.notes);
    }
    out += ",\"path\":";
    appendJsonString(out, report.path);
    out += ",\"template\":";
    appendJsonString(out, report.templateName);
    if (!report.warnings.empty()) {
      out += ",\"warnings\":";
      appendStrings(out, report.warnings);
    }
    out += ",\"year\":";
    if (report.year > 0) appendJsonInt(out, report.year);
    else out += "null";
    out += '}';
    out_ << out;
  }

  void end(const Totals& t) override {
    json summary = {{"files", t.files},     {"errors", t.errors},           {"warnings", t.warnings},
                    {"info", t.infos},      {"unreadable", t.failedFiles}};
    out_ << "],\"summary\":" << summary.dump() << "}\n";
  }

 private:
  std::ostream& out_;
  std::string buffer_;  // one file's JSON, reused
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out) { return std::make_unique<JsonReporter>(out); }

}  // namespace gklint::cli
