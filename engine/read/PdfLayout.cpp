#include "engine/read/PdfLayout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>

#include "engine/text/Utf8.h"

namespace gklint {
namespace {

// Lines closer than this (a fraction of the line height) are two lines of one table cell.
constexpr double kTightGap = 0.35;
// A gap of this many font sizes between Latin words is a space (poppler also says so itself).
constexpr double kLatinSpaceEm = 0.15;
// Next to a Han character: Word and LibreOffice set Han and Latin apart by about 0.2 em
// (autospace); a typed space adds the font's space width to that, 0.3 em or more.
constexpr double kTypedSpaceNextToHanEm = 0.27;
// Lines wrap only in a text block at least this many font sizes wide.
constexpr double kMinJoinWidthEm = 15;
// A table label fragment: a short tab-less line (the text reader's own limit).
constexpr size_t kMaxFragmentCodePoints = 30;
// Furniture stands in the top or bottom band of a page, this fraction of its height.
constexpr double kFurnitureBand = 0.15;
// At most this many furniture lines at each end of a page.
constexpr size_t kMaxFurnitureLines = 2;

struct Cell {
  double x0 = 0, x1 = 0;
  std::string text;
  uint32_t character = 0;  // where the cell starts in its line's text, in code points
};

struct Line {
  uint32_t page = 0;    // 1-based
  uint32_t number = 0;  // 1-based line of the page
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double fontSize = 0;
  std::vector<Cell> cells;
  std::string text;  // the cells joined by one space
  double height() const { return y1 - y0; }
};

char32_t firstCodePoint(std::string_view s) {
  size_t pos = 0;
  return s.empty() ? 0 : utf8::next(s, pos);
}

char32_t lastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t pos = start;
  return utf8::next(s, pos);
}

// Characters set without spaces between them in Chinese text: Han, CJK punctuation, full-width
// forms, curly quotes. A gap poppler sees next to one of them is type-setting (the autospace
// Word and LibreOffice put between Han and Latin), not a space in the text.
bool isWide(char32_t cp) {
  return cp >= 0x2E80 || (cp >= 0x2018 && cp <= 0x201F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF);
}

// What joins `before` and `after` when they are one word apart: nothing next to a wide
// character, otherwise one space.
std::string_view joiner(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty()) return {};
  return isWide(lastCodePoint(before)) || isWide(firstCodePoint(after)) ? std::string_view{} : std::string_view{" "};
}

// What joins two lines of one paragraph: `joiner`, except that a number the line broke
// ("联系电话：045" / "7-2190000", CJK line breaking allows it anywhere) stays one number.
std::string_view lineJoiner(std::string_view before, std::string_view after) {
  const char32_t last = lastCodePoint(before);
  const char32_t first = firstCodePoint(after);
  if (last >= '0' && last <= '9' && ((first >= '0' && first <= '9') || first == '-')) return {};
  if (last == '-' || last == '@' || last == '.' || first == '@') return {};
  return joiner(before, after);
}

// How tall a word's box is for its font size when poppler does not say the size (asking it
// costs a third of the reading time): learnt per page from the words of Han characters only,
// each exactly 1 em wide; 1.3 (WenQuanYi, SimSun's boxes are about 1.0) when there is none.
double boxHeightPerEm(const PdfPage& page) {
  std::vector<double> ratios;
  for (const PdfWord& w : page.words) {
    if (w.fontSize > 0 || w.y1 <= w.y0) continue;
    size_t count = 0;
    bool allHan = true;
    size_t pos = 0;
    while (pos < w.text.size() && allHan) {
      allHan = utf8::next(w.text, pos) >= 0x2E80;
      ++count;
    }
    if (allHan && count >= 2 && w.x1 > w.x0) ratios.push_back((w.y1 - w.y0) / ((w.x1 - w.x0) / static_cast<double>(count)));
  }
  if (ratios.empty()) return 1.3;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2), ratios.end());
  return std::clamp(ratios[ratios.size() / 2], 0.8, 2.0);
}

thread_local double tHeightPerEm = 1.3;  // the page being grouped (set by pageLines)

double fontSizeOf(const PdfWord& w) {
  if (w.fontSize > 0) return w.fontSize;
  return std::max(1.0, (w.y1 - w.y0) / tHeightPerEm);
}

