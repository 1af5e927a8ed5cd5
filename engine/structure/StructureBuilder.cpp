#include "engine/structure/StructureBuilder.h"

#include <cstdint>

#include "engine/structure/HeadingParser.h"
#include "engine/structure/ReportFacts.h"
#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"
#include "engine/text/Source.h"

namespace gklint {
namespace {

constexpr size_t kMaxSectionTitleCodePoints = 40;

bool isProse(const Block& b) { return b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading; }

// A table caption ("表二：主动公开政府信息情况", "表3 …") names a section's table, not the section.
bool isTableCaption(std::string_view title) {
  constexpr std::string_view kBiao = "表";
  if (title.substr(0, kBiao.size()) != kBiao) return false;
  size_t pos = kBiao.size();
  if (pos >= title.size()) return false;
  const char32_t next = utf8::next(title, pos);
  return (next >= '1' && next <= '9') || std::u32string_view(U"一二三四五六七八九十").find(next) != std::u32string_view::npos;
}

class Builder {
 public:
  Builder(Document& doc, const Outline& outline) : doc_(doc), outline_(outline), text_(doc.text()) {}

  void recogniseHeadings() {
    // Pass 1: markers and outline matches of every prose line.
    std::vector<std::optional<ParsedMarker>> markers(doc_.blocks.size());
    std::vector<int> matches(doc_.blocks.size(), -1);
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& block = doc_.blocks[i];
      if (!isProse(block)) continue;
      markers[i] = parseMarker(text_, block.content);
      if (markers[i] && markers[i]->titleIsWholeRest) {
        const std::string title = removeSpaces(markers[i]->title.in(text_));
        if (utf8::codePointCount(title) <= kMaxSectionTitleCodePoints) matches[i] = outline_.match(title);
      }
    }
    // The smallest section number a later heading claims: an unmatched "二、完善制度" inside
    // 一、总体情况 must not open a section when "二、主动公开…" is still to come.
    std::vector<int> laterClaimed(doc_.blocks.size() + 1, INT32_MAX);
    for (size_t i = doc_.blocks.size(); i-- > 0;) {
      laterClaimed[i] = laterClaimed[i + 1];
      if (matches[i] >= 0) {
        laterClaimed[i] = std::min(laterClaimed[i], outline_.sections[static_cast<size_t>(matches[i])].number);
      }
    }
    // Pass 2: levels and sections.
    int lastSectionNumber = 0;
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& block = doc_.blocks[i];
      if (!isProse(block)) continue;
      std::optional<ParsedMarker>& marker = markers[i];
      if (!marker) {
        if (block.kind == BlockKind::Heading) addUnnumberedMarkdownHeading(i);
        continue;
      }
      Heading h;
      h.block = i;
      h.line = block.content;
      h.marker = marker->marker;
      h.title = marker->title;
      h.style = marker->style;
      h.number = marker->number;
      h.innerSpace = marker->innerSpace;
      const std::string title = removeSpaces(marker->title.in(text_));
      const bool standsAlone = marker->titleIsWholeRest && utf8::codePointCount(title) <= kMaxSectionTitleCodePoints;
      const int section = matches[i];
      switch (marker->style) {
        case NumberingStyle::ChineseComma:
        case NumberingStyle::ArabicComma:
        case NumberingStyle::ArabicDot:
          if (section >= 0 && !ownsSection(*marker, section)) {
            h.level = 3;  // "1、存在的主要问题" inside 五 is an item, not a second 五
            doc_.headings.push_back(h);
          } else if (section >= 0) {
            h.level = 1;
            addSection(h, section);
            lastSectionNumber = outline_.sections[static_cast<size_t>(section)].number;
          } else if (marker->style == NumberingStyle::ChineseComma && standsAlone && marker->number > lastSectionNumber &&
                     lastSectionNumber > 0 && marker->number < laterClaimed[i + 1]) {
            h.level = 1;
            addSection(h, -1);
            lastSectionNumber = marker->number;
          } else {
            h.level = 3;
            doc_.headings.push_back(h);
          }
          break;
        case NumberingStyle::FullBrackets:
        case NumberingStyle::HalfBrackets:
        case NumberingStyle::MixedBrackets:
          h.level = 2;
          doc_.headings.push_back(h);
          break;
        case NumberingStyle::ChineseIs:
          h.level = 3;
          doc_.headings.push_back(h);
          break;
        case NumberingStyle::None:
          break;
      }
    }
  }

