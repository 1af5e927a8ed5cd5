// FileReport: one linted file as the reporters see it — positions already converted to
// 1-based lines and code-point columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
};

inline constexpr size_t kExcerptBytes = 160;

struct ReportedFinding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  int line = 0, column = 0, endLine = 0, endColumn = 0;  // 1-based, code points, end exclusive
  // The finding's own text (its span, at most kExcerptBytes, cut at a character boundary):
  // what anchors it when lines move (the GitLab fingerprint).
  std::string excerpt;
  std::optional<std::string> fixTitle;
  bool fixSafe = true;  // applied by --fix; unsafe fixes are for the editor only
  std::vector<ReportedEdit> fixEdits;
  std::vector<ReportedRelated> related;
};

struct FileReport {
  std::string path;
  std::string error;      // non-empty when the file could not be read or decoded
  int year = 0;
  std::string templateName;
  std::string encoding;
  std::vector<ReportedFinding> findings;
  std::vector<std::string> rulesRun;  // ids of the rules that ran on the file (applicable, not off), sorted
  std::vector<std::string> notes;     // e.g. what --fix did
  std::vector<std::string> warnings;  // about the run, not the report: e.g. a --previous that does not fit
};

}  // namespace gklint::cli
