#include "engine/structure/ReportFacts.h"

#include <re2/re2.h>

#include <string>

#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool isProse(const Block& b) { return b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading; }

const RE2& yearPattern() {
  static const RE2 re(R"((\d{4})\s*年)");
  return re;
}

const RE2& periodKeyword() {
  static const RE2 re(R"((统计(?:期限|期间|时限|时段|区间|周期|时间|范围)|数据统计))");
  return re;
}

// Keywords that only ever introduce the statistics period (not "统计范围", "数据统计工作").
const RE2& strongKeyword() {
  static const RE2 re(R"(统计(?:期限|期间|时限|时段|区间|周期))");
  return re;
}

const RE2& paragraphYear() {
  static const RE2 re(R"(^(\d{4})\s*年)");
  return re;
}

const RE2& dateRange() {
  static const RE2 re(
      R"(((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—+|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日))");
  return re;
}

// The sentence of `block` around byte `at`: from after the previous 。 to the next 。 (inclusive).
ByteSpan sentenceAround(std::string_view text, ByteSpan block, uint32_t at) {
  std::string_view s = block.in(text);
  size_t rel = at - block.begin;
  size_t begin = s.rfind("。", rel == 0 ? 0 : rel - 1);
  begin = (begin == std::string_view::npos || begin >= rel) ? 0 : begin + 3;
  size_t end = s.find("。", rel);
  end = end == std::string_view::npos ? s.size() : end + 3;
  return trimSpan(text, {block.begin + static_cast<uint32_t>(begin), block.begin + static_cast<uint32_t>(end)});
}

}  // namespace

OrganKind organKindOf(std::string_view organ) {
  if (organ.empty()) return OrganKind::Unknown;
  std::string_view body = organ;
  if (endsWith(body, "人民政府")) body.remove_suffix(std::string_view("人民政府").size());
  if (endsWith(body, "乡") || endsWith(body, "镇") || endsWith(body, "街道") || endsWith(body, "街道办事处") ||
      endsWith(body, "苏木")) {
    return OrganKind::Township;
  }
  return endsWith(organ, "人民政府") ? OrganKind::Government : OrganKind::Department;
}

void findTitle(Document& doc, size_t preambleEnd) {
  const std::string_view text = doc.text();
  size_t first = 0;
  while (first < preambleEnd && !isProse(doc.blocks[first])) ++first;
  if (first >= preambleEnd) return;
  auto names = [&](size_t i) {
    std::string s = removeSpaces(doc.blocks[i].content.in(text));
    return s;
  };
  auto namesReport = [](std::string_view s) {
    return s.find("报告") != std::string_view::npos || endsWith(s, "年报");
  };
  std::string line = names(first);
  size_t end = first + 1;
  ByteSpan span = doc.blocks[first].content;
  if (!namesReport(line)) {
    const size_t second = first + 1;
    const bool shortFirst = utf8::codePointCount(line) <= 30 && line.find("。") == std::string::npos;
    if (second >= preambleEnd || !isProse(doc.blocks[second]) || !shortFirst) return;
    std::string next = names(second);
    if (!namesReport(next) || next.find("。") != std::string::npos) return;
    line += next;
    span.end = doc.blocks[second].content.end;
    end = second + 1;
  }
  if (line.find("。") != std::string::npos) return;  // a sentence, not a title
  Title title;
  title.span = span;
  title.text = line;
  re2::StringPiece year;
  std::string_view rest = line;
  size_t yearAt = std::string::npos;
  re2::StringPiece input(rest.data(), rest.size());
  if (RE2::PartialMatch(input, yearPattern(), &year)) {
    title.year = std::stoi(std::string(year.data(), year.size()));
    yearAt = static_cast<size_t>(year.data() - rest.data());
  }
  title.organ = yearAt == std::string::npos ? std::string() : line.substr(0, yearAt);
  doc.title = title;
  doc.titleBlockEnd = end;
}

void findStatisticsPeriod(Document& doc) {
  // Preference: a period keyword with a date range; else a strong keyword alone (a period
  // stated without dates: malformed); else a bare 1月1日…12月31日 range beside 本报告/数据.
  const std::string_view text = doc.text();
  std::optional<StatisticsPeriod> withoutDates, bareRange;
  for (const Block& block : doc.blocks) {
    if (!isProse(block)) continue;
    std::string_view s = block.content.in(text);
    re2::StringPiece keyword;
    const bool hasKeyword = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), periodKeyword(), &keyword);
    re2::StringPiece match, y1, m1, d1, y2, m2, d2;
    const bool hasRange =
        RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), dateRange(), &match, &y1, &m1, &d1, &y2, &m2, &d2);
    const bool aboutReport = s.find("本报告") != std::string_view::npos || s.find("数据") != std::string_view::npos;
    if (!hasKeyword && !(hasRange && aboutReport)) continue;
    StatisticsPeriod period;
    const char* anchor = hasKeyword ? keyword.data() : match.data();
    period.span = sentenceAround(text, block.content, block.content.begin + static_cast<uint32_t>(anchor - s.data()));
    if (!hasRange) {
      if (!withoutDates && RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), strongKeyword())) {
        withoutDates = period;
      }
      continue;
    }
    auto num = [](re2::StringPiece p) { return p.empty() ? 0 : std::stoi(std::string(p.data(), p.size())); };
    period.datesParsed = true;
    period.startYear = num(y1);
    period.startMonth = num(m1);
    period.startDay = num(d1);
    period.endYear = num(y2);
    period.endMonth = num(m2);
    period.endDay = num(d2);
    const uint32_t at = block.content.begin + static_cast<uint32_t>(match.data() - s.data());
    period.datesSpan = {at, at + static_cast<uint32_t>(match.size())};
    period.span.end = std::max(period.span.end, period.datesSpan.end);  // the range may run past the sentence
    if (hasKeyword) {
      doc.period = period;
      return;
    }
    if (!bareRange) bareRange = period;
  }
  if (bareRange) doc.period = bareRange;
  else if (withoutDates) doc.period = withoutDates;
}

void resolveYearAndTemplate(Document& doc, std::optional<int> yearOverride) {
  if (yearOverride) {
    doc.year = *yearOverride;
    doc.yearSource = YearSource::Override;
  } else if (doc.title && doc.title->year) {
    doc.year = *doc.title->year;
    doc.yearSource = YearSource::Title;
  } else if (doc.period && doc.period->datesParsed && doc.period->startYear > 0) {
    doc.year = doc.period->startYear;
    doc.yearSource = YearSource::Period;
  } else {
    // Last resort: a paragraph opening with "YYYY年" in the preamble or the overview
    // ("2021年，我乡…"); a year mentioned in passing ("根据2019年修订的《条例》") is no evidence.
    const std::string_view text = doc.text();
    const Section* overview = doc.section("overview");
    const size_t end = overview ? overview->endBlock : doc.preambleEnd();
    for (size_t i = 0; i < end && i < doc.blocks.size(); ++i) {
      const Block& block = doc.blocks[i];
      if (!isProse(block)) continue;
      re2::StringPiece year;
      std::string_view s = block.content.in(text);
      if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), paragraphYear(), &year)) {
        doc.year = std::stoi(std::string(year.data(), year.size()));
        doc.yearSource = YearSource::Text;
        break;
      }
    }
  }
  doc.templateId = templateForYear(doc.year);
  doc.organKind = organKindOf(doc.title ? std::string_view(doc.title->organ) : std::string_view());
}

}  // namespace gklint
