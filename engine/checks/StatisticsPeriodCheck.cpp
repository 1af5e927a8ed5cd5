// statistics-period: with `report: missing`, a report that never states its statistics
// period; with `report: invalid`, a stated period that is malformed, not 1月1日–12月31日, or
// spans two years (its year against the reporting year is year-consistency's job).
#include "engine/checks/CheckRegistry.h"
#include "engine/lint/Scope.h"

namespace gklint {
namespace {

enum class Mode { Missing, Invalid };

class StatisticsPeriodCheck final : public Check {
 public:
  StatisticsPeriodCheck(RuleInfo info, Mode mode) : Check(std::move(info)), mode_(mode) {}

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    const std::string year = doc.year > 0 ? std::to_string(doc.year) : "YYYY";
    if (mode_ == Mode::Missing) {
      if (!doc.period) {
        ctx.report(documentAnchor(doc),
                   {{"year", year},
                    {"detail", "未说明统计期限（如“本报告中所列数据统计期限自" + year + "年1月1日起至" + year +
                                   "年12月31日止”）"}});
      }
      return;
    }
    if (!doc.period) return;
    const StatisticsPeriod& p = *doc.period;
    if (!p.datesParsed) {
      ctx.report(p.span, {{"year", year}, {"detail", "统计期限没有写明起止日期"}});
      return;
    }
    const ByteSpan at = p.datesSpan;
    if (p.startMonth != 1 || p.startDay != 1 || p.endMonth != 12 || p.endDay != 31) {
      ctx.report(at, {{"year", year},
                      {"detail", "统计期限应为" + std::to_string(p.startYear) + "年1月1日至12月31日，写作" +
                                     std::to_string(p.startMonth) + "月" + std::to_string(p.startDay) + "日至" +
                                     std::to_string(p.endMonth) + "月" + std::to_string(p.endDay) + "日"}});
    } else if (p.endYear != 0 && p.endYear != p.startYear) {
      ctx.report(at, {{"year", year},
                      {"detail", "统计期限跨越两个年度（" + std::to_string(p.startYear) + "年至" +
                                     std::to_string(p.endYear) + "年）"}});
    }
  }

 private:
  Mode mode_;
};

}  // namespace

std::unique_ptr<Check> createStatisticsPeriodCheck(RuleInfo info, OptionReader& options) {
  const std::string mode = options.string("report", "missing");
  if (mode != "missing" && mode != "invalid") {
    options.error("report", "'report' must be missing or invalid");
    return nullptr;
  }
  return std::make_unique<StatisticsPeriodCheck>(std::move(info), mode == "missing" ? Mode::Missing : Mode::Invalid);
}

}  // namespace gklint
