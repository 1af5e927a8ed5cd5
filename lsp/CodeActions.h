// CodeActions: the fixes rules offer, as LSP code actions — one quick fix per finding, "fix
// all" per rule, and source.fixAll.gklint for every safe fix in the document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/lint/FixApplier.h"
#include "lsp/DocumentAnalysis.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

struct CodeActionOptions {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool documentChanges = false;  // versioned documentChanges instead of a `changes` map
};

// Actions for `analysis`, in this order:
//  - for each finding with a fix whose span touches `range` (byte offsets; touching includes
//    the ends, so a cursor right after "1、" still offers its fix): that fix as a quickfix,
//    preferred when it is safe (it is always the finding's only fix; an unsafe fix such as
//    inserting a missing section heading is offered but never preferred, so "auto fix"
//    commands skip it);
//  - for each rule with two or more fixes in the document and a finding in range: a quickfix
//    "fix all" applying that rule's fixes (unsafe ones too: the user chose the rule);
//  - "disable this rule on this line" for the findings in range, Markdown only, never
//    preferred (lsp/SuppressionActions.h);
//  - source.fixAll.gklint: every safe fix in the document (never an unsafe one), when there
//    is at least one.
// Fixes whose edits overlap an earlier accepted edit are left out of combined actions,
// exactly as engine/lint/FixApplier.h applies them. `only` filters by kind with LSP's
// hierarchical matching ("source" and "source.fixAll" match "source.fixAll.gklint").
std::vector<CodeAction> codeActionsFor(const DocumentAnalysis& analysis, ByteSpan range,
                                       const std::optional<std::vector<std::string>>& only,
                                       const CodeActionOptions& options);

// The edits FixApplier's applyFixes(text, findings, selection) would make, in text order;
// `applied` (if given) receives the number of fixes they come from.
std::vector<gklint::TextEdit> nonOverlappingEdits(const std::vector<const Finding*>& findings,
                                                  FixSelection selection, size_t* applied = nullptr);

// `edits` (byte spans into the analysed text) as a WorkspaceEdit on the analysed document.
WorkspaceEdit workspaceEditFor(const DocumentAnalysis& analysis, const std::vector<gklint::TextEdit>& edits,
                               const CodeActionOptions& options);

// Whether `kind` is requested by `only` (absent: everything).
bool kindRequested(std::string_view kind, const std::optional<std::vector<std::string>>& only);

}  // namespace gklint::lsp