// Groups one page's words into lines, top to bottom, each left to right and split into cells.
std::vector<Line> pageLines(const PdfPage& page, uint32_t pageNumber) {
  tHeightPerEm = boxHeightPerEm(page);
  std::vector<size_t> order(page.words.size());
  std::iota(order.begin(), order.end(), 0);
  auto center = [&](size_t i) { return (page.words[i].y0 + page.words[i].y1) / 2; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return center(a) < center(b); });

  std::vector<std::vector<size_t>> groups;
  double bandTop = 0, bandBottom = 0;
  for (size_t i : order) {
    const PdfWord& w = page.words[i];
    if (w.text.empty()) continue;
    const double c = center(i);
    if (!groups.empty() && c >= bandTop && c <= bandBottom) {
      groups.back().push_back(i);
      continue;
    }
    groups.push_back({i});
    bandTop = w.y0;
    bandBottom = w.y1;
  }

  std::vector<Line> lines;
  lines.reserve(groups.size());
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) { return page.words[a].x0 < page.words[b].x0; });
    Line line;
    line.page = pageNumber;
    line.number = static_cast<uint32_t>(lines.size() + 1);
    line.x0 = page.words[group.front()].x0;
    line.y0 = page.words[group.front()].y0;
    line.y1 = page.words[group.front()].y1;
    uint32_t characters = 0;
    const PdfWord* previous = nullptr;
    for (size_t i : group) {
      const PdfWord& w = page.words[i];
      line.y0 = std::min(line.y0, w.y0);
      line.y1 = std::max(line.y1, w.y1);
      line.x1 = std::max(line.x1, w.x1);
      line.fontSize = std::max(line.fontSize, fontSizeOf(w));
      const double em = previous ? std::max(fontSizeOf(*previous), fontSizeOf(w)) : fontSizeOf(w);
      const double gap = previous ? w.x0 - previous->x1 : 0;
      if (!previous || gap >= kCellGapEm * em) {
        if (previous) {
          line.text += ' ';
          ++characters;
        }
        line.cells.push_back({w.x0, w.x1, {}, characters});
      } else if (previous->spaceAfter || gap >= kLatinSpaceEm * em) {
        // Next to a Han character a narrow gap is the autospace of the type-setter, a wider one a
        // space the drafter typed (the text rules flag it, as in the .txt).
        const bool wide = isWide(lastCodePoint(line.cells.back().text)) || isWide(firstCodePoint(w.text));
        std::string_view space = wide && gap < kTypedSpaceNextToHanEm * em ? std::string_view{} : std::string_view{" "};
        line.cells.back().text += space;
        line.text += space;
        characters += static_cast<uint32_t>(space.size());
      }
      Cell& cell = line.cells.back();
      cell.text += w.text;
      cell.x1 = std::max(cell.x1, w.x1);
      line.text += w.text;
      characters += static_cast<uint32_t>(utf8::codePointCount(w.text));
      previous = &w;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string withoutSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::next(s, pos);
    if (!utf8::isSpace(cp)) out.append(s.substr(start, pos - start));
  }
  return out;
}

bool isPageNumber(const Line& line) {
  static const RE2 re(
      R"(^(?:[-—–－~·•]*[0-9]{1,4}[-—–－~·•]*|第[0-9一二三四五六七八九十百]+页(?:[,，/]?共[0-9一二三四五六七八九十百]+页)?)"
      R"(|共[0-9]+页[,，]?第[0-9]+页|[0-9]{1,4}/[0-9]{1,4}|(?i:page)[0-9]{1,4}(?:(?i:of)[0-9]{1,4})?)$)");
  if (line.cells.size() > 3) return false;
  const std::string compact = withoutSpaces(line.text);
  return compact.size() <= 40 && RE2::FullMatch(compact, re);
}

// The text of a header or footer line with its digits masked: "第3页" and "第4页" are one key.
std::string furnitureKey(const Line& line) {
  std::string key = withoutSpaces(line.text);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return key;
}

bool isStamp(std::string_view text) {
  static const RE2 re(R"(^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?$)");
  return RE2::FullMatch(text, re);
}

