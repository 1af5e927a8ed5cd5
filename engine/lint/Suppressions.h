// Suppressions: inline comments that silence rules in Markdown (and HTML) reports.
#pragma once

#include <string>
#include <vector>

#include "engine/lint/Finding.h"
#include "engine/model/Document.h"

namespace gklint {

//   <!-- gklint-disable-next-line RULE[, RULE…] -- reason -->   the next non-blank line
//   <!-- gklint-disable RULE… -->  …  <!-- gklint-enable RULE… -->   a range of lines
// Without RULE, every rule. An id may be a category glob ("text/*").
struct Suppression {
  ByteSpan comment;                 // the directive, for reporting it when unused
  std::vector<std::string> rules;   // empty: all rules
  uint32_t firstLine = 0, lastLine = 0;  // 0-based lines it covers, inclusive
  std::string reason;
  bool used = false;
};

// Directives of `doc`'s Comment blocks; an unmatched disable runs to the end of the text.
std::vector<Suppression> findSuppressions(const Document& doc);

// Whether a directive naming `rules` (empty: all; "text/*" a category) covers rule `id`.
bool ruleMatches(const std::vector<std::string>& rules, const std::string& id);

// Removes suppressed findings from `findings`, marking the directives that were used.
void applySuppressions(const Document& doc, std::vector<Suppression>& suppressions, std::vector<Finding>& findings);

}  // namespace gklint
