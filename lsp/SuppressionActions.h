// SuppressionActions: "disable this rule on this line" quick fixes, inserting the engine's
// suppression comments (engine/lint/Suppressions.h) above a finding.
#pragma once

#include <vector>

#include "lsp/CodeActions.h"
#include "lsp/DocumentAnalysis.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

// For each rule with a finding whose span touches `range` (byte offsets), one quickfix, never
// preferred, per line of findings:
//  - a line that starts a paragraph or heading: `<!-- gklint-disable-next-line RULE -->` on
//    its own line above it, indented like it (up to three spaces: four would make it code);
//  - a row of a pipe table below its first: a comment line there would end the table, so
//    `<!-- gklint-disable RULE -->` above the table and `<!-- gklint-enable RULE -->` after it
//    (a blank line between, so the table keeps its rows) — titled as covering the table;
//  - anything else (code, a line inside an HTML block, a line a multi-line block does not
//    start on): nothing, since no comment there would suppress it.
// Only for Markdown: plain text has no comments, so the engine reads no suppressions there.
// Not for meta/unused-suppression, whose fix is removing the comment.
std::vector<CodeAction> suppressionActions(const DocumentAnalysis& analysis, ByteSpan range,
                                           const CodeActionOptions& options);

}  // namespace gklint::lsp
