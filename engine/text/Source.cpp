#include "engine/text/Source.h"

#include <algorithm>

#include "engine/text/Utf8.h"

namespace gklint {

std::string_view encodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf8Bom: return "utf-8-bom";
    case Encoding::Utf16LE: return "utf-16le";
    case Encoding::Utf16BE: return "utf-16be";
    case Encoding::Gb18030: return "gb18030";
  }
  return "utf-8";
}

namespace {

bool hasLineLongerThan(const LineIndex& lines, uint32_t bytes) {
  for (size_t i = 0; i < lines.lineCount(); ++i) {
    if (lines.lineEnd(i) - lines.lineStart(i) > bytes) return true;
  }
  return false;
}

}  // namespace

Source::Source(std::string path, std::string text, Encoding encoding)
    : Source(std::move(path), std::move(text), encoding, nullptr) {}

Source::Source(std::string path, std::string text, Encoding encoding, std::shared_ptr<const OriginMap> origin)
    : path_(std::move(path)), text_(std::move(text)), encoding_(encoding), lines_(text_), origin_(std::move(origin)) {
  // A column on a line of megabytes would otherwise cost a scan from the line start per lookup.
  if (hasLineLongerThan(lines_, ColumnIndex::kStride)) columns_ = ColumnIndex(text_);
}

Position Source::position(uint32_t offset, ColumnUnit unit) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  while (offset > 0 && offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) {
    --offset;  // inside a multi-byte character: count it as the character's start
  }
  const size_t line = lines_.lineOf(offset);
  const uint32_t start = lines_.lineStart(line);
  uint32_t column = 0;
  switch (unit) {
    case ColumnUnit::Bytes: column = offset - start; break;
    case ColumnUnit::CodePoints: column = static_cast<uint32_t>(columns_.codePointsBetween(text_, start, offset)); break;
    case ColumnUnit::Utf16: column = static_cast<uint32_t>(columns_.utf16Between(text_, start, offset)); break;
  }
  return {static_cast<uint32_t>(line), column};
}

uint32_t Source::offsetAt(Position pos, ColumnUnit unit) const {
  if (pos.line >= lines_.lineCount()) return static_cast<uint32_t>(text_.size());
  const uint32_t start = lines_.lineStart(pos.line);
  const uint32_t end = lines_.lineEnd(pos.line);
  if (unit == ColumnUnit::Bytes) return start + std::min(pos.column, end - start);  // no overflow on huge columns
  std::string_view line(text_.data() + start, end - start);
  size_t i = 0;
  uint32_t units = 0;
  while (i < line.size() && units < pos.column) {
    size_t before = i;
    char32_t cp = utf8::next(line, i);
    uint32_t width = (unit == ColumnUnit::Utf16 && cp >= 0x10000) ? 2 : 1;
    if (units + width > pos.column) return start + static_cast<uint32_t>(before);  // inside a pair
    units += width;
  }
  return start + static_cast<uint32_t>(std::min(i, line.size()));
}

std::string_view Source::lineText(size_t line) const {
  if (line >= lines_.lineCount()) return {};
  return std::string_view(text_).substr(lines_.lineStart(line), lines_.lineEnd(line) - lines_.lineStart(line));
}

Position PositionCursor::at(uint32_t offset) {
  const std::string_view text = source_.text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
  const bool sameLine = valid_ && offset >= offset_ && source_.lines().lineOf(offset) == position_.line;
  if (!sameLine) {
    position_ = source_.position(offset, unit_);
  } else {
    std::string_view step = text.substr(offset_, offset - offset_);
    switch (unit_) {
      case ColumnUnit::Bytes: position_.column += static_cast<uint32_t>(step.size()); break;
      case ColumnUnit::CodePoints: position_.column += static_cast<uint32_t>(utf8::codePointCount(step)); break;
      case ColumnUnit::Utf16: position_.column += static_cast<uint32_t>(utf8::utf16Length(step)); break;
    }
  }
  offset_ = offset;
  valid_ = true;
  return position_;
}

}  // namespace gklint
