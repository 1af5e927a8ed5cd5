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
#include "cli/JsonText.h"
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

// {"endColumn":…,"endLine":…,"startColumn":…,"startLine":…}, keys in dump()'s sorted order.
void appendRegion(std::string& out, int line, int column, int endLine, int endColumn) {
  out += "{\"endColumn\":";
  appendJsonInt(out, endColumn);
  out += ",\"endLine\":";
  appendJsonInt(out, endLine);
  out += ",\"startColumn\":";
  appendJsonInt(out, column);
  out += ",\"startLine\":";
  appendJsonInt(out, line);
  out += '}';
}

// ,"logicalLocations":[…] (Word, PDF) — nothing where the file has lines of its own.
void appendLogical(std::string& out, const ReportedLocation& l, bool leadingComma) {
  if (l.hasFileLines()) return;
  out += leadingComma ? ",\"logicalLocations\":" : "\"logicalLocations\":";
  out += json::array({logicalLocation(l)}).dump(-1, ' ', false, json::error_handler_t::replace);
  if (!leadingComma) out += ',';
}

// "physicalLocation":{"artifactLocation":…,"region":…}: a region only when the file has lines.
void appendPhysical(std::string& out, const std::string& artifact, const ReportedLocation& l, int line, int column,
                    int endLine, int endColumn) {
  out += "\"physicalLocation\":{\"artifactLocation\":";
  out += artifact;
  if (l.hasFileLines()) {
    out += ",\"region\":";
    appendRegion(out, line, column, endLine, endColumn);
  }
  out += '}';
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
    // Each result is written as dump() wrote its json tree (keys sorted), without building one.
    const std::string artifact = dump(artifactLocation(report.path));
    std::string& out = buffer_;
    out.clear();
    for (const ReportedFinding& f : report.findings) {
      if (!first_) out += ',';
      first_ = false;
      out += '{';
      if (f.fixTitle) {
        out += "\"fixes\":[{\"artifactChanges\":[{\"artifactLocation\":";
        out += artifact;
        out += ",\"replacements\":[";
        for (size_t i = 0; i < f.fixEdits.size(); ++i) {
          const ReportedEdit& e = f.fixEdits[i];
          out += i > 0 ? ",{\"deletedRegion\":" : "{\"deletedRegion\":";
          appendRegion(out, e.line, e.column, e.endLine, e.endColumn);
          out += ",\"insertedContent\":{\"text\":";
          appendJsonString(out, e.replacement);
          out += "}}";
        }
        out += "]}],\"description\":{\"text\":";
        appendJsonString(out, *f.fixTitle);
        out += f.fixSafe ? "}}]," : "},\"properties\":{\"safe\":false}}],";
      }
      out += "\"level\":";
      appendJsonString(out, sarifLevel(f.severity));
      out += ",\"locations\":[{";
      appendLogical(out, f.location, false);
      appendPhysical(out, artifact, f.location, f.line, f.column, f.endLine, f.endColumn);
      out += "}],\"message\":{\"text\":";
      appendJsonString(out, f.message);
      out += '}';
      if (!f.related.empty()) {
        out += ",\"relatedLocations\":[";
        for (size_t i = 0; i < f.related.size(); ++i) {
          const ReportedRelated& r = f.related[i];
          out += i > 0 ? ",{\"id\":" : "{\"id\":";
          appendJsonInt(out, static_cast<long long>(i) + 1);
          appendLogical(out, r.location, true);
          out += ",\"message\":{\"text\":";
          appendJsonString(out, r.message);
          out += "},";
          appendPhysical(out, artifact, r.location, r.line, r.column, r.endLine, r.endColumn);
          out += '}';
        }
        out += ']';
      }
      out += ",\"ruleId\":";
      appendJsonString(out, f.rule);
      if (auto it = ruleIndex_.find(f.rule); it != ruleIndex_.end()) {
        out += ",\"ruleIndex\":";
        appendJsonInt(out, it->second);
      }
      out += '}';
    }
    out_ << out;
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
  std::map<std::string, int, std::less<>> ruleIndex_;
  std::string buffer_;  // one file's results, reused
  json notifications_ = json::array();  // unreadable files and run warnings: few, kept to the end
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeSarifReporter(std::ostream& out, std::vector<const RuleInfo*> rules) {
  return std::make_unique<SarifReporter>(out, std::move(rules));
}

}  // namespace gklint::cli
