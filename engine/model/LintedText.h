// LintedText: the text the rules read when extraction breaks sentences — a copy of the source in
// which soft line breaks and extraction gaps inside paragraphs are closed up — and the way back
// from its byte offsets to the source's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

// A paragraph to close up: its content span in the source and the source bytes inside it that
// are read as nothing (a line end with the next line's indentation; a space pdftotext put
// between a Han character and a digit). Gaps are ascending, disjoint and inside `content`.
struct ClosedParagraph {
  ByteSpan content;
  std::vector<ByteSpan> gaps;
};

// The linted text has the source's length: a closed paragraph's text moves to the start of its
// content span and the bytes it freed at the end become spaces (outside the paragraph's new
// content). Offsets outside closed paragraphs are the source's own.
class LintedText {
 public:
  // `paragraphs` in ascending order, not overlapping.
  LintedText(std::string_view source, const std::vector<ClosedParagraph>& paragraphs);

  std::string_view text() const { return text_; }
  // The new content span of the k-th paragraph passed to the constructor.
  ByteSpan closedContent(size_t k) const { return closed_[k]; }

  // Source offset of linted byte `offset` (a byte that came from the source: its own place).
  uint32_t toSource(uint32_t offset) const;
  // Source span of a linted span: from its first byte's place to just after its last byte's
  // place, so a span across a closed gap covers the gap (and the line break) in the source.
  ByteSpan toSource(ByteSpan span) const;

 private:
  struct Piece {
    uint32_t linted = 0;  // first linted byte of a run copied from the source
    uint32_t source = 0;  // where that run starts in the source
    uint32_t size = 0;
  };
  std::string text_;
  std::vector<ByteSpan> closed_;
  std::vector<Piece> pieces_;  // ascending by `linted`; only runs inside closed paragraphs
};

}  // namespace gklint