// The lines at the top and bottom of a page that may be furniture: in its edge bands, at most
// kMaxFurnitureLines at each end.
std::vector<size_t> edgeLines(const std::vector<Line>& lines, double pageHeight) {
  std::vector<size_t> edge;
  for (size_t i = 0; i < lines.size() && i < kMaxFurnitureLines; ++i) {
    if (pageHeight > 0 && lines[i].y1 > pageHeight * kFurnitureBand) break;
    edge.push_back(i);
  }
  for (size_t k = 0; k < lines.size() && k < kMaxFurnitureLines; ++k) {
    const size_t i = lines.size() - 1 - k;
    if (pageHeight > 0 && lines[i].y0 < pageHeight * (1 - kFurnitureBand)) break;
    if (std::find(edge.begin(), edge.end(), i) == edge.end()) edge.push_back(i);
  }
  return edge;
}

// Marks page numbers, running headers and footers, and page 1's 附件 stamp.
std::vector<std::vector<bool>> findFurniture(const std::vector<std::vector<Line>>& pages,
                                             const std::vector<PdfPage>& source) {
  std::vector<std::vector<size_t>> edges(pages.size());
  std::map<std::string, size_t> pagesWithKey;
  for (size_t p = 0; p < pages.size(); ++p) {
    edges[p] = edgeLines(pages[p], source[p].height);
    std::set<std::string> keys;
    for (size_t i : edges[p]) keys.insert(furnitureKey(pages[p][i]));
    for (const std::string& key : keys) ++pagesWithKey[key];
  }
  std::vector<std::vector<bool>> furniture(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    furniture[p].assign(pages[p].size(), false);
    std::set<std::string> removed;  // one line per key and page: the title under a header that repeats it stays
    auto dropAt = [&](size_t i) {
      const Line& line = pages[p][i];
      if (isPageNumber(line)) return true;
      const std::string key = furnitureKey(line);
      const size_t count = pagesWithKey[key];
      if (pages.size() < 2 || count < 2 || count * 2 < pages.size() || removed.count(key)) return false;
      removed.insert(key);
      return true;
    };
    // From each end inwards, stopping at the first line that is content.
    const std::vector<size_t>& edge = edges[p];
    for (size_t i : edge) {
      if (i >= kMaxFurnitureLines) break;
      if (i > 0 && !furniture[p][i - 1]) break;
      furniture[p][i] = dropAt(i);
    }
    for (size_t k = 0; k < kMaxFurnitureLines && k < pages[p].size(); ++k) {
      const size_t i = pages[p].size() - 1 - k;
      if (std::find(edge.begin(), edge.end(), i) == edge.end() || furniture[p][i]) break;
      if (k > 0 && !furniture[p][i + 1]) break;
      furniture[p][i] = dropAt(i);
    }
  }
  // The 附件 stamp: page 1's first content line, when something follows it.
  if (!pages.empty()) {
    for (size_t i = 0; i < pages[0].size(); ++i) {
      if (furniture[0][i]) continue;
      if (isStamp(withoutSpaces(pages[0][i].text)) && i + 1 < pages[0].size()) furniture[0][i] = true;
      break;
    }
  }
  return furniture;
}

const RE2& headingPattern() {
  // 一、 （一） 1. 1、 (1) — a heading or a numbered item starts a new paragraph or table row.
  static const RE2 re(R"(^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[）)]|[0-9]{1,2}\s*[、.．](?:[^0-9]|$)))");
  return re;
}

bool startsItem(std::string_view text) { return RE2::PartialMatch(text, headingPattern()); }

bool isNumber(std::string_view text) {
  static const RE2 re(R"(^[+\-−]?[0-9０-９]+(?:[.,，．][0-9０-９]+)*\s*[%％]?$)");
  return RE2::FullMatch(text, re);
}

bool isFragment(const Line& line) {
  if (line.cells.size() != 1) return false;
  const std::string& text = line.text;
  if (text.find("。") != std::string::npos) return false;
  if (utf8::codePointCount(text) > kMaxFragmentCodePoints) return false;
  static const RE2 topHeading(R"(^[一二三四五六七八九十]{1,2}\s*[、，．.]\s*\S)");
  return !RE2::PartialMatch(text, topHeading);
}

struct Piece {
  std::string_view text;
  OriginPlace place;
};

struct RowCell {
  double x0 = 0, x1 = 0;
  double y1 = 0;      // bottom of its last piece's line
  uint32_t page = 0;  // page of its last piece
  std::vector<Piece> pieces;
};

