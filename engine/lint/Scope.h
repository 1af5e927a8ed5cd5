// Scope: which part of a report a rule looks at (document, preamble, title, one section).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/Document.h"
#include "engine/rules/RuleDiagnostic.h"

namespace gklint {

class Scope {
 public:
  enum class Kind { Document, Preamble, Title, Section };

  // Parses "document", "preamble", "title", "section:<key>"; false with `error` set otherwise.
  static bool parse(std::string_view spec, Scope& out, std::string& error);

  Kind kind() const { return kind_; }
  SourceMark mark;      // where the rule file writes it (for located errors after loading)
  std::string keyPath;  // e.g. rules[3].scope
  const std::string& sectionKey() const { return sectionKey_; }
  std::string spec() const;

  // Whether the scope exists in `doc` (a missing section or title does not).
  bool presentIn(const Document& doc) const;
  // Half-open block index ranges covered by the scope.
  std::vector<std::pair<size_t, size_t>> blockRanges(const Document& doc) const;
  // Where a finding about something missing from the scope is reported: the section's
  // heading line, the title, or the first line of the document.
  ByteSpan anchor(const Document& doc) const;

 private:
  Kind kind_ = Kind::Document;
  std::string sectionKey_;
};

// Where document-level "missing" findings go: the title, else the first block, else offset 0.
ByteSpan documentAnchor(const Document& doc);

}  // namespace gklint
