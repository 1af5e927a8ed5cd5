// SarifReporter: SARIF 2.1.0 (OASIS) for code-scanning services — one run, the rules in
// tool.driver.rules, one result per finding with its region in code points, related
// locations and fixes; files that could not be read as tool execution notifications.
// Streamed: the run is opened in begin(), results are written file by file.
#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <map>
#include <ostream>

#include "cli/DisplayPath.h"
#include "cli/Reporter.h"
#include "cli/Version.h"

namespace gklint::cli {
namespace {

using nlohmann::json;

constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSourceRoot = "%SRCROOT%";

const char* sarifLevel(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

// RFC 3986: every byte but the unreserved characters and '/' percent-encoded (file names are
// often Chinese).
std::string percentEncode(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A file under the working folder is named relative to %SRCROOT% (the working folder, given in
// originalUriBaseIds); any other by an absolute file: URI.
json artifactLocation(const std::string& path) {
  const std::string shown = displayPath(path);
  if (!shown.empty() && shown[0] == '/') return {{"uri", "file://" + percentEncode(shown)}};
  return {{"uri", percentEncode(shown)}, {"uriBaseId", kSourceRoot}};
}

// A Word paragraph or cell, a PDF line: a logical location named as the text output names it.
json logicalLocation(const ReportedLocation& l) {
  json properties;
  const char* kind = "";
  switch (l.kind) {
    case ReportedLocation::Kind::Line: return nullptr;
    case ReportedLocation::Kind::Paragraph:
      kind = "paragraph";
      properties = {{"paragraph", l.paragraph}, {"character", l.character}};
      break;
    case ReportedLocation::Kind::TableCell:
      kind = "tableCell";
      properties = {{"table", l.table}, {"row", l.row}, {"column", l.cell}, {"character", l.character}};
      break;
    case ReportedLocation::Kind::PageLine:
      kind = "pageLine";
      properties = {{"page", l.page}, {"line", l.line}, {"column", l.column}};
      break;
  }
  return {{"name", l.text()}, {"fullyQualifiedName", l.text()}, {"kind", kind}, {"properties", properties}};
}

// The physical location of a finding or related place: a region only when the file has lines.
json physical(const json& artifact, const ReportedLocation& location, json region) {
  json out = {{"artifactLocation", artifact}};
  if (location.hasFileLines()) out["region"] = std::move(region);
  return out;
}

json region(int line, int column, int endLine, int endColumn) {
  return {{"startLine", line}, {"startColumn", column}, {"endLine", endLine}, {"endColumn", endColumn}};
}

json ruleDescriptor(const RuleInfo& r) {
  json rule = {{"id", r.id},
               {"shortDescription", {{"text", r.summary}}},
               {"defaultConfiguration", {{"level", sarifLevel(r.severity)}}},
               {"properties", {{"kind", r.kind}}}};
  if (!r.description.empty()) rule["fullDescription"] = {{"text", r.description}};
  if (!r.source.empty()) rule["properties"]["source"] = r.source;
  // Built-in rules have a page under docs/rules/; local rules have none.
  if (hasDocumentationUri() && r.mark.file.rfind("builtin:", 0) == 0) rule["helpUri"] = std::string(kDocumentationUri) + "docs/rules/" + r.id + ".md";
  return rule;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, std::vector<const RuleInfo*> rules) : out_(out), rules_(std::move(rules)) {
    for (size_t i = 0; i < rules_.size(); ++i) ruleIndex_[rules_[i]->id] = static_cast<int>(i);
  }

  void begin() override {
    json driver = {{"name", "gklint"}, {"version", kVersion}};
    if (hasDocumentationUri()) driver["informationUri"] = kDocumentationUri;
    json rules = json::array();
    for (const RuleInfo* r : rules_) rules.push_back(ruleDescriptor(*r));
    driver["rules"] = std::move(rules);
    std::error_code ec;
    std::string root = std::filesystem::current_path(ec).generic_string();
    if (root.empty() || root.back() != '/') root += '/';
    const json head = {{"tool", {{"driver", driver}}},
                       {"columnKind", "unicodeCodePoints"},
                       {"originalUriBaseIds", {{kSourceRoot, {{"uri", "file://" + percentEncode(root)}}}}}};
    const std::string text = dump(head);  // {"columnKind":…,"tool":…}: reopen it for results
    out_ << "{\"$schema\":\"" << kSchemaUri << "\",\"version\":\"2.1.0\",\"runs\":[" << text.substr(0, text.size() - 1)
         << ",\"results\":[";
  }

  void file(const FileReport& report) override {
    if (!report.error.empty()) {
      notifications_.push_back({{"level", "error"},
                                {"message", {{"text", report.error}}},
                                {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifactLocation(report.path)}}}}})}});
      return;
    }
    for (const std::string& warning : report.warnings) {
      notifications_.push_back({{"level", "warning"},
                                {"message", {{"text", warning}}},
                                {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifactLocation(report.path)}}}}})}});
    }
    const json artifact = artifactLocation(report.path);
    for (const ReportedFinding& f : report.findings) {
      json result = {{"ruleId", f.rule},
                     {"level", sarifLevel(f.severity)},
                     {"message", {{"text", f.message}}},
                     {"locations", json::array({{{"physicalLocation",
                                                  physical(artifact, f.location, region(f.line, f.column, f.endLine, f.endColumn))}}})}};
      if (!f.location.hasFileLines()) result["locations"][0]["logicalLocations"] = json::array({logicalLocation(f.location)});
      if (auto it = ruleIndex_.find(f.rule); it != ruleIndex_.end()) result["ruleIndex"] = it->second;
      if (!f.related.empty()) {
        json related = json::array();
        for (size_t i = 0; i < f.related.size(); ++i) {
          const ReportedRelated& r = f.related[i];
          json place = {{"id", static_cast<int>(i) + 1},
                        {"message", {{"text", r.message}}},
                        {"physicalLocation", physical(artifact, r.location, region(r.line, r.column, r.endLine, r.endColumn))}};
          if (!r.location.hasFileLines()) place["logicalLocations"] = json::array({logicalLocation(r.location)});
          related.push_back(std::move(place));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (f.fixTitle) {
        json replacements = json::array();
        for (const ReportedEdit& e : f.fixEdits) {
          replacements.push_back({{"deletedRegion", region(e.line, e.column, e.endLine, e.endColumn)},
                                  {"insertedContent", {{"text", e.replacement}}}});
        }
        result["fixes"] = json::array({{{"description", {{"text", *f.fixTitle}}},
                                        {"artifactChanges", json::array({{{"artifactLocation", artifact},
                                                                          {"replacements", replacements}}})}}});
        if (!f.fixSafe) result["fixes"][0]["properties"] = {{"safe", false}};
      }
      out_ << (first_ ? "" : ",") << dump(result);
      first_ = false;
    }
  }

  void end(const Totals& t) override {
    json invocation = {{"executionSuccessful", t.failedFiles == 0}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    out_ << "],\"invocations\":[" << dump(invocation) << "]}]}\n";
  }

 private:
  static std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

  std::ostream& out_;
  std::vector<const RuleInfo*> rules_;
  std::map<std::string, int> ruleIndex_;
  json notifications_ = json::array();  // unreadable files and run warnings: few, kept to the end
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeSarifReporter(std::ostream& out, std::vector<const RuleInfo*> rules) {
  return std::make_unique<SarifReporter>(out, std::move(rules));
}

}  // namespace gklint::cli
