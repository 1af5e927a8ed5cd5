// Convert: engine values ↔ LSP values — findings → diagnostics, fixes → text edits, rule-file
// problems → diagnostics, and byte offsets ↔ positions.
//
// Units. Engine offsets (ByteSpan, TextEdit spans) are bytes into a Source's UTF-8 text. LSP
// positions are 0-based lines and columns counted in the negotiated position encoding:
// UTF-8 code units (bytes) or UTF-16 code units, where a character outside the BMP (𠀋
// U+2000B) counts 2. Line breaks are "\n", "\r\n" and a lone "\r", as Source counts them.
// This is the only file that converts between the two.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/lint/Finding.h"
#include "engine/rules/RuleDiagnostic.h"
#include "engine/text/Source.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

ColumnUnit columnUnit(PositionEncoding encoding);

// Position of byte `offset` (clamped to the text; an offset inside a character counts as
// the character's start).
Position toPosition(const Source& source, uint32_t offset, PositionEncoding encoding);
Range toRange(const Source& source, ByteSpan span, PositionEncoding encoding);

// Which way a position that falls inside one character (between the two UTF-16 halves of a
// surrogate pair, or inside a UTF-8 sequence) moves: to the character's start or its end.
enum class Rounding { Down, Up };

// Byte offset of `pos`. A line past the last clamps to the end of the text; a character past
// the end of its line clamps to the line's end (before its terminator), as LSP specifies.
uint32_t toOffset(const Source& source, Position pos, PositionEncoding encoding, Rounding rounding);

// Byte span of `range`, or nothing when start comes after end. A boundary that splits a
// character widens the span to the whole character (start rounds down, end rounds up); an
// empty range inside a character becomes an insertion point before it. So an edit touching
// either half of a surrogate pair replaces the whole character, and the text stays valid UTF-8.
std::optional<ByteSpan> toSpan(const Source& source, Range range, PositionEncoding encoding);

DiagnosticSeverity toSeverity(Severity severity);  // error → 1, warning → 2, info → 3

// Diagnostics for the first `limit` findings (in their order): the rule id as `code`, source
// "gklint", the message as is, Finding::related as relatedInformation on `uri`.
std::vector<Diagnostic> toDiagnostics(const std::vector<Finding>& findings, const Source& source,
                                      const DocumentUri& uri, PositionEncoding encoding, size_t limit = SIZE_MAX);
Diagnostic toDiagnostic(const Finding& finding, const Source& source, const DocumentUri& uri,
                        PositionEncoding encoding);

std::vector<TextEdit> toTextEdits(const std::vector<gklint::TextEdit>& edits, const Source& source,
                                  PositionEncoding encoding);

// A problem in a rule or config file as an error diagnostic on that file. RuleDiagnostic marks
// are 1-based line and code-point column (the engine converts yaml-cpp's byte columns, see
// engine/rules/OptionReader.h codePointColumnIn); `yaml` is the file's text, for converting the
// column to the negotiated encoding; the range runs from the mark to the end of its line.
// Line 0 (a problem with the whole file) gives the range 0:0–0:0.
Diagnostic toDiagnostic(const RuleDiagnostic& problem, const Source& yaml, PositionEncoding encoding);

}  // namespace gklint::lsp
