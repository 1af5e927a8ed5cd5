// ReportFacts: finds the title, organ, statistics period and reporting year of a report.
#pragma once

#include <optional>

#include "engine/model/Document.h"

namespace gklint {

// The title: the first line if it names a report (报告/年报), or the first two lines when the
// organ name stands alone above "2021年政府信息公开工作年度报告". Sets Document::title and
// titleBlockEnd. Looks only at blocks before `preambleEnd`.
void findTitle(Document& doc, size_t preambleEnd);

// The statistics period: a sentence with 统计期限/统计期间/… (or a 1月1日…12月31日 range beside
// 本报告/数据) anywhere outside tables. Sets Document::period.
void findStatisticsPeriod(Document& doc);

// Reporting year: override, else the title's year, else the period's start year, else the
// first "YYYY年" of the text. Sets year, yearSource, templateId and organKind.
void resolveYearAndTemplate(Document& doc, std::optional<int> yearOverride);

// Government (人民政府, 乡, 镇, 街道, 办事处) or department, from the organ name.
OrganKind organKindOf(std::string_view organ);

}  // namespace gklint
