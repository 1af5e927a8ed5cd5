// Origin: where each piece of a report's linted text came from, for formats whose file is not
// that text (an HTML page, a Word document, a PDF).
//
// Readers of such formats build the linted text themselves (paragraphs one per line, table rows
// as tab-separated cells — what a careful "save as .txt" would give) so that every later stage
// works on it exactly as on a .txt report. While they build it they record, piece by piece, the
// place in the file each piece was taken from. The edges (CLI, LSP) turn a finding's byte span in
// the linted text into a place a person can find in the original file: a line and column of the
// HTML source, a paragraph or table cell of the Word document, a page and line of the PDF.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/LineIndex.h"

namespace gklint {

// A place in the original file. Numbers are 1-based; 0 means "not applicable".
struct OriginPlace {
  enum class Kind {
    SourceOffset,  // a byte offset into the original file's decoded text (HTML)
    Paragraph,     // the n-th paragraph of the document body (Word)
    TableCell,     // a cell of the n-th table: row and column as the grid counts them (Word)
    PageLine,      // a line of a page (PDF)
  };
  Kind kind = Kind::SourceOffset;
  uint32_t offset = 0;     // SourceOffset: bytes into OriginMap::originalText()
  uint32_t paragraph = 0;  // Paragraph
  uint32_t table = 0;      // TableCell
  uint32_t row = 0;        // TableCell
  uint32_t column = 0;     // TableCell
  uint32_t page = 0;       // PageLine
  uint32_t line = 0;       // PageLine: line on the page
  uint32_t character = 0;  // 0-based code points into the paragraph, cell or line (not SourceOffset)

  friend bool operator==(const OriginPlace&, const OriginPlace&) = default;
};

// Maps byte offsets of the linted text to places in the original file. Built once by a reader,
// immutable afterwards, safe to share between threads.
class OriginMap {
 public:
  // `originalText`: the original file's decoded text, for SourceOffset places (HTML); empty for
  // formats whose places are logical (Word, PDF).
  explicit OriginMap(std::string originalText = {});

  // Records that the linted text from byte `lintedOffset` on (until the next anchor) was taken from
  // `place`. Anchors are added in ascending `lintedOffset` order (equal offsets: the later wins).
  // `verbatim`: the piece is a copy, so each later code point of it is the next code point of the
  // original — it moves `character` by code points and `offset` by bytes. Not verbatim: every byte
  // of the piece maps to `place` itself (a decoded entity, a generated "一、", an inserted tab).
  void add(uint32_t lintedOffset, const OriginPlace& place, bool verbatim = true);

  // The place that linted byte `lintedOffset` came from; `lintedText` is the Source's text (to count
  // code points). Before the first anchor: the first anchor's place. O(log anchors + piece length).
  OriginPlace placeOf(std::string_view lintedText, uint32_t lintedOffset) const;

  const std::string& originalText() const { return originalText_; }
  const LineIndex& originalLines() const { return originalLines_; }
  bool empty() const { return anchors_.empty(); }
  size_t anchorCount() const { return anchors_.size(); }

 private:
  struct Anchor {
    uint32_t linted = 0;
    OriginPlace place;
    bool verbatim = true;
  };
  std::string originalText_;
  LineIndex originalLines_;
  std::vector<Anchor> anchors_;
};

}  // namespace gklint