struct Row {
  std::vector<RowCell> cells;
  bool hasNumber = false;
  double numbersX0 = 1e300;  // leftmost numeric cell
};

OriginPlace placeOf(const Line& line, const Cell& cell) {
  OriginPlace place;
  place.kind = OriginPlace::Kind::PageLine;
  place.page = line.page;
  place.line = line.number;
  place.character = cell.character;
  return place;
}

class Writer {
 public:
  Writer() : origin_(std::make_shared<OriginMap>()) {}

  void paragraph(const std::vector<Piece>& pieces) {
    separateBlock();
    std::string_view previous;
    for (const Piece& piece : pieces) {
      text_ += lineJoiner(previous, piece.text);
      add(piece);
      previous = piece.text;
    }
    text_ += '\n';
    lastWasTable_ = false;
  }

  void row(Row& row) {
    if (!lastWasTable_) separateBlock();
    std::sort(row.cells.begin(), row.cells.end(), [](const RowCell& a, const RowCell& b) { return a.x0 < b.x0; });
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (c > 0) text_ += '\t';
      std::string_view previous;
      for (const Piece& piece : row.cells[c].pieces) {
        text_ += joiner(previous, piece.text);
        add(piece);
        previous = piece.text;
      }
    }
    if (row.cells.size() == 1) text_ += '\t';  // a one-cell row is still a table row
    text_ += '\n';
    lastWasTable_ = true;
  }

  PdfText finish() { return {std::move(text_), std::move(origin_)}; }

 private:
  void add(const Piece& piece) {
    origin_->add(static_cast<uint32_t>(text_.size()), piece.place);
    text_ += piece.text;
  }
  void separateBlock() {
    if (!text_.empty()) text_ += '\n';
  }

  std::string text_;
  std::shared_ptr<OriginMap> origin_;
  bool lastWasTable_ = false;
};

// Assembles table rows from table lines, and paragraphs from prose lines, in reading order.
class Assembler {
 public:
  Assembler(Writer& out, const std::vector<double>& leftEdge, const std::vector<double>& rightEdge)
      : out_(out), leftEdge_(leftEdge), rightEdge_(rightEdge) {}

  void line(const Line& line, const Line* next) {
    const bool multi = line.cells.size() >= 2;
    const bool inTable = lastTable_ != nullptr;
    const bool leadsTable = isFragment(line) && next && next->cells.size() >= 2 && next->page == line.page &&
                            next->y0 - line.y1 < 1.5 * line.height() && !startsItem(line.text);
    if (multi || (inTable && isFragment(line)) || leadsTable) {
      endParagraph();
      tableLine(line);
      return;
    }
    endTable();
    proseLine(line);
  }

  void finish() {
    endTable();
    endParagraph();
  }

 private:
  void tableLine(const Line& line) {
    bool isData = false;
    double numbersX0 = 1e300;
    for (const Cell& cell : line.cells) {
      if (isNumber(cell.text)) {
        isData = true;
        numbersX0 = std::min(numbersX0, cell.x0);
      }
    }
    const bool item = startsItem(line.cells.front().text);
    const bool tight =
        lastTable_ && (line.page != lastTable_->page || line.y0 - lastTable_->y1 < kTightGap * line.height());
    bool merge = false;
    if (row_ && tight && cellsContinue(line)) {
      if (!isData && !item) {
        merge = true;  // the next line of the cells above: a label or header wrapping
      } else if (isData && !row_->hasNumber) {
        // A label beginning above its numbers — unless the row above is a header over these columns.
        merge = std::all_of(row_->cells.begin(), row_->cells.end(), [&](const RowCell& c) { return c.x1 <= numbersX0; });
      }
    }
    if (!merge) {
      flushRow();
      row_.emplace();
    }
    for (const Cell& cell : line.cells) addCell(cell, line);
    if (isData) {
      row_->hasNumber = true;
      row_->numbersX0 = std::min(row_->numbersX0, numbersX0);
    }
    lastTable_ = &line;
  }

