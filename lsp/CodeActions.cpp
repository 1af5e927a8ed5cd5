#include "lsp/CodeActions.h"

#include <algorithm>
#include <map>

#include "lsp/Convert.h"
#include "lsp/SuppressionActions.h"

namespace gklint::lsp {
namespace {

bool touches(ByteSpan span, ByteSpan range) { return span.begin <= range.end && range.begin <= span.end; }

bool hasEdits(const Finding& f) { return f.fix && !f.fix->edits.empty(); }

}  // namespace

WorkspaceEdit workspaceEditFor(const DocumentAnalysis& analysis, const std::vector<gklint::TextEdit>& edits,
                               const CodeActionOptions& options) {
  WorkspaceEdit edit;
  std::vector<TextEdit> lspEdits = toTextEdits(edits, analysis.source(), options.encoding);
  if (options.documentChanges) {
    edit.documentChanges = std::vector<TextDocumentEdit>{
        {{analysis.snapshot.uri, analysis.snapshot.version}, std::move(lspEdits)}};
  } else {
    edit.changes = std::map<DocumentUri, std::vector<TextEdit>>{{analysis.snapshot.uri, std::move(lspEdits)}};
  }
  return edit;
}

bool kindRequested(std::string_view kind, const std::optional<std::vector<std::string>>& only) {
  if (!only) return true;
  for (const std::string& o : *only) {
    if (kind == o || (kind.size() > o.size() && kind.substr(0, o.size()) == o && kind[o.size()] == '.')) return true;
  }
  return false;
}

std::vector<gklint::TextEdit> nonOverlappingEdits(const std::vector<const Finding*>& findings,
                                                  FixSelection selection, size_t* applied) {
  // Mirrors applyFixes: stable order by first edit, then skip a fix that clashes with an
  // accepted edit (overlap, two insertions at one point, or an insertion inside a span).
  std::vector<const Fix*> fixes;
  for (const Finding* f : findings) {
    if (!hasEdits(*f)) continue;
    if (selection == FixSelection::SafeOnly && !f->fix->safe) continue;
    fixes.push_back(&*f->fix);
  }
  auto firstBegin = [](const Fix* fix) {
    uint32_t b = UINT32_MAX;
    for (const gklint::TextEdit& e : fix->edits) b = std::min(b, e.span.begin);
    return b;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const Fix* a, const Fix* b) { return firstBegin(a) < firstBegin(b); });
  std::vector<gklint::TextEdit> accepted;
  for (const Fix* fix : fixes) {
    bool clash = false;
    for (const gklint::TextEdit& e : fix->edits) {
      for (const gklint::TextEdit& a : accepted) {
        if (e.span.overlaps(a.span) || (e.span.begin == a.span.begin && (e.span.empty() || a.span.empty())) ||
            (a.span.empty() && e.span.contains(a.span.begin)) || (e.span.empty() && a.span.contains(e.span.begin))) {
          clash = true;
        }
      }
    }
    if (clash) continue;
    accepted.insert(accepted.end(), fix->edits.begin(), fix->edits.end());
    if (applied != nullptr) ++*applied;
  }
  std::stable_sort(accepted.begin(), accepted.end(),
                   [](const gklint::TextEdit& a, const gklint::TextEdit& b) { return a.span.begin < b.span.begin; });
  return accepted;
}

std::vector<CodeAction> codeActionsFor(const DocumentAnalysis& analysis, ByteSpan range,
                                       const std::optional<std::vector<std::string>>& only,
                                       const CodeActionOptions& options) {
  std::vector<CodeAction> actions;
  const Source& source = analysis.source();
  const DocumentUri& uri = analysis.snapshot.uri;

  if (kindRequested(code_action_kind::kQuickFix, only)) {
    std::vector<std::string> rulesInRange;  // in order of first appearance
    std::map<std::string, std::vector<Diagnostic>> diagnosticsInRange;
    for (const Finding& f : analysis.findings) {
      if (!hasEdits(f) || !touches(f.span, range)) continue;
      CodeAction action;
      action.title = f.fix->title;
      action.kind = code_action_kind::kQuickFix;
      action.diagnostics.push_back(toDiagnostic(f, source, uri, options.encoding));
      action.isPreferred = f.fix->safe;
      action.edit = workspaceEditFor(analysis, f.fix->edits, options);
      if (diagnosticsInRange.find(f.ruleId) == diagnosticsInRange.end()) rulesInRange.push_back(f.ruleId);
      diagnosticsInRange[f.ruleId].push_back(action.diagnostics.front());
      actions.push_back(std::move(action));
    }
    for (const std::string& rule : rulesInRange) {
      std::vector<const Finding*> ofRule;
      for (const Finding& f : analysis.findings) {
        if (f.ruleId == rule && hasEdits(f)) ofRule.push_back(&f);
      }
      size_t applied = 0;
      std::vector<gklint::TextEdit> edits = nonOverlappingEdits(ofRule, FixSelection::All, &applied);
      if (applied < 2) continue;
      CodeAction action;
      action.title = "修复本文档中全部 " + std::to_string(applied) + " 处 " + rule + " 问题";
      action.kind = code_action_kind::kQuickFix;
      action.diagnostics = diagnosticsInRange[rule];
      action.edit = workspaceEditFor(analysis, edits, options);
      actions.push_back(std::move(action));
    }
    for (CodeAction& action : suppressionActions(analysis, range, options)) actions.push_back(std::move(action));
  }

  if (kindRequested(code_action_kind::kSourceFixAllGklint, only)) {
    std::vector<const Finding*> all;
    for (const Finding& f : analysis.findings) all.push_back(&f);
    std::vector<gklint::TextEdit> edits = nonOverlappingEdits(all, FixSelection::SafeOnly);
    if (!edits.empty()) {
      CodeAction action;
      action.title = "gklint：应用全部安全修复";
      action.kind = code_action_kind::kSourceFixAllGklint;
      action.edit = workspaceEditFor(analysis, edits, options);
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

}  // namespace gklint::lsp