  void closeSections() {
    for (size_t k = 0; k < doc_.sections.size(); ++k) {
      Section& s = doc_.sections[k];
      const size_t headingBlock = doc_.headings[s.heading].block;
      s.firstBlock = headingBlock + 1;
      s.endBlock = k + 1 < doc_.sections.size() ? doc_.headings[doc_.sections[k + 1].heading].block : doc_.blocks.size();
      const uint32_t end = s.endBlock < doc_.blocks.size() ? doc_.blocks[s.endBlock].span.begin
                                                             : static_cast<uint32_t>(text_.size());
      s.span = {doc_.blocks[headingBlock].span.begin, end};
    }
  }

 private:
  // An Arabic marker opens only the section whose number it carries ("4、 …复议…"); a Chinese
  // one may be misnumbered ("三、" on 四, reported by heading-numbering) unless that section
  // is already open, which makes it an item of the current section.
  bool ownsSection(const ParsedMarker& marker, int section) const {
    const int number = outline_.sections[static_cast<size_t>(section)].number;
    if (marker.number == number) return true;
    if (marker.style != NumberingStyle::ChineseComma) return false;
    for (const Section& s : doc_.sections) {
      if (s.outlineIndex == section) return false;
    }
    return true;
  }

  void addSection(Heading h, int outlineIndex) {
    Section s;
    s.outlineIndex = outlineIndex;
    if (outlineIndex >= 0) s.key = outline_.sections[static_cast<size_t>(outlineIndex)].key;
    s.heading = doc_.headings.size();
    doc_.headings.push_back(h);
    doc_.sections.push_back(s);
  }

  // "# 总体情况" without a numeral: a section heading when it names an outline section.
  void addUnnumberedMarkdownHeading(size_t i) {
    const Block& block = doc_.blocks[i];
    const std::string title = removeSpaces(block.content.in(text_));
    if (utf8::codePointCount(title) > kMaxSectionTitleCodePoints || isTableCaption(title)) return;
    const int section = outline_.match(title);
    if (section < 0 || block.markdownLevel > 2) return;
    Heading h;
    h.level = 1;
    h.block = i;
    h.line = block.content;
    h.marker = {block.content.begin, block.content.begin};
    h.title = block.content;
    h.style = NumberingStyle::None;
    addSection(h, section);
  }

  Document& doc_;
  const Outline& outline_;
  std::string_view text_;
};

// Paragraphs the reader joined over soft line breaks (or whose extraction spaces it found) are
// read from a linted copy of the text with those gaps closed up: one sentence to every rule.
void closeGaps(Document& doc) {
  std::vector<ClosedParagraph> paragraphs;
  std::vector<size_t> owners;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.gaps.empty()) continue;
    paragraphs.push_back({b.content, b.gaps});
    owners.push_back(i);
  }
  if (paragraphs.empty()) return;
  auto linted = std::make_shared<LintedText>(doc.source->text(), paragraphs);
  for (size_t k = 0; k < owners.size(); ++k) {
    Block& b = doc.blocks[owners[k]];
    b.content = linted->closedContent(k);  // `span` keeps the source extent: the rest is padding
  }
  doc.linted = std::move(linted);
}

}  // namespace

Document buildDocument(const Source& source, DocumentFormat format, ReadResult read, const Outline& outline,
                       const StructureOptions& options) {
  Document doc;
  doc.source = &source;
  doc.sourceText = source.text();
  doc.format = format;
  doc.blocks = std::move(read.blocks);
  doc.tables = std::move(read.tables);
  closeGaps(doc);
  Builder builder(doc, outline);
  builder.recogniseHeadings();
  builder.closeSections();
  findTitle(doc, doc.preambleEnd());
  findStatisticsPeriod(doc);
  resolveYearAndTemplate(doc, options.yearOverride);
  return doc;
}

}  // namespace gklint
