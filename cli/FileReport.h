// FileReport: one linted file as the reporters see it — positions already converted to
// 1-based lines and code-point columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/ReportLocation.h"
#include "engine/lint/Finding.h"

namespace gklint::cli {

struct ReportedEdit {
  int line = 0, column = 0, endLine = 0, endColumn = 0;  // 1-based, code points, end exclusive
  std::string replacement;
};

// A place that explains a finding (e.g. the other cells of a broken relation).
struct ReportedRelated {
  int line = 0, column = 0, endLine = 0, endColumn = 0;  // 1-based, code points, end exclusive
  std::string message;
  ReportedLocation location, endLocation;  // the place in the original file (see ReportedFinding)

  std::string place() const { return location.hasFileLines() ? std::to_string(line) + ":" + std::to_string(column) : location.text(); }
};

inline constexpr size_t kExcerptBytes = 160;

struct ReportedFinding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  // 1-based, code points, end exclusive: lines of the file for .txt/.md and HTML (its source);
  // for Word and PDF, lines of the linted text (what `gklint tables` shows).
  int line = 0, column = 0, endLine = 0, endColumn = 0;
  // Where a person finds it in the original file; what every reporter prints (text form
  // "path:12:5", "path:¶12:5", "path:表3:行5:列2", "path:p3:12:5").
  ReportedLocation location, endLocation;
  // The finding's own text (its span, at most kExcerptBytes, cut at a character boundary):
  // what anchors it when lines move (the GitLab fingerprint).
  std::string excerpt;
  std::optional<std::string> fixTitle;
  bool fixSafe = true;  // applied by --fix; unsafe fixes are for the editor only
  std::vector<ReportedEdit> fixEdits;
  std::vector<ReportedRelated> related;

  // What follows "path:" in text output: "12:5", "¶12:5", "表3:行5:列2", "p3:12:5".
  std::string place() const { return location.hasFileLines() ? std::to_string(line) + ":" + std::to_string(column) : location.text(); }
};

// One value cell of an official table as gklint read it, and the findings that name it.
struct ReportedCell {
  std::string column;   // template column key; "" when the row's cell count is wrong
  std::string text;     // as written, white space removed; "" when blank
  std::string state;    // number | blank | dash | text
  int line = 0, column1 = 0;  // 1-based, code points (0: a blank the source never wrote)
  std::vector<std::string> flaggedBy;  // rule ids of findings placed on this cell
  std::vector<std::string> relatedTo;  // rule ids of findings that name it as a related place
};

struct ReportedTableRow {
  std::string key, label;  // template key; the row's display name (group and label)
  bool present = false;
  int line = 0;
  size_t expectedCells = 0;
  std::vector<ReportedCell> cells;
};

// A relation the table breaks, evaluated: "（七）总计 21 ≠ 各项之和 20".
struct ReportedRelation {
  std::string rule;
  std::string text;
};

// 表二/三/四 as bound to its template; filled only for reporters that draw tables (html).
struct ReportedTable {
  std::string table;  // t2 | t3 | t4
  std::string title;
  int line = 0;       // where the table starts
  std::vector<std::pair<std::string, std::string>> columns;  // key, label
  std::vector<ReportedTableRow> rows;
  std::vector<ReportedRelation> broken;
};

struct FileReport {
  std::string path;
  std::string error;      // non-empty when the file could not be read or decoded
  int year = 0;
  std::string templateName;
  std::string encoding;
  std::string format;     // "txt", "md", "html", "docx", "pdf"
  std::string body;       // HTML: the element read as the report body
  std::vector<ReportedFinding> findings;
  std::vector<std::string> rulesRun;  // ids of the rules that ran on the file (applicable, not off), sorted
  std::vector<std::string> notes;     // e.g. what --fix did
  std::vector<std::string> warnings;  // about the run, not the report: e.g. a --previous that does not fit
  std::vector<ReportedTable> tables;  // html only (cli/ReportedTables.h)
};

}  // namespace gklint::cli
