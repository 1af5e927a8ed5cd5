#include "cli/ReportLocation.h"

#include "engine/text/Utf8.h"

namespace gklint::cli {

std::string ReportedLocation::text() const {
  std::string out;
  auto number = [&out](int n) { out.append(std::to_string(n)); };
  switch (kind) {
    case Kind::Line: number(line); out.append(":"); number(column); break;
    case Kind::Paragraph: out.append("¶"); number(paragraph); out.append(":"); number(character); break;
    case Kind::TableCell:
      out.append("表"); number(table); out.append(":行"); number(row); out.append(":列"); number(cell);
      break;
    case Kind::PageLine: out.append("p"); number(page); out.append(":"); number(line); out.append(":"); number(column); break;
  }
  return out;
}

ReportedLocation Locator::fromOrigin(uint32_t offset) const {
  const OriginMap& origin = *source_.origin();
  const OriginPlace place = origin.placeOf(source_.text(), offset);
  ReportedLocation out;
  switch (place.kind) {
    case OriginPlace::Kind::SourceOffset: {
      const std::string& page = origin.originalText();
      uint32_t at = std::min<uint32_t>(place.offset, static_cast<uint32_t>(page.size()));
      while (at > 0 && at < page.size() && (static_cast<unsigned char>(page[at]) & 0xC0) == 0x80) --at;
      const size_t line = origin.originalLines().lineOf(at);
      const uint32_t start = origin.originalLines().lineStart(line);
      out.kind = ReportedLocation::Kind::Line;
      out.line = static_cast<int>(line) + 1;
      out.column = static_cast<int>(utf8::codePointCount(std::string_view(page).substr(start, at - start))) + 1;
      break;
    }
    case OriginPlace::Kind::Paragraph:
      out.kind = ReportedLocation::Kind::Paragraph;
      out.paragraph = static_cast<int>(place.paragraph);
      out.character = static_cast<int>(place.character) + 1;
      break;
    case OriginPlace::Kind::TableCell:
      out.kind = ReportedLocation::Kind::TableCell;
      out.table = static_cast<int>(place.table);
      out.row = static_cast<int>(place.row);
      out.cell = static_cast<int>(place.column);
      out.character = static_cast<int>(place.character) + 1;
      break;
    case OriginPlace::Kind::PageLine:
      out.kind = ReportedLocation::Kind::PageLine;
      out.page = static_cast<int>(place.page);
      out.line = static_cast<int>(place.line);
      out.column = static_cast<int>(place.character) + 1;
      break;
  }
  return out;
}

ReportedLocation Locator::at(uint32_t offset) {
  if (source_.origin() && !source_.origin()->empty()) return fromOrigin(offset);
  const Position p = cursor_.at(offset);
  ReportedLocation out;
  out.line = static_cast<int>(p.line) + 1;
  out.column = static_cast<int>(p.column) + 1;
  return out;
}

ReportedLocation Locator::endOf(uint32_t begin, uint32_t end) {
  if (!source_.origin() || source_.origin()->empty()) {
    const std::string_view span = source_.text().substr(begin, end - begin);
    ReportedLocation out;
    if (span.find_first_of("\r\n") == std::string_view::npos) {
      const Position b = cursor_.at(begin);  // the common one-line span
      out.line = static_cast<int>(b.line) + 1;
      out.column = static_cast<int>(b.column + utf8::codePointCount(span)) + 1;
    } else {
      const Position e = source_.position(end, ColumnUnit::CodePoints);
      out.line = static_cast<int>(e.line) + 1;
      out.column = static_cast<int>(e.column) + 1;
    }
    return out;
  }
  // One past the place of the span's last character (the next piece may come from elsewhere).
  if (end <= begin) return fromOrigin(begin);
  uint32_t last = end - 1;
  const std::string_view text = source_.text();
  while (last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  ReportedLocation out = fromOrigin(last);
  switch (out.kind) {
    case ReportedLocation::Kind::Line: ++out.column; break;
    case ReportedLocation::Kind::Paragraph: case ReportedLocation::Kind::TableCell: ++out.character; break;
    case ReportedLocation::Kind::PageLine: ++out.column; break;
  }
  return out;
}

}  // namespace gklint::cli
