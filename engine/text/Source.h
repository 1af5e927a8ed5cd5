// Source: one report's decoded UTF-8 text, its origin and its line index.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/model/ByteSpan.h"
#include "engine/text/ColumnIndex.h"
#include "engine/text/LineIndex.h"
#include "engine/text/Origin.h"

namespace gklint {

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Gb18030 };
std::string_view encodingName(Encoding encoding);

// Units in which a column is counted. The engine works in bytes; the CLI prints code
// points; the LSP negotiates UTF-8 or UTF-16.
enum class ColumnUnit { Bytes, CodePoints, Utf16 };

// 0-based line and 0-based column in some ColumnUnit.
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  friend constexpr bool operator==(Position, Position) = default;
};

// Owns the text. Immutable after construction; safe to share between threads.
class Source {
 public:
  Source(std::string path, std::string text, Encoding encoding = Encoding::Utf8);
  // A report whose file is not its linted text (HTML, Word, PDF): `text` is what its reader built,
  // `origin` says where each piece of it came from in the file.
  Source(std::string path, std::string text, Encoding encoding, std::shared_ptr<const OriginMap> origin);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  Encoding encoding() const { return encoding_; }
  const LineIndex& lines() const { return lines_; }

  // Position of byte `offset` (clamped to the text). An offset inside a multi-byte
  // character counts as that character's start.
  Position position(uint32_t offset, ColumnUnit unit) const;
  // Byte offset of `pos`; a column past the end of its line clamps to the line end, a line
  // past the end clamps to the end of the text.
  uint32_t offsetAt(Position pos, ColumnUnit unit) const;
  // The text of 0-based `line` without its terminator.
  std::string_view lineText(size_t line) const;
  // Where the text came from in the file; null when the file is the text (.txt, .md).
  const OriginMap* origin() const { return origin_.get(); }

 private:
  std::string path_;
  std::string text_;
  Encoding encoding_;
  LineIndex lines_;
  ColumnIndex columns_;  // only when a line is longer than ColumnIndex::kStride bytes
  std::shared_ptr<const OriginMap> origin_;
};

// Converts ascending byte offsets of one Source to positions in amortised O(distance moved),
// for reporting many findings on one long line. Falls back to Source::position when an
// offset goes backwards or to another line.
class PositionCursor {
 public:
  PositionCursor(const Source& source, ColumnUnit unit) : source_(source), unit_(unit) {}
  Position at(uint32_t offset);

 private:
  const Source& source_;
  ColumnUnit unit_;
  uint32_t offset_ = 0;
  Position position_{};
  bool valid_ = false;
};

}  // namespace gklint
