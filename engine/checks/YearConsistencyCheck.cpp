// year-consistency: the title's year and the statistics period's year agree (the rule's
// severity); and, at `stale_severity`, no stale year is left in the preamble's mention of the
// report or at the head of an overview paragraph (a sign of last year's report reused).
#include <re2/re2.h>

#include "engine/checks/CheckRegistry.h"
#include "engine/lint/Scope.h"
#include "engine/lint/TextScan.h"

namespace gklint {
namespace {

const RE2& reportMention() {
  static const RE2 re(R"((\d{4})\s*年度?\s*政府信息公开工作年度报告)");
  return re;
}

const RE2& paragraphYear() {
  static const RE2 re(R"(^(\d{4})\s*年度?\s*[，,])");
  return re;
}

class YearConsistencyCheck final : public Check {
 public:
  YearConsistencyCheck(RuleInfo info, Severity staleSeverity) : Check(std::move(info)), staleSeverity_(staleSeverity) {}

  std::vector<SectionRef> sectionRefs() const override { return {{"overview", info().mark, info().id}}; }

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    if (doc.year <= 0) return;
    const std::string year = std::to_string(doc.year);
    // The period against the title's year, or against --year when given.
    const bool override = doc.yearSource == YearSource::Override;
    const std::optional<int> stated = override ? std::optional<int>(doc.year) : (doc.title ? doc.title->year : std::nullopt);
    if (stated && doc.period && doc.period->datesParsed && doc.period->startYear != *stated) {
      ctx.report(doc.period->datesSpan,
                 {{"year", year},
                  {"found", std::to_string(doc.period->startYear)},
                  {"detail", "统计期限的年份（" + std::to_string(doc.period->startYear) + "）与" +
                                 (override ? "指定的报告年度（" : "标题中的年份（") + std::to_string(*stated) + "）不一致"}});
    }
    reportStale(ctx, Scope::Kind::Preamble, reportMention(), 0, false);
    reportStale(ctx, Scope::Kind::Section, paragraphYear(), 1, true);
  }

 private:
  // Years other than the reporting year (and, for paragraph heads, the next year's plans).
  void reportStale(CheckContext& ctx, Scope::Kind kind, const RE2& pattern, int allowedAhead, bool firstOnly) const {
    const Document& doc = ctx.doc();
    Scope scope;
    std::string ignored;
    Scope::parse(kind == Scope::Kind::Preamble ? "preamble" : "section:overview", scope, ignored);
    forEachTextPiece(doc, scope, {}, [&](ByteSpan piece, const Block&) {
      std::string_view s = ctx.textOf(piece);
      re2::StringPiece input(s.data(), s.size());
      re2::StringPiece yearText;
      while (RE2::FindAndConsume(&input, pattern, &yearText)) {
        const int found = std::stoi(std::string(yearText.data(), yearText.size()));
        if (found == doc.year || (found > doc.year && found <= doc.year + allowedAhead)) {
          if (firstOnly) break;
          continue;
        }
        const uint32_t at = piece.begin + static_cast<uint32_t>(yearText.data() - s.data());
        Finding& f = ctx.report({at, at + 4},
                                {{"year", std::to_string(doc.year)},
                                 {"found", std::to_string(found)},
                                 {"detail", "“" + std::to_string(found) + "年”与报告年度" + std::to_string(doc.year) +
                                                "年不一致，是否沿用了其他年度的报告？"}});
        f.severity = staleSeverity_;
        if (firstOnly) break;  // an anchored pattern: only the paragraph's head
      }
    });
  }

  Severity staleSeverity_;
};

}  // namespace

std::unique_ptr<Check> createYearConsistencyCheck(RuleInfo info, OptionReader& options) {
  Severity stale = Severity::Warning;
  const std::string name = options.string("stale_severity", "warning");
  if (!parseSeverity(name, stale)) options.error("stale_severity", "'stale_severity' must be info, warning or error");
  return std::make_unique<YearConsistencyCheck>(std::move(info), stale);
}

}  // namespace gklint
