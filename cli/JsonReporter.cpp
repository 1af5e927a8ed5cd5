// JsonReporter: {"files":[{"path","year","template","findings":[…]}],"summary":{…}}, streamed
// file by file.
#include <nlohmann/json.hpp>

#include <ostream>

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

json findingJson(const ReportedFinding& f) {
  json j = {{"rule", f.rule},         {"severity", severityName(f.severity)}, {"message", f.message},
            {"line", f.line},         {"column", f.column},                  {"endLine", f.endLine},
            {"endColumn", f.endColumn}};
  if (!f.location.hasFileLines()) j["location"] = locationJson(f.location);
  if (f.fixTitle) {
    json edits = json::array();
    for (const ReportedEdit& e : f.fixEdits) {
      edits.push_back({{"line", e.line},
                       {"column", e.column},
                       {"endLine", e.endLine},
                       {"endColumn", e.endColumn},
                       {"replacement", e.replacement}});
    }
    j["fix"] = {{"title", *f.fixTitle}, {"safe", f.fixSafe}, {"edits", edits}};
  }
  if (!f.related.empty()) {
    json related = json::array();
    for (const ReportedRelated& r : f.related) {
      json place = {{"line", r.line},
                    {"column", r.column},
                    {"endLine", r.endLine},
                    {"endColumn", r.endColumn},
                    {"message", r.message}};
      if (!r.location.hasFileLines()) place["location"] = locationJson(r.location);
      related.push_back(std::move(place));
    }
    j["related"] = std::move(related);
  }
  return j;
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void begin() override { out_ << "{\"files\":["; }

  void file(const FileReport& report) override {
    json j = {{"path", report.path}};
    if (!report.error.empty()) {
      j["error"] = report.error;
    } else {
      j["year"] = report.year > 0 ? json(report.year) : json(nullptr);
      j["template"] = report.templateName;
      j["encoding"] = report.encoding;
      if (!report.format.empty()) j["format"] = report.format;
      if (!report.body.empty()) j["body"] = report.body;
      json findings = json::array();
      for (const ReportedFinding& f : report.findings) findings.push_back(findingJson(f));
      j["findings"] = std::move(findings);
      if (!report.notes.empty()) j["notes"] = report.notes;
      if (!report.warnings.empty()) j["warnings"] = report.warnings;
    }
    out_ << (first_ ? "" : ",") << j.dump(-1, ' ', false, json::error_handler_t::replace);
    first_ = false;
  }

  void end(const Totals& t) override {
    json summary = {{"files", t.files},     {"errors", t.errors},           {"warnings", t.warnings},
                    {"info", t.infos},      {"unreadable", t.failedFiles}};
    out_ << "],\"summary\":" << summary.dump() << "}\n";
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out) { return std::make_unique<JsonReporter>(out); }

}  // namespace gklint::cli
