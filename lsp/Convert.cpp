#include "lsp/Convert.h"

#include <algorithm>

namespace gklint::lsp {
namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

uint32_t charLength(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

ColumnUnit columnUnit(PositionEncoding encoding) {
  return encoding == PositionEncoding::Utf8 ? ColumnUnit::Bytes : ColumnUnit::Utf16;
}

Position toPosition(const Source& source, uint32_t offset, PositionEncoding encoding) {
  const gklint::Position p = source.position(offset, columnUnit(encoding));
  return {p.line, p.column};
}

Range toRange(const Source& source, ByteSpan span, PositionEncoding encoding) {
  return {toPosition(source, span.begin, encoding), toPosition(source, span.end, encoding)};
}

uint32_t toOffset(const Source& source, Position pos, PositionEncoding encoding, Rounding rounding) {
  const ColumnUnit unit = columnUnit(encoding);
  const std::string_view text = source.text();
  uint32_t offset = source.offsetAt({pos.line, pos.character}, unit);
  if (offset >= text.size()) return static_cast<uint32_t>(text.size());
  bool inside = false;
  if (unit == ColumnUnit::Bytes) {
    // Source::offsetAt counts bytes blindly: step back to the character's lead byte.
    while (offset > 0 && isContinuation(text[offset])) {
      --offset;
      inside = true;
    }
  } else if (charLength(text[offset]) == 4 && pos.line < source.lines().lineCount()) {
    // offsetAt stops before a surrogate pair it would split; the pair was split when the
    // requested column lies beyond the character's start.
    inside = source.position(offset, unit).column < pos.character && offset < source.lines().lineEnd(pos.line);
  }
  if (inside && rounding == Rounding::Up) offset += charLength(text[offset]);
  return offset;
}

std::optional<ByteSpan> toSpan(const Source& source, Range range, PositionEncoding encoding) {
  if (range.end < range.start) return std::nullopt;
  const uint32_t begin = toOffset(source, range.start, encoding, Rounding::Down);
  if (range.start == range.end) return ByteSpan{begin, begin};
  const uint32_t end = toOffset(source, range.end, encoding, Rounding::Up);
  if (end < begin) return std::nullopt;
  return ByteSpan{begin, end};
}

DiagnosticSeverity toSeverity(Severity severity) {
  switch (severity) {
    case Severity::Error: return DiagnosticSeverity::Error;
    case Severity::Warning: return DiagnosticSeverity::Warning;
    case Severity::Info: return DiagnosticSeverity::Information;
  }
  return DiagnosticSeverity::Warning;
}

Diagnostic toDiagnostic(const Finding& finding, const Source& source, const DocumentUri& uri,
                        PositionEncoding encoding) {
  Diagnostic d;
  d.range = toRange(source, finding.span, encoding);
  d.severity = toSeverity(finding.severity);
  d.code = finding.ruleId;
  d.message = finding.message;
  for (const RelatedSpan& r : finding.related) {
    d.relatedInformation.push_back({{uri, toRange(source, r.span, encoding)}, r.message});
  }
  return d;
}

std::vector<Diagnostic> toDiagnostics(const std::vector<Finding>& findings, const Source& source,
                                      const DocumentUri& uri, PositionEncoding encoding, size_t limit) {
  // Findings come sorted by start, and their ends mostly ascend too: two cursors walk them in
  // amortised O(distance moved) instead of rescanning each line from its start.
  PositionCursor starts(source, columnUnit(encoding));
  PositionCursor ends(source, columnUnit(encoding));
  std::vector<Diagnostic> out;
  out.reserve(std::min(findings.size(), limit));
  for (const Finding& f : findings) {
    if (out.size() == limit) break;
    Diagnostic d;
    const gklint::Position begin = starts.at(f.span.begin);
    const gklint::Position end = ends.at(f.span.end);
    d.range = {{begin.line, begin.column}, {end.line, end.column}};
    d.severity = toSeverity(f.severity);
    d.code = f.ruleId;
    d.message = f.message;
    for (const RelatedSpan& r : f.related) {
      d.relatedInformation.push_back({{uri, toRange(source, r.span, encoding)}, r.message});
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<TextEdit> toTextEdits(const std::vector<gklint::TextEdit>& edits, const Source& source,
                                  PositionEncoding encoding) {
  std::vector<TextEdit> out;
  out.reserve(edits.size());
  for (const gklint::TextEdit& e : edits) out.push_back({toRange(source, e.span, encoding), e.replacement});
  return out;
}

Diagnostic toDiagnostic(const RuleDiagnostic& problem, const Source& yaml, PositionEncoding encoding) {
  Diagnostic d;
  d.severity = DiagnosticSeverity::Error;
  d.message = problem.message;
  if (!problem.key.empty()) d.message += " [" + problem.key + "]";
  if (problem.mark.line <= 0) return d;
  const auto line = static_cast<uint32_t>(problem.mark.line - 1);
  const auto column = static_cast<uint32_t>(std::max(problem.mark.column - 1, 0));
  const uint32_t offset = yaml.offsetAt({line, column}, ColumnUnit::CodePoints);
  const uint32_t lineEnd = line < yaml.lines().lineCount() ? yaml.lines().lineEnd(line) : offset;
  d.range = toRange(yaml, {offset, std::max(offset, lineEnd)}, encoding);
  return d;
}

}  // namespace gklint::lsp
