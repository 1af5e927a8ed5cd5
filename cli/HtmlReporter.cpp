// HtmlReporter: one self-contained HTML page summarising a batch of reports for the offices
// concerned — the run's facts, charts (rules most often broken, reports by result), one row
// per report with its gate result, the rules table, then every report's findings and its
// tables as gklint read them (cli/HtmlTables). Filters and sorting are a few lines of inline
// script; without it the page is complete and plain. No external resources, no timestamps.
// The page opens with totals, so results are kept until end(): a summary row per report, its
// findings already rendered, and a count per rule — never the reports themselves.
#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <string_view>

#include "cli/HtmlCharts.h"
#include "cli/HtmlTables.h"
#include "cli/HtmlText.h"
#include "cli/Reporter.h"
#include "cli/Version.h"

namespace gklint::cli {
namespace {

constexpr size_t kChartRules = 10;  // bars in the chart of rules most broken

constexpr const char* kHeading = "政府信息公开工作年度报告检查结果";

// Print-friendly: backgrounds kept, table heads repeated on each page, links not underlined.
constexpr const char* kStyle = R"css(body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;line-height:1.5;max-width:80em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.6em;margin:0 0 .2em}
h2{font-size:1.25em;margin:1.5em 0 .5em;border-bottom:2px solid #444}
.subtitle{font-size:1.15em;margin:0 0 .8em}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:.8em 0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#eee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.path{word-break:break-all}
.pos{font-family:monospace;white-space:nowrap}
.verdict{font-weight:bold;white-space:nowrap}
.pass .verdict{color:#1b5e20}
.fail .verdict,.unreadable .verdict{color:#b71c1c}
tr.fail td,tr.unreadable td{background:#fdecea}
tr.fail td:first-child,tr.unreadable td:first-child{box-shadow:inset 4px 0 #c62828}
details.report{border:1px solid #bbb;border-left:6px solid #2e7d32;margin:.8em 0;padding:.3em .8em}
details.report.fail,details.report.unreadable{border-left-color:#c62828}
summary{cursor:pointer;font-weight:bold}
.meta{margin:.3em 0;color:#444}
.read-error{color:#b71c1c}
.severity{white-space:nowrap}
tr.error .severity{color:#b71c1c;font-weight:bold}
tr.warning .severity{color:#8a5300;font-weight:bold}
tr.info .severity{color:#0d47a1}
ul.related{margin:.2em 0;padding-left:1.2em;color:#444}
.fix{margin:.2em 0;color:#1b5e20}
.charts{display:flex;flex-wrap:wrap;gap:1em 2em}
.charts figure{margin:0}
.charts figcaption{font-weight:bold;margin-bottom:.3em}
svg.chart{max-width:100%;height:auto;font-size:13px}
svg.chart text{fill:#1a1a1a}
svg.chart .bar rect{fill:#607d8b}
svg.chart .bar.error rect,svg.chart .bar.fail rect,svg.chart .bar.unreadable rect{fill:#c62828}
svg.chart .bar.warning rect{fill:#ef8f00}
svg.chart .bar.info rect{fill:#1e88e5}
svg.chart .bar.pass rect{fill:#2e7d32}
form#filters{display:flex;flex-wrap:wrap;gap:.5em 1.2em;align-items:center;background:#f5f5f5;border:1px solid #ddd;padding:.5em .8em;margin:1em 0}
form#filters label{white-space:nowrap}
th[data-sort]{cursor:pointer}
th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}
[hidden]{display:none!important}
figure.bound-table{margin:.8em 0}
figure.bound-table figcaption{font-weight:bold}
figure.bound-table .where{font-weight:normal;color:#555;font-size:.9em}
.scroll{overflow-x:auto}
table.grid{width:auto;font-size:.9em}
table.grid td.cell{text-align:right;font-variant-numeric:tabular-nums;min-width:2.5em}
table.grid td.label{max-width:24em}
table.grid td.flagged{background:#ffcdd2;outline:2px solid #c62828;outline-offset:-2px;font-weight:bold}
table.grid td.related{background:#fff3c4}
table.grid td.text,table.grid td.dash{color:#6d4c41}
table.grid tr.missing td{color:#888;font-style:italic}
table.grid .blank-mark{color:#999}
.count-note{color:#b71c1c;font-size:.9em}
ul.broken{margin:.2em 0 .4em;padding-left:1.2em}
ul.broken .relation{font-weight:bold;color:#b71c1c}
@media print{body{max-width:none;margin:0}a{color:inherit;text-decoration:none}summary{cursor:auto}thead{display:table-header-group}tr{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}form#filters{display:none!important}figure.bound-table,.charts figure{break-inside:avoid}.scroll{overflow:visible}h2{break-after:avoid}details.report{break-inside:auto}}
)css";

// Filters (severity, rule, result, year; kept in the URL's #fragment) and sorting of the
// summary table. The controls are hidden until this runs, so without script the page is plain.
constexpr const char* kScript = R"js((function(){
var f=document.getElementById('filters');if(!f)return;f.hidden=false;
var sel=[].slice.call(f.querySelectorAll('select'));
function has(list,v){return (' '+(list||'')+' ').indexOf(' '+v+' ')>=0}
function apply(){var w={},n=0;sel.forEach(function(s){if(s.value)w[s.name]=s.value});
[].forEach.call(document.querySelectorAll('[data-report]'),function(el){var d=el.dataset;
var ok=(!w.result||d.result===w.result)&&(!w.year||d.year===w.year)&&(!w.severity||has(d.severities,w.severity))&&(!w.rule||has(d.rules,w.rule));
el.hidden=!ok;if(ok&&el.tagName==='TR')n++});
[].forEach.call(document.querySelectorAll('tr[data-finding]'),function(tr){
tr.hidden=!!((w.severity&&tr.dataset.severity!==w.severity)||(w.rule&&tr.dataset.rule!==w.rule))});
document.getElementById('shown').textContent=n;
var h=Object.keys(w).map(function(k){return k+'='+encodeURIComponent(w[k])}).join('&');
try{history.replaceState(null,'',h?'#'+h:location.pathname+location.search)}catch(e){}}
location.hash.slice(1).split('&').forEach(function(p){var kv=p.split('='),s=f.elements[kv[0]];if(s&&kv[1])s.value=decodeURIComponent(kv[1])});
f.addEventListener('change',apply);f.addEventListener('reset',function(){setTimeout(apply,0)});apply();
[].forEach.call(document.querySelectorAll('table.summary th[data-sort]'),function(th){th.tabIndex=0;
function sort(){var key=th.dataset.sort,num=th.dataset.type==='num',asc=th.getAttribute('aria-sort')!=='ascending';
[].forEach.call(th.parentNode.children,function(o){o.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
var tb=th.closest('table').tBodies[0],rows=[].slice.call(tb.rows);
rows.sort(function(a,b){var x=a.dataset[key],y=b.dataset[key];var c=num?(+x)-(+y):x.localeCompare(y,'zh');return asc?c:-c});
rows.forEach(function(r){tb.appendChild(r)})}
th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter')sort()})});
})();
)js";

const char* severityLabel(Severity s) {
  switch (s) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Info: return "提示";
  }
  return "警告";
}

// A report's result at the gate: what the exit code makes of it (unreadable is exit 2).
enum class Verdict { Pass, Fail, Unreadable };

const char* verdictLabel(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "通过";
    case Verdict::Fail: return "未通过";
    case Verdict::Unreadable: return "无法读取";
  }
  return "";
}

const char* verdictClass(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Unreadable: return "unreadable";
  }
  return "";
}

std::string thresholdText(std::optional<Severity> failOn) {
  if (!failOn) return "<code>--fail-on never</code>：问题不影响结果，只有无法读取的报告不通过";
  switch (*failOn) {
    case Severity::Error: return "<code>--fail-on error</code>：有“错误”级问题的报告不通过";
    case Severity::Warning: return "<code>--fail-on warning</code>：有“错误”或“警告”级问题的报告不通过";
    case Severity::Info: return "<code>--fail-on info</code>：有任何问题的报告不通过";
  }
  return "";
}


// One row of the summary table.
struct ReportRow {
  std::string path;
  std::string error;  // non-empty: the report could not be read
  int year = 0;
  std::string templateName;
  int errors = 0, warnings = 0, infos = 0;
  Verdict verdict = Verdict::Pass;
  std::string rules;       // the rule ids broken, space-separated (for the filters)
  std::string severities;  // the severities found, space-separated
};

struct RuleCount {
  int findings = 0;
  int reports = 0;
  Severity highest = Severity::Info;  // of its findings (configurations may set it differently)
};

class HtmlReporter final : public Reporter {
 public:
  explicit HtmlReporter(std::ostream& out, const ReporterOptions& options)
      : out_(out), failOn_(options.failOn), title_(options.title), documentationUri_(options.documentationUri) {
    for (const RuleInfo* rule : options.rules) rules_.emplace(rule->id, rule);
  }

  void file(const FileReport& report) override {
    ReportRow row;
    row.path = report.path;
    row.error = report.error;
    row.year = report.year;
    row.templateName = report.templateName;
    std::set<std::string_view> rulesBroken;
    for (const ReportedFinding& f : report.findings) {
      (f.severity == Severity::Error ? row.errors : f.severity == Severity::Warning ? row.warnings : row.infos)++;
      if (failOn_ && f.severity >= *failOn_) row.verdict = Verdict::Fail;
      RuleCount& count = ruleCounts_[f.rule];
      ++count.findings;
      count.highest = std::max(count.highest, f.severity);
      if (rulesBroken.insert(f.rule).second) ++count.reports;
    }
    if (!report.error.empty()) row.verdict = Verdict::Unreadable;
    for (std::string_view rule : rulesBroken) {
      if (!row.rules.empty()) row.rules += ' ';
      row.rules += rule;
      rulesSeen_.emplace(rule);
    }
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
      const int n = sev == Severity::Error ? row.errors : sev == Severity::Warning ? row.warnings : row.infos;
      if (n == 0) continue;
      if (!row.severities.empty()) row.severities += ' ';
      row.severities += severityName(sev);
    }
    if (row.year > 0) years_.insert(row.year);
    rows_.push_back(std::move(row));
    renderReport(report, rows_.back(), rows_.size());
  }

  void end(const Totals& totals) override {
    int passed = 0, failed = 0, unreadable = 0;
    for (const ReportRow& row : rows_) {
      (row.verdict == Verdict::Pass ? passed : row.verdict == Verdict::Fail ? failed : unreadable)++;
    }
    const std::string title = htmlEscape(title_);
    out_ << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"gklint " << kVersion << "\">\n"
         << "<title>" << (title.empty() ? "" : title + " — ") << kHeading << "</title>\n"
         << "<style>\n" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>" << kHeading << "</h1>\n";
    if (!title.empty()) out_ << "<p class=\"subtitle\">" << title << "</p>\n";
    out_ << "<dl class=\"facts\">\n"
         << "<dt>检查工具</dt><dd>gklint " << kVersion << "</dd>\n"
         << "<dt>判定标准</dt><dd>" << thresholdText(failOn_) << "</dd>\n"
         << "<dt>报告</dt><dd>" << totals.files << " 份：<span class=\"pass\">通过 " << passed
         << "</span>，<span class=\"fail\">未通过 " << failed << "</span>，<span class=\"unreadable\">无法读取 "
         << unreadable << "</span></dd>\n"
         << "<dt>问题</dt><dd>错误 " << totals.errors << "，警告 " << totals.warnings << "，提示 " << totals.infos
         << "</dd>\n</dl>\n</header>\n<main>\n";
    writeCharts(passed, failed, unreadable);
    writeFilters();
    writeSummaryTable();
    writeRuleTable();
    out_ << "<section id=\"reports\">\n<h2>各报告的问题</h2>\n" << reportsHtml_ << "</section>\n</main>\n<script>\n"
         << kScript << "</script>\n</body>\n</html>\n";
  }

 private:
  void writeSummaryTable() {
    out_ << "<section id=\"summary\">\n<h2>各报告检查结果</h2>\n<table class=\"summary\">\n"
         << "<thead><tr><th data-sort=\"n\" data-type=\"num\">序号</th><th data-sort=\"path\">报告文件</th>"
            "<th data-sort=\"year\" data-type=\"num\">年度</th><th>模板</th><th data-sort=\"errors\" data-type=\"num\">错误</th>"
            "<th data-sort=\"warnings\" data-type=\"num\">警告</th><th data-sort=\"infos\" data-type=\"num\">提示</th>"
            "<th data-sort=\"result\">结果</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < rows_.size(); ++i) {
      const ReportRow& row = rows_[i];
      const std::string number = std::to_string(i + 1);
      out_ << "<tr class=\"" << verdictClass(row.verdict) << "\"" << reportData(row) << " data-n=\"" << number
           << "\" data-path=\"" << htmlEscape(row.path) << "\" data-errors=\"" << row.errors << "\" data-warnings=\""
           << row.warnings << "\" data-infos=\"" << row.infos << "\"><td class=\"num\">" << number
           << "</td><td class=\"path\"><a href=\"#report-" << number << "\">" << htmlEscape(row.path) << "</a></td>";
      if (row.verdict == Verdict::Unreadable) {
        out_ << "<td colspan=\"5\" class=\"read-error\">" << htmlEscape(row.error) << "</td>";
      } else {
        out_ << "<td>" << (row.year > 0 ? std::to_string(row.year) : "未知") << "</td><td>" << htmlEscape(row.templateName)
             << "</td><td class=\"num\">" << row.errors << "</td><td class=\"num\">" << row.warnings
             << "</td><td class=\"num\">" << row.infos << "</td>";
      }
      out_ << "<td class=\"verdict\">" << verdictLabel(row.verdict) << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n</section>\n";
  }

  // Most findings first; then the rule broken in more reports; then by id.
  void writeRuleTable() {
    out_ << "<section id=\"rules\">\n<h2>问题最多的规则</h2>\n";
    if (ruleCounts_.empty()) {
      out_ << "<p>未发现问题。</p>\n</section>\n";
      return;
    }
    std::vector<std::pair<std::string, RuleCount>> ranked(ruleCounts_.begin(), ruleCounts_.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.second.findings != b.second.findings) return a.second.findings > b.second.findings;
      return a.second.reports > b.second.reports;
    });
    out_ << "<table class=\"rules\">\n<thead><tr><th>规则</th><th>说明</th><th>级别</th><th>问题数</th><th>涉及报告数</th></tr></thead>\n"
            "<tbody>\n";
    for (const auto& [id, count] : ranked) {
      const auto info = rules_.find(id);
      out_ << "<tr class=\"" << severityName(count.highest) << "\"><td class=\"rule\">" << ruleLink(id) << "</td><td>"
           << (info != rules_.end() ? htmlEscape(info->second->summary) : "") << "</td><td class=\"severity\">"
           << severityLabel(count.highest) << "</td><td class=\"num\">" << count.findings
           << "</td><td class=\"num\">" << count.reports << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n</section>\n";
  }

  void renderReport(const FileReport& report, const ReportRow& row, size_t number) {
    std::string& html = reportsHtml_;
    const std::string n = std::to_string(number);
    html += "<details class=\"report ";
    html += verdictClass(row.verdict);
    html += "\"" + reportData(row) + " id=\"report-" + n + "\" open>\n<summary>" + n + ". <span class=\"path\">" + htmlEscape(report.path) +
            "</span> <span class=\"verdict\">" + verdictLabel(row.verdict) + "</span></summary>\n";
    if (!report.error.empty()) {
      html += "<p class=\"read-error\">无法读取：" + htmlEscape(report.error) + "</p>\n</details>\n";
      return;
    }
    html += "<p class=\"meta\">" + (report.year > 0 ? std::to_string(report.year) + "年度" : std::string("年度未知")) +
            " · 模板 " + htmlEscape(report.templateName) + " · 编码 " + htmlEscape(report.encoding) + " · 错误 " +
            std::to_string(row.errors) + "，警告 " + std::to_string(row.warnings) + "，提示 " +
            std::to_string(row.infos) + "</p>\n";
    if (!report.warnings.empty() || !report.notes.empty()) {
      html += "<ul class=\"notes\">\n";
      for (const std::string& w : report.warnings) html += "<li class=\"warning\">" + htmlEscape(w) + "</li>\n";
      for (const std::string& note : report.notes) html += "<li>" + htmlEscape(note) + "</li>\n";
      html += "</ul>\n";
    }
    const std::string tables = renderBoundTables(report.tables);
    const std::string tablesHtml =
        tables.empty() ? std::string() : "<section class=\"tables\">\n<h3>报告中的表格（gklint 读取结果；红框为问题所在单元格，黄色为相关单元格）</h3>\n" + tables + "</section>\n";
    if (report.findings.empty()) {
      html += "<p>未发现问题。</p>\n" + tablesHtml + "</details>\n";
      return;
    }
    html += "<table class=\"findings\">\n<thead><tr><th>位置（行:列）</th><th>级别</th><th>规则</th><th>问题</th></tr>"
            "</thead>\n<tbody>\n";
    for (const ReportedFinding& f : report.findings) {
      html += "<tr data-finding data-severity=\"";
      html += severityName(f.severity);
      html += "\" data-rule=\"" + htmlEscape(f.rule) + "\" class=\"";
      html += severityName(f.severity);
      html += "\"><td class=\"pos\">" + f.place() + "</td><td class=\"severity\">" +
              severityLabel(f.severity) + "</td><td class=\"rule\">" + ruleLink(f.rule) + "</td><td>" +
              htmlEscape(f.message);
      if (!f.related.empty()) {
        html += "\n<ul class=\"related\">";
        for (const ReportedRelated& r : f.related) {
          html += "<li><span class=\"pos\">" + r.place() + "</span> " + htmlEscape(r.message) + "</li>";
        }
        html += "</ul>";
      }
      if (f.fixTitle) {
        html += "\n<p class=\"fix\">修改建议：" + htmlEscape(*f.fixTitle) +
                (f.fixSafe ? "（<code>--fix</code> 可自动修改）" : "") + "</p>";
      }
      html += "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n" + tablesHtml + "</details>\n";
  }

  // The data-* attributes the filters read, on a summary row and on a report's section.
  static std::string reportData(const ReportRow& row) {
    return std::string(" data-report data-result=\"") + verdictClass(row.verdict) + "\" data-year=\"" +
           (row.year > 0 ? std::to_string(row.year) : std::string()) + "\" data-severities=\"" + row.severities +
           "\" data-rules=\"" + htmlEscape(row.rules) + "\"";
  }

  void writeCharts(int passed, int failed, int unreadable) {
    std::vector<std::pair<std::string, RuleCount>> ranked(ruleCounts_.begin(), ruleCounts_.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second.findings > b.second.findings; });
    if (ranked.size() > kChartRules) ranked.resize(kChartRules);
    std::vector<ChartBar> ruleBars;
    for (const auto& [id, count] : ranked) ruleBars.push_back({id, count.findings, std::string(severityName(count.highest))});
    const std::vector<ChartBar> resultBars = {{verdictLabel(Verdict::Pass), passed, "pass"},
                                              {verdictLabel(Verdict::Fail), failed, "fail"},
                                              {verdictLabel(Verdict::Unreadable), unreadable, "unreadable"}};
    out_ << "<section id=\"charts\" class=\"charts\">\n<figure><figcaption>各结果的报告数</figcaption>\n"
         << barChartSvg("chart-results", "各结果的报告数", resultBars) << "</figure>\n";
    if (!ruleBars.empty()) {
      out_ << "<figure><figcaption>问题最多的规则（前" << ruleBars.size() << "条，按问题数）</figcaption>\n"
           << barChartSvg("chart-rules", "问题最多的规则", ruleBars) << "</figure>\n";
    }
    out_ << "</section>\n";
  }

  // The filter controls; shown by the script (a page without script has no dead controls).
  void writeFilters() {
    out_ << "<form id=\"filters\" hidden>\n<label>级别 <select name=\"severity\"><option value=\"\">全部</option>";
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
      out_ << "<option value=\"" << severityName(sev) << "\">" << severityLabel(sev) << "</option>";
    }
    out_ << "</select></label>\n<label>规则 <select name=\"rule\"><option value=\"\">全部</option>";
    for (const std::string& rule : rulesSeen_) out_ << "<option>" << htmlEscape(rule) << "</option>";
    out_ << "</select></label>\n<label>结果 <select name=\"result\"><option value=\"\">全部</option>";
    for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::Unreadable}) {
      out_ << "<option value=\"" << verdictClass(v) << "\">" << verdictLabel(v) << "</option>";
    }
    out_ << "</select></label>\n<label>年度 <select name=\"year\"><option value=\"\">全部</option>";
    for (int year : years_) out_ << "<option>" << year << "</option>";
    out_ << "</select></label>\n<button type=\"reset\">清除筛选</button>\n<span>显示 <output id=\"shown\">" << rows_.size()
         << "</output> / " << rows_.size() << " 份报告</span>\n</form>\n";
  }

  // A built-in rule's id links to its page under docs/rules/ when the documentation is
  // published somewhere; local rules have no page, so they stay plain, as in SARIF.
  std::string ruleLink(const std::string& id) const {
    const auto info = rules_.find(id);
    const bool builtin = info != rules_.end() && info->second->mark.file.rfind("builtin:", 0) == 0;
    if (documentationUri_.empty() || !builtin) return "<code>" + htmlEscape(id) + "</code>";
    return "<a href=\"" + htmlEscape(documentationUri_ + "docs/rules/" + id + ".md") + "\"><code>" + htmlEscape(id) +
           "</code></a>";
  }

  std::ostream& out_;
  std::optional<Severity> failOn_;
  std::string title_;
  std::string documentationUri_;
  std::map<std::string, const RuleInfo*, std::less<>> rules_;
  std::vector<ReportRow> rows_;
  std::map<std::string, RuleCount, std::less<>> ruleCounts_;  // by id
  std::string reportsHtml_;  // every report's section, in input order
  std::set<std::string, std::less<>> rulesSeen_;  // for the rule filter
  std::set<int> years_;                           // for the year filter
};

}  // namespace

std::unique_ptr<Reporter> makeHtmlReporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<HtmlReporter>(out, options);
}

}  // namespace gklint::cli
