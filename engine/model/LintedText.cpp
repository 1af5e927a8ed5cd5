#include "engine/model/LintedText.h"

#include <algorithm>

namespace gklint {

LintedText::LintedText(std::string_view source, const std::vector<ClosedParagraph>& paragraphs) : text_(source) {
  closed_.reserve(paragraphs.size());
  for (const ClosedParagraph& p : paragraphs) {
    uint32_t out = p.content.begin;
    uint32_t from = p.content.begin;
    auto copy = [&](uint32_t end) {
      if (end <= from) return;
      pieces_.push_back({out, from, end - from});
      std::copy(source.begin() + from, source.begin() + end, text_.begin() + out);
      out += end - from;
    };
    for (const ByteSpan& gap : p.gaps) {
      copy(gap.begin);
      from = std::max(from, gap.end);
    }
    copy(p.content.end);
    std::fill(text_.begin() + out, text_.begin() + p.content.end, ' ');
    closed_.push_back({p.content.begin, out});
  }
}

uint32_t LintedText::toSource(uint32_t offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](uint32_t o, const Piece& p) { return o < p.linted; });
  if (it == pieces_.begin()) return offset;
  --it;
  if (offset < it->linted + it->size) return it->source + (offset - it->linted);
  // Past the run: the spaces that pad a closed paragraph, or text after it (its own place).
  return offset;
}

ByteSpan LintedText::toSource(ByteSpan span) const {
  if (span.empty()) {
    // An insertion point: just after the byte before it.
    const uint32_t at = span.begin == 0 ? 0 : toSource(span.begin - 1) + 1;
    return {at, at};
  }
  return {toSource(span.begin), toSource(span.end - 1) + 1};
}

}  // namespace gklint
