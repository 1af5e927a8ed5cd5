#include "lsp/SuppressionActions.h"

#include <algorithm>
#include <map>
#include <string>

#include "lsp/Convert.h"

namespace gklint::lsp {
namespace {

bool touches(ByteSpan span, ByteSpan range) { return span.begin <= range.end && range.begin <= span.end; }

// The line's leading spaces and tabs, as written, when they are fewer than four columns.
std::string indentationOf(std::string_view line) {
  size_t n = 0;
  int columns = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) {
    columns += line[n] == '\t' ? 4 : 1;
    ++n;
  }
  return columns < 4 ? std::string(line.substr(0, n)) : std::string();
}

// What to insert for a finding on `line`, or nothing.
struct Placement {
  std::vector<gklint::TextEdit> edits;
  bool wholeTable = false;
};

std::optional<Placement> placementFor(const Document& doc, const Source& source, size_t line, const std::string& rule) {
  const LineIndex& lines = source.lines();
  const Block* holder = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::Comment) continue;
    const size_t first = lines.lineOf(b.span.begin);
    const size_t last = lines.lineOf(b.span.end > b.span.begin ? b.span.end - 1 : b.span.begin);
    if (first <= line && line <= last) {
      holder = &b;
      break;
    }
  }
  const uint32_t lineStart = lines.lineStart(line);
  if (holder == nullptr) {
    return std::nullopt;  // blank line, or inside an HTML block: the finding is not on a block's line
  }
  const size_t first = lines.lineOf(holder->span.begin);
  const std::string newline = source.text().find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  if (first == line && holder->kind != BlockKind::Code) {
    const std::string indent = indentationOf(source.lineText(line));
    return Placement{{{ByteSpan{lineStart, lineStart},
                       indent + "<!-- gklint-disable-next-line " + rule + " -->" + newline}}, false};
  }
  if (holder->kind != BlockKind::Table) return std::nullopt;
  const uint32_t tableStart = lines.lineStart(first);
  const size_t lastLine = lines.lineOf(holder->span.end - 1);
  const std::string indent = indentationOf(source.lineText(first));
  gklint::TextEdit disable{ByteSpan{tableStart, tableStart}, indent + "<!-- gklint-disable " + rule + " -->" + newline};
  gklint::TextEdit enable;
  if (lastLine + 1 < lines.lineCount()) {
    const uint32_t after = lines.lineStart(lastLine + 1);
    enable = {ByteSpan{after, after}, newline + indent + "<!-- gklint-enable " + rule + " -->" + newline};
  } else {
    const auto end = static_cast<uint32_t>(source.text().size());
    enable = {ByteSpan{end, end}, newline + newline + indent + "<!-- gklint-enable " + rule + " -->" + newline};
  }
  return Placement{{disable, enable}, true};
}

}  // namespace

std::vector<CodeAction> suppressionActions(const DocumentAnalysis& analysis, ByteSpan range,
                                           const CodeActionOptions& options) {
  std::vector<CodeAction> actions;
  if (analysis.snapshot.format != DocumentFormat::Markdown || !analysis.document) return actions;
  const Source& source = analysis.source();
  const DocumentUri& uri = analysis.snapshot.uri;
  // One action per (rule, line), in the order of the findings.
  std::vector<std::pair<std::string, size_t>> order;
  std::map<std::pair<std::string, size_t>, std::vector<Diagnostic>> diagnostics;
  for (const Finding& f : analysis.findings) {
    if (f.ruleId == "meta/unused-suppression" || !touches(f.span, range)) continue;
    const std::pair<std::string, size_t> key{f.ruleId, source.lines().lineOf(f.span.begin)};
    if (diagnostics.find(key) == diagnostics.end()) order.push_back(key);
    diagnostics[key].push_back(toDiagnostic(f, source, uri, options.encoding));
  }
  for (const auto& key : order) {
    const std::optional<Placement> placement = placementFor(*analysis.document, source, key.second, key.first);
    if (!placement) continue;
    CodeAction action;
    action.title = placement->wholeTable ? "在整个表格中停用 " + key.first + "（gklint-disable … gklint-enable）"
                                         : "在此行停用 " + key.first + "（gklint-disable-next-line）";
    action.kind = code_action_kind::kQuickFix;
    action.diagnostics = diagnostics[key];
    action.isPreferred = false;
    action.edit = workspaceEditFor(analysis, placement->edits, options);
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace gklint::lsp