  // The row's cell that `cell` lies under: the one it overlaps most.
  RowCell* cellAbove(const Cell& cell) {
    RowCell* best = nullptr;
    double bestOverlap = 0;
    for (RowCell& c : row_->cells) {
      const double overlap = std::min(c.x1, cell.x1) - std::max(c.x0, cell.x0);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = &c;
      }
    }
    return best;
  }

  // Whether each cell of `line` that lies under a cell of the row follows that cell's last line
  // closely: a tall cell beside them (a wrapped caption) must not join a new row to an old one.
  // Over a page break only a row that continues in every cell is one row (a cell that wrapped
  // onto the next page), not the next row of the table starting on a new page.
  bool cellsContinue(const Line& line) {
    for (const Cell& cell : line.cells) {
      const RowCell* above = cellAbove(cell);
      if (!above) {
        if (lastTable_ && lastTable_->page != line.page) return false;
        continue;
      }
      if (above->page == line.page && line.y0 - above->y1 >= kTightGap * line.height()) return false;
    }
    return true;
  }

  void addCell(const Cell& cell, const Line& line) {
    Piece piece{cell.text, placeOf(line, cell)};
    RowCell* best = cellAbove(cell);
    if (!best) {
      for (RowCell& c : row_->cells) {
        if (std::abs(c.x0 - cell.x0) < line.fontSize) best = &c;
      }
    }
    if (best) {
      best->pieces.push_back(piece);
      best->x0 = std::min(best->x0, cell.x0);
      best->x1 = std::max(best->x1, cell.x1);
      best->y1 = line.y1;
      best->page = line.page;
      return;
    }
    row_->cells.push_back({cell.x0, cell.x1, line.y1, line.page, {piece}});
  }

  void flushRow() {
    if (row_) out_.row(*row_);
    row_.reset();
  }

  void endTable() {
    flushRow();
    lastTable_ = nullptr;
  }

  void proseLine(const Line& line) {
    if (!paragraph_.empty() && continues(*lastProse_, line)) {
      paragraph_.push_back({line.cells.front().text, placeOf(line, line.cells.front())});
    } else {
      endParagraph();
      paragraph_.push_back({line.cells.front().text, placeOf(line, line.cells.front())});
    }
    lastProse_ = &line;
  }

  // Whether `next` continues the paragraph whose last line is `last` (a soft line break).
  bool continues(const Line& last, const Line& next) const {
    const double em = std::max(last.fontSize, next.fontSize);
    if (std::abs(last.fontSize - next.fontSize) > 0.5) return false;
    const double left = leftEdge_[last.page - 1], right = rightEdge_[last.page - 1];
    if (right - left < kMinJoinWidthEm * em) return false;  // a page of short lines: nothing wraps
    if (last.x1 < right - 2 * em) return false;  // the last line ended short
    if (next.x0 > leftEdge_[next.page - 1] + 0.5 * em) return false;  // the next one is indented
    if (next.page == last.page && next.y0 - last.y1 > next.height()) return false;
    return !startsItem(next.text);
  }

  void endParagraph() {
    if (!paragraph_.empty()) out_.paragraph(paragraph_);
    paragraph_.clear();
    lastProse_ = nullptr;
  }

  Writer& out_;
  const std::vector<double>& leftEdge_;
  const std::vector<double>& rightEdge_;
  std::optional<Row> row_;
  const Line* lastTable_ = nullptr;
  std::vector<Piece> paragraph_;
  const Line* lastProse_ = nullptr;
};

}  // namespace

PdfText layoutPdfPages(const std::vector<PdfPage>& pages) {
  std::vector<std::vector<Line>> lines(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) lines[p] = pageLines(pages[p], static_cast<uint32_t>(p + 1));
  const std::vector<std::vector<bool>> furniture = findFurniture(lines, pages);

  std::vector<const Line*> content;
  std::vector<double> leftEdge(pages.size(), 0), rightEdge(pages.size(), 0);
  for (size_t p = 0; p < pages.size(); ++p) {
    double left = 1e300, right = 0;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      if (furniture[p][i]) continue;
      content.push_back(&lines[p][i]);
      left = std::min(left, lines[p][i].x0);
      right = std::max(right, lines[p][i].x1);
    }
    leftEdge[p] = left;
    rightEdge[p] = right;
  }

  Writer writer;
  Assembler assembler(writer, leftEdge, rightEdge);
  for (size_t i = 0; i < content.size(); ++i) assembler.line(*content[i], i + 1 < content.size() ? content[i + 1] : nullptr);
  assembler.finish();
  return writer.finish();
}

}  // namespace gklint
