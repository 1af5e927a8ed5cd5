// Tests for cli/HtmlReporter: `gklint check --format html`, through gklint::cli::run on real
// reports, and directly through makeReporter for hand-made results (hostile messages, the
// documentation links either way). Every page is also checked to be well-formed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/Reporter.h"
#include "cli/Version.h"
#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;
using gklint::Severity;
using gklint::cli::FileReport;
using gklint::cli::ReportedFinding;

namespace {

const std::string kRepo = std::filesystem::canonical(std::string(GKLINT_TEST_DIR) + "/..").string();

bool contains(const std::string& page, const std::string& fragment) { return page.find(fragment) != std::string::npos; }

size_t countOf(const std::string& page, const std::string& fragment) {
  size_t n = 0;
  for (size_t at = page.find(fragment); at != std::string::npos; at = page.find(fragment, at + 1)) ++n;
  return n;
}

bool isNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool isAttributeNameChar(char c) { return isNameChar(c) || (c >= 'A' && c <= 'Z'); }

// The first problem that keeps `page` from being well-formed as the reporter means to write it,
// or "" — a strict subset of HTML5: the doctype, then elements closed in order (void elements
// excepted), attribute values in double quotes, raw text only in <style> and <script>, no '<'
// or '>' in text, attribute names in lowercase but for SVG's camelCase (viewBox),
// only the five entities the reporter writes; ids unique, every "#id" link resolved.
std::string wellFormedProblem(const std::string& page) {
  static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "link"};
  static const std::vector<std::string> kEntities = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  const std::string doctype = "<!DOCTYPE html>\n";
  if (page.rfind(doctype, 0) != 0) return "no <!DOCTYPE html> first";
  std::vector<std::string> open;
  std::set<std::string> ids, targets;
  size_t i = doctype.size();
  auto entityAt = [&](size_t at) {
    for (const std::string& e : kEntities) {
      if (page.compare(at, e.size(), e) == 0) return e.size();
    }
    return size_t{0};
  };
  auto where = [&](size_t at) { return " at byte " + std::to_string(at) + ": " + page.substr(at, 40); };
  while (i < page.size()) {
    const char c = page[i];
    if (c == '&') {
      const size_t n = entityAt(i);
      if (n == 0) return "bare &" + where(i);
      i += n;
    } else if (c == '>') {
      return "> in text" + where(i);
    } else if (c != '<') {
      ++i;
    } else if (page.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < page.size() && isNameChar(page[j])) ++j;
      const std::string name = page.substr(i + 2, j - i - 2);
      if (j >= page.size() || page[j] != '>') return "bad end tag" + where(i);
      if (open.empty() || open.back() != name) return "</" + name + "> closes " + (open.empty() ? "nothing" : "<" + open.back() + ">") + where(i);
      open.pop_back();
      i = j + 1;
    } else {
      size_t j = i + 1;
      while (j < page.size() && isNameChar(page[j])) ++j;
      const std::string name = page.substr(i + 1, j - i - 1);
      if (name.empty()) return "< in text" + where(i);
      if (open.empty() && name != "html") return "<" + name + "> outside <html>" + where(i);
      while (true) {
        while (j < page.size() && page[j] == ' ') ++j;
        if (j >= page.size()) return "unterminated tag" + where(i);
        if (page[j] == '>') break;
        const size_t nameStart = j;
        while (j < page.size() && isAttributeNameChar(page[j])) ++j;
        const std::string attribute = page.substr(nameStart, j - nameStart);
        if (attribute.empty()) return "bad attribute" + where(j);
        if (page[j] != '=') continue;  // a boolean attribute such as `open`
        if (page.compare(j, 2, "=\"") != 0) return "unquoted attribute value" + where(j);
        const size_t valueStart = j + 2;
        const size_t valueEnd = page.find('"', valueStart);
        if (valueEnd == std::string::npos) return "unterminated attribute value" + where(j);
        const std::string value = page.substr(valueStart, valueEnd - valueStart);
        for (size_t k = valueStart; k < valueEnd; ++k) {
          if (page[k] == '<' || page[k] == '>') return "< or > in an attribute value" + where(k);
          if (page[k] == '&' && entityAt(k) == 0) return "bare & in an attribute value" + where(k);
        }
        if (attribute == "id" && !ids.insert(value).second) return "duplicate id " + value;
        if (attribute == "href" && value.rfind('#', 0) == 0) targets.insert(value.substr(1));
        j = valueEnd + 1;
      }
      i = j + 1;
      if (kVoid.count(name) == 0) open.push_back(name);
      if (name == "style" || name == "script") {
        i = page.find("</" + name + ">", i);
        if (i == std::string::npos) return "<" + name + "> not closed";
      }
    }
  }
  if (!open.empty()) return "<" + open.back() + "> not closed at the end";
  for (const std::string& target : targets) {
    if (ids.count(target) == 0) return "link to #" + target + " which no element has";
  }
  return "";
}

// `page` without the data-* attributes the filters read (tested apart), so the markup
// assertions below read as the page looks.
std::string withoutData(const std::string& page) {
  static const std::regex data(R"( data-[a-z-]+(="[^"]*")?)");
  return std::regex_replace(page, data, "");
}

// `page` without the charts and filters (between </header><main> and the summary) and the
// script at the end: the rest of the page, as it reads without script.
std::string withoutChartsAndScript(std::string page) {
  const size_t charts = page.find("<section id=\"charts\"");
  const size_t summary = page.find("<section id=\"summary\">");
  if (charts != std::string::npos && summary != std::string::npos) page.erase(charts, summary - charts);
  const size_t script = page.find("<script>\n");
  const size_t scriptEnd = page.find("</script>\n");
  if (script != std::string::npos && scriptEnd != std::string::npos) page.erase(script, scriptEnd + 10 - script);
  return page;
}

// The page from `gklint check --format html ARGS…`, checked to be well-formed.
std::string htmlOf(const std::vector<std::string>& args, int expectedCode) {
  std::vector<std::string> all = {"check", "--format", "html"};
  all.insert(all.end(), args.begin(), args.end());
  const CliRun r = runGklint(all);
  CHECK(r.code == expectedCode);
  CHECK(r.err == "");
  CHECK(wellFormedProblem(r.out) == "");
  return r.out;
}

// What follows the style sheet: the facts, the tables and the findings.
std::string afterStyle(const std::string& page) {
  const size_t at = page.find("</style>\n");
  REQUIRE(at != std::string::npos);
  return page.substr(at + 9);
}

// A rule id as the page shows it with this build's documentation setting (built-in rules).
std::string builtinRuleCell(const std::string& id) {
  if (!gklint::cli::hasDocumentationUri()) return "<td class=\"rule\"><code>" + id + "</code></td>";
  return "<td class=\"rule\"><a href=\"" + std::string(gklint::cli::kDocumentationUri) + "docs/rules/" + id +
         ".md\"><code>" + id + "</code></a></td>";
}

// The page for hand-made results, straight from the reporter.
std::string renderDirectly(const std::vector<FileReport>& reports, const gklint::cli::ReporterOptions& options) {
  std::ostringstream out, err;
  const auto reporter = gklint::cli::makeReporter("html", out, err, options);
  REQUIRE(reporter);
  gklint::cli::Totals totals;
  reporter->begin();
  for (const FileReport& report : reports) {
    ++totals.files;
    if (!report.error.empty()) ++totals.failedFiles;
    for (const ReportedFinding& f : report.findings) {
      (f.severity == Severity::Error ? totals.errors : f.severity == Severity::Warning ? totals.warnings : totals.infos)++;
    }
    reporter->file(report);
  }
  reporter->end(totals);
  CHECK(err.str() == "");
  CHECK(wellFormedProblem(out.str()) == "");
  return out.str();
}

gklint::RuleInfo ruleInfo(const std::string& id, const std::string& summary, const std::string& file) {
  gklint::RuleInfo info;
  info.id = id;
  info.summary = summary;
  info.mark.file = file;
  return info;
}

}  // namespace

TEST_CASE("html: the well-formedness checker finds what it is for", "[cli][html]") {
  const std::string head = "<!DOCTYPE html>\n<html lang=\"zh-CN\">";
  CHECK(wellFormedProblem(head + "<body><p>a &amp; b</p></body></html>") == "");
  CHECK(wellFormedProblem(head + "<body><p>a</body></html>").rfind("</body> closes <p>", 0) == 0);
  CHECK(wellFormedProblem(head + "<body><p>a & b</p></body></html>").rfind("bare &", 0) == 0);
  CHECK(wellFormedProblem(head + "<body><p>1 < 2</p></body></html>").rfind("< in text", 0) == 0);
  CHECK(wellFormedProblem(head + "<body><p title=x>a</p></body></html>").rfind("unquoted", 0) == 0);
  CHECK(wellFormedProblem(head + "<body><a href=\"#nowhere\">a</a></body></html>") == "link to #nowhere which no element has");
  CHECK(wellFormedProblem(head + "<body><p>") == "<p> not closed at the end");
}

TEST_CASE("html: the seed reports — facts, one row per report with its gate result, the rules most often broken",
          "[cli][html]") {
  WorkingFolder here(kRepo);
  const std::string page = htmlOf({"tests/corpus/seeds/"}, 1);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(contains(page, "<title>政府信息公开工作年度报告检查结果</title>\n"));
  // Self-contained: one inline script (the filters), no external style sheets, images or fonts.
  CHECK(countOf(page, "<script") == 1);
  CHECK(contains(page, "<script>\n(function(){"));
  CHECK_FALSE(contains(page, "<link"));
  CHECK_FALSE(contains(page, "src="));
  CHECK_FALSE(contains(page, "url("));
  const std::string body = withoutData(afterStyle(page));
  CHECK(body.rfind("</head>\n<body>\n<header>\n<h1>政府信息公开工作年度报告检查结果</h1>\n"
                   "<dl class=\"facts\">\n"
                   "<dt>检查工具</dt><dd>gklint 0.1.0</dd>\n"
                   "<dt>判定标准</dt><dd><code>--fail-on error</code>：有“错误”级问题的报告不通过</dd>\n"
                   "<dt>报告</dt><dd>5 份：<span class=\"pass\">通过 2</span>，<span class=\"fail\">未通过 3</span>，"
                   "<span class=\"unreadable\">无法读取 0</span></dd>\n"
                   "<dt>问题</dt><dd>错误 4，警告 46，提示 115</dd>\n"
                   "</dl>\n</header>\n",
                   0) == 0);
  // The summary table: input (path) order, a class and the words for the result.
  CHECK(contains(body,
                 "<tbody>\n"
                 "<tr class=\"fail\"><td class=\"num\">1</td><td class=\"path\"><a href=\"#report-1\">tests/corpus/seeds/000_59d64a34d2dae9ef.txt</a></td>"
                 "<td>2021</td><td>gov-2021</td><td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num\">23</td><td class=\"verdict\">未通过</td></tr>\n"
                 "<tr class=\"fail\"><td class=\"num\">2</td><td class=\"path\"><a href=\"#report-2\">tests/corpus/seeds/001_300c643672395d3d.txt</a></td>"
                 "<td>2020</td><td>gov-2019</td><td class=\"num\">2</td><td class=\"num\">10</td><td class=\"num\">6</td><td class=\"verdict\">未通过</td></tr>\n"
                 "<tr class=\"pass\"><td class=\"num\">3</td><td class=\"path\"><a href=\"#report-3\">tests/corpus/seeds/002_093c900e5eacee9f.txt</a></td>"
                 "<td>2022</td><td>gov-2021</td><td class=\"num\">0</td><td class=\"num\">22</td><td class=\"num\">1</td><td class=\"verdict\">通过</td></tr>\n"
                 "<tr class=\"pass\"><td class=\"num\">4</td><td class=\"path\"><a href=\"#report-4\">tests/corpus/seeds/003_8d3f9a9668695af1.txt</a></td>"
                 "<td>2021</td><td>gov-2021</td><td class=\"num\">0</td><td class=\"num\">4</td><td class=\"num\">80</td><td class=\"verdict\">通过</td></tr>\n"
                 "<tr class=\"fail\"><td class=\"num\">5</td><td class=\"path\"><a href=\"#report-5\">tests/corpus/seeds/004_8d6632e4e8c36cd9.txt</a></td>"
                 "<td>2021</td><td>gov-2021</td><td class=\"num\">1</td><td class=\"num\">7</td><td class=\"num\">5</td><td class=\"verdict\">未通过</td></tr>\n"
                 "</tbody>\n"));
  // The rules most often broken: most findings first, then more reports, then by id.
  CHECK(contains(body,
                 "<h2>问题最多的规则</h2>\n<table class=\"rules\">\n"
                 "<thead><tr><th>规则</th><th>说明</th><th>级别</th><th>问题数</th><th>涉及报告数</th></tr></thead>\n<tbody>\n"
                 "<tr class=\"info\">" + builtinRuleCell("text/cjk-spacing") +
                 "<td>汉字与数字之间或词语内部有多余空格（“2021 年”）</td><td class=\"severity\">提示</td><td class=\"num\">64</td><td class=\"num\">3</td></tr>\n"
                 "<tr class=\"info\">" + builtinRuleCell("text/halfwidth-punct") +
                 "<td>中文语句中使用半角标点（, : ; ! ? 和半角括号）</td><td class=\"severity\">提示</td><td class=\"num\">36</td><td class=\"num\">1</td></tr>\n"
                 "<tr class=\"warning\">" + builtinRuleCell("content/contact-missing") +
                 "<td>没有提供咨询联系方式（地址、邮编、电话、电子邮箱，逐项报告）</td><td class=\"severity\">警告</td><td class=\"num\">13</td><td class=\"num\">4</td></tr>\n"));
  CHECK(contains(body, "<tr class=\"error\">" + builtinRuleCell("table/rows-missing") +
                           "<td>表格缺行或在中途中断</td><td class=\"severity\">错误</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>\n"));
  CHECK(contains(body, "<td>纯文本中残留Markdown或HTML标记（“**五是**”“&amp;nbsp;”）</td>"));
  // Each report's findings, in the order of the text output.
  CHECK(contains(body,
                 "<details class=\"report fail\" id=\"report-5\" open>\n"
                 "<summary>5. <span class=\"path\">tests/corpus/seeds/004_8d6632e4e8c36cd9.txt</span> <span class=\"verdict\">未通过</span></summary>\n"
                 "<p class=\"meta\">2021年度 · 模板 gov-2021 · 编码 utf-8 · 错误 1，警告 7，提示 5</p>\n"
                 "<table class=\"findings\">\n"
                 "<thead><tr><th>位置（行:列）</th><th>级别</th><th>规则</th><th>问题</th></tr></thead>\n<tbody>\n"
                 "<tr class=\"warning\"><td class=\"pos\">1:1</td><td class=\"severity\">警告</td>" +
                 builtinRuleCell("content/assessment-results") + "<td>未报告政府信息公开工作考核、社会评议和责任追究结果情况</td></tr>\n"));
  CHECK(contains(body, "<tr class=\"error\"><td class=\"pos\">206:2</td><td class=\"severity\">错误</td>" +
                           builtinRuleCell("table/rows-missing") +
                           "<td>表三在“（四）无法提供1.本机关不掌握相关政府信息”之后中断，缺少12行（“（四）无法提供2.没有现成信息需要另行制作”至“四、结转下年度继续办理”）</td></tr>\n"));
  CHECK(countOf(body, "<details class=\"report ") == 5);
  CHECK(countOf(body, "<tr class=\"error\"><td class=\"pos\">") == 4);
  CHECK(countOf(body, "<tr class=\"warning\"><td class=\"pos\">") == 46);
  CHECK(countOf(body, "<tr class=\"info\"><td class=\"pos\">") == 115);
  const std::string ending = "</details>\n</section>\n</main>\n<script>\n";
  CHECK(contains(body, ending));
  const std::string close = "</script>\n</body>\n</html>\n";
  CHECK(body.compare(body.size() - close.size(), close.size(), close) == 0);
  CHECK(countOf(body, "<section class=\"tables\">") == 5);  // every seed has tables gklint read
}

TEST_CASE("html: --fail-on decides the results and the exit code as in every format, and the page does not depend on --jobs",
          "[cli][html]") {
  WorkingFolder here(kRepo);
  const std::string never = htmlOf({"--fail-on", "never", "tests/corpus/seeds/"}, 0);
  CHECK(contains(never, "<dt>判定标准</dt><dd><code>--fail-on never</code>：问题不影响结果，只有无法读取的报告不通过</dd>\n"
                        "<dt>报告</dt><dd>5 份：<span class=\"pass\">通过 5</span>，<span class=\"fail\">未通过 0</span>，"
                        "<span class=\"unreadable\">无法读取 0</span></dd>\n"));
  CHECK(countOf(never, "<td class=\"verdict\">通过</td>") == 5);
  const std::string warning = htmlOf({"--fail-on", "warning", "tests/corpus/seeds/"}, 1);
  CHECK(contains(warning, "<dt>判定标准</dt><dd><code>--fail-on warning</code>：有“错误”或“警告”级问题的报告不通过</dd>\n"
                          "<dt>报告</dt><dd>5 份：<span class=\"pass\">通过 0</span>，<span class=\"fail\">未通过 5</span>，"));
  const std::string info = htmlOf({"--fail-on", "info", "tests/fixtures/cli/info-only-2021.txt"}, 1);
  CHECK(contains(info, "<dt>判定标准</dt><dd><code>--fail-on info</code>：有任何问题的报告不通过</dd>\n"));
  CHECK(contains(info, "<td class=\"verdict\">未通过</td>"));
  const std::string clean = withoutData(htmlOf({"tests/fixtures/cli/clean-2021.txt"}, 0));
  CHECK(contains(clean, "<td class=\"verdict\">通过</td>"));
  CHECK(contains(clean, "<h2>问题最多的规则</h2>\n<p>未发现问题。</p>\n</section>\n"));
  CHECK(contains(clean, "<p class=\"meta\">2021年度 · 模板 gov-2021 · 编码 utf-8 · 错误 0，警告 0，提示 0</p>\n<p>未发现问题。</p>\n<section class=\"tables\">"));
  // Deterministic: no time stamps, and the same page whatever the number of threads.
  CHECK(htmlOf({"-j", "1", "tests/corpus/seeds/"}, 1) == htmlOf({"-j", "2", "tests/corpus/seeds/"}, 1));
}

TEST_CASE("html: a finding after CJK and a non-BMP character is at its code-point column, with its fix", "[cli][html]") {
  WorkingFolder here(kRepo);
  // Line 13: "（三）政府信息管理。…𠀋字调整设量相关栏目。" — 𠀋 (U+2000B) counts one.
  const std::string page = withoutData(htmlOf({"--fail-on", "info", "tests/fixtures/cli/non-bmp-2021.txt"}, 1));
  CHECK(contains(page, "<tr class=\"info\"><td class=\"pos\">13:39</td><td class=\"severity\">提示</td>" +
                           builtinRuleCell("text/typo") +
                           "<td>疑似错别字“设量”，应为“设置”\n<p class=\"fix\">修改建议：改为“设置”（<code>--fix</code> 可自动修改）</p></td></tr>\n"));
}

TEST_CASE("html: relation findings list the places they relate", "[cli][html]") {
  WorkingFolder here(kRepo);
  const std::string page = withoutData(htmlOf({"docs/checks/examples/tab-t3-balance.txt"}, 1));
  CHECK(contains(page, "<td>表三“商业企业”列：新收与上年结转之和为6，办理结果总计与结转下年之和为4，二者应相等\n"
                       "<ul class=\"related\"><li><span class=\"pos\">42:21</span> “二、上年结转政府信息公开申请数量”的“商业企业”：1</li>"
                       "<li><span class=\"pos\">64:11</span> “（七）总计”的“商业企业”：4</li>"
                       "<li><span class=\"pos\">65:16</span> “四、结转下年度继续办理”的“商业企业”：0</li></ul></td></tr>\n"));
}

TEST_CASE("html: a hostile file name is escaped everywhere, and unreadable files are rows with their error", "[cli][html]") {
  TempDir dir;
  dir.write("<script>alert(1)</script>.txt", readBytes(cliFixture("non-bmp-2021.txt")));
  dir.write("a&b'\".txt", "\x89PNG\r\n\x1a\n");
  WorkingFolder here(dir.path());
  const std::string page = withoutData(
      htmlOf({"--fail-on", "info", "--title", "青山县<2022> & “乡镇”", "<script>alert(1)</script>.txt", "a&b'\".txt", "nothere.txt"}, 2));
  CHECK(countOf(page, "<script") == 1);  // the page's own
  CHECK(countOf(page, "&lt;script&gt;alert(1)&lt;/script&gt;.txt") == 2);  // the summary row and the report's heading
  CHECK(contains(page, "<title>青山县&lt;2022&gt; &amp; “乡镇” — 政府信息公开工作年度报告检查结果</title>\n"));
  CHECK(contains(page, "<h1>政府信息公开工作年度报告检查结果</h1>\n<p class=\"subtitle\">青山县&lt;2022&gt; &amp; “乡镇”</p>\n"));
  CHECK(contains(page, "<dt>报告</dt><dd>3 份：<span class=\"pass\">通过 0</span>，<span class=\"fail\">未通过 1</span>，"
                       "<span class=\"unreadable\">无法读取 2</span></dd>\n"));
  // Paths that could not be collected come first, as in every format; then the files in the order given.
  CHECK(contains(page,
                 "<tbody>\n"
                 "<tr class=\"unreadable\"><td class=\"num\">1</td><td class=\"path\"><a href=\"#report-1\">nothere.txt</a></td>"
                 "<td colspan=\"5\" class=\"read-error\">no such file or folder</td><td class=\"verdict\">无法读取</td></tr>\n"
                 "<tr class=\"fail\"><td class=\"num\">2</td><td class=\"path\"><a href=\"#report-2\">&lt;script&gt;alert(1)&lt;/script&gt;.txt</a></td>"
                 "<td>2021</td><td>gov-2021</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"verdict\">未通过</td></tr>\n"
                 "<tr class=\"unreadable\"><td class=\"num\">3</td><td class=\"path\"><a href=\"#report-3\">a&amp;b&#39;&quot;.txt</a></td>"
                 "<td colspan=\"5\" class=\"read-error\">binary content: this looks like an image, not a text report; export it as .txt or .md "
                 "(UTF-8) first</td><td class=\"verdict\">无法读取</td></tr>\n"
                 "</tbody>\n"));
  CHECK(contains(page, "<details class=\"report unreadable\" id=\"report-3\" open>\n"
                       "<summary>3. <span class=\"path\">a&amp;b&#39;&quot;.txt</span> <span class=\"verdict\">无法读取</span></summary>\n"
                       "<p class=\"read-error\">无法读取：binary content: this looks like an image, not a text report; export it as .txt or .md "
                       "(UTF-8) first</p>\n</details>\n"));
}

TEST_CASE("html: -o writes the page to a file, nothing on standard output or error", "[cli][html]") {
  TempDir dir;
  const std::string out = (dir.path() / "summary.html").string();
  const CliRun r = runGklint({"check", "-f", "html", "-o", out, "--fail-on", "warning", cliFixture("warning-only-2021.txt")});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "");
  const std::string page = withoutData(readBytes(out));
  CHECK(wellFormedProblem(page) == "");
  CHECK(contains(page, "<tr class=\"warning\"><td class=\"pos\">74:1</td><td class=\"severity\">警告</td>" +
                           builtinRuleCell("structure/heading-numbering") + "<td>一级标题编号“5、”应为“五、”\n"));
}

TEST_CASE("html: the whole page after the style sheet, for hand-made results with hostile text and documentation links",
          "[cli][html]") {
  const gklint::RuleInfo typo = ruleInfo("text/typo", "常见错别字 <b>", "builtin:gov/text.yaml");
  const gklint::RuleInfo local = ruleInfo("local/x", "本地规则 & 说明", "rules/local.yaml");
  gklint::cli::ReporterOptions options;
  options.rules = {&local, &typo};
  options.failOn = Severity::Warning;
  options.documentationUri = "https://example.org/gk?a=1&b=2/";

  FileReport hostile;
  hostile.path = "报告/<img src=x onerror=alert(1)>.txt";
  hostile.year = 2021;
  hostile.templateName = "gov-2021";
  hostile.encoding = "gb18030";
  hostile.warnings = {"carry-over not checked: <b>"};
  hostile.notes = {"fixed 1 finding(s)"};
  ReportedFinding local1;
  local1.rule = "local/x";
  local1.severity = Severity::Warning;
  local1.message = "“</td></tr></table><script>alert('x')</script>” & more";
  local1.line = 3;
  local1.column = 5;
  local1.related = {{4, 1, 4, 2, "相关 <i>", {}, {}}};
  local1.fixTitle = "插入“<script>”";
  local1.fixSafe = false;
  ReportedFinding typo1;
  typo1.rule = "text/typo";
  typo1.severity = Severity::Info;
  typo1.message = "疑似错别字";
  typo1.line = 9;
  typo1.column = 2;
  hostile.findings = {local1, typo1};
  FileReport broken;
  broken.path = std::string("bad\x01name\xFF.txt");
  broken.error = "invalid <UTF-8>";

  const std::string page = renderDirectly({hostile, broken}, options);
  CHECK(countOf(page, "<script") == 1);  // the page's own
  CHECK_FALSE(contains(page, "<img"));
  CHECK(withoutChartsAndScript(withoutData(afterStyle(page))) ==
        "</head>\n<body>\n<header>\n<h1>政府信息公开工作年度报告检查结果</h1>\n"
        "<dl class=\"facts\">\n"
        "<dt>检查工具</dt><dd>gklint " + std::string(gklint::cli::kVersion) + "</dd>\n"
        "<dt>判定标准</dt><dd><code>--fail-on warning</code>：有“错误”或“警告”级问题的报告不通过</dd>\n"
        "<dt>报告</dt><dd>2 份：<span class=\"pass\">通过 0</span>，<span class=\"fail\">未通过 1</span>，<span class=\"unreadable\">无法读取 1</span></dd>\n"
        "<dt>问题</dt><dd>错误 0，警告 1，提示 1</dd>\n"
        "</dl>\n</header>\n<main>\n"
        "<section id=\"summary\">\n<h2>各报告检查结果</h2>\n<table class=\"summary\">\n"
        "<thead><tr><th>序号</th><th>报告文件</th><th>年度</th><th>模板</th><th>错误</th><th>警告</th><th>提示</th><th>结果</th></tr></thead>\n"
        "<tbody>\n"
        "<tr class=\"fail\"><td class=\"num\">1</td><td class=\"path\"><a href=\"#report-1\">报告/&lt;img src=x onerror=alert(1)&gt;.txt</a></td>"
        "<td>2021</td><td>gov-2021</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"verdict\">未通过</td></tr>\n"
        "<tr class=\"unreadable\"><td class=\"num\">2</td><td class=\"path\"><a href=\"#report-2\">bad\xEF\xBF\xBDname\xEF\xBF\xBD.txt</a></td>"
        "<td colspan=\"5\" class=\"read-error\">invalid &lt;UTF-8&gt;</td><td class=\"verdict\">无法读取</td></tr>\n"
        "</tbody>\n</table>\n</section>\n"
        "<section id=\"rules\">\n<h2>问题最多的规则</h2>\n<table class=\"rules\">\n"
        "<thead><tr><th>规则</th><th>说明</th><th>级别</th><th>问题数</th><th>涉及报告数</th></tr></thead>\n<tbody>\n"
        "<tr class=\"warning\"><td class=\"rule\"><code>local/x</code></td><td>本地规则 &amp; 说明</td><td class=\"severity\">警告</td>"
        "<td class=\"num\">1</td><td class=\"num\">1</td></tr>\n"
        "<tr class=\"info\"><td class=\"rule\"><a href=\"https://example.org/gk?a=1&amp;b=2/docs/rules/text/typo.md\"><code>text/typo</code></a></td>"
        "<td>常见错别字 &lt;b&gt;</td><td class=\"severity\">提示</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>\n"
        "</tbody>\n</table>\n</section>\n"
        "<section id=\"reports\">\n<h2>各报告的问题</h2>\n"
        "<details class=\"report fail\" id=\"report-1\" open>\n"
        "<summary>1. <span class=\"path\">报告/&lt;img src=x onerror=alert(1)&gt;.txt</span> <span class=\"verdict\">未通过</span></summary>\n"
        "<p class=\"meta\">2021年度 · 模板 gov-2021 · 编码 gb18030 · 错误 0，警告 1，提示 1</p>\n"
        "<ul class=\"notes\">\n<li class=\"warning\">carry-over not checked: &lt;b&gt;</li>\n<li>fixed 1 finding(s)</li>\n</ul>\n"
        "<table class=\"findings\">\n"
        "<thead><tr><th>位置（行:列）</th><th>级别</th><th>规则</th><th>问题</th></tr></thead>\n<tbody>\n"
        "<tr class=\"warning\"><td class=\"pos\">3:5</td><td class=\"severity\">警告</td><td class=\"rule\"><code>local/x</code></td>"
        "<td>“&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;” &amp; more\n"
        "<ul class=\"related\"><li><span class=\"pos\">4:1</span> 相关 &lt;i&gt;</li></ul>\n"
        "<p class=\"fix\">修改建议：插入“&lt;script&gt;”</p></td></tr>\n"
        "<tr class=\"info\"><td class=\"pos\">9:2</td><td class=\"severity\">提示</td>"
        "<td class=\"rule\"><a href=\"https://example.org/gk?a=1&amp;b=2/docs/rules/text/typo.md\"><code>text/typo</code></a></td>"
        "<td>疑似错别字</td></tr>\n"
        "</tbody>\n</table>\n</details>\n"
        "<details class=\"report unreadable\" id=\"report-2\" open>\n"
        "<summary>2. <span class=\"path\">bad\xEF\xBF\xBDname\xEF\xBF\xBD.txt</span> <span class=\"verdict\">无法读取</span></summary>\n"
        "<p class=\"read-error\">无法读取：invalid &lt;UTF-8&gt;</p>\n</details>\n"
        "</section>\n</main>\n</body>\n</html>\n");
  // The filters offer what the batch holds; the charts count it.
  CHECK(contains(page, "<select name=\"rule\"><option value=\"\">全部</option><option>local/x</option><option>text/typo</option></select>"));
  CHECK(contains(page, "<select name=\"year\"><option value=\"\">全部</option><option>2021</option></select>"));
  CHECK(contains(page, "<g class=\"bar fail\" data-label=\"未通过\" data-value=\"1\">"));
  CHECK(contains(page, "<g class=\"bar warning\" data-label=\"local/x\" data-value=\"1\">"));
  CHECK(contains(page, "<tr class=\"fail\" data-report data-result=\"fail\" data-year=\"2021\" data-severities=\"warning info\" "
                       "data-rules=\"local/x text/typo\" data-n=\"1\""));
  CHECK(contains(page, "<tr data-finding data-severity=\"warning\" data-rule=\"local/x\" class=\"warning\">"));

  // No documentation published: every rule id is plain text.
  options.documentationUri.clear();
  const std::string plain = renderDirectly({hostile}, options);
  CHECK_FALSE(contains(plain, "<a href=\"http"));
  CHECK(countOf(plain, "<td class=\"rule\"><code>text/typo</code></td>") == 2);  // the rules table and the finding
}

TEST_CASE("html: the CLI links rule ids to their pages only when gklint was built with a documentation URL", "[cli][html]") {
  CHECK(gklint::cli::ReporterOptions().documentationUri == gklint::cli::kDocumentationUri);
  WorkingFolder here(kRepo);
  const std::string page = htmlOf({"--fail-on", "never", "tests/fixtures/cli/non-bmp-2021.txt"}, 0);
  CHECK(contains(page, "docs/rules/text/typo.md") == gklint::cli::hasDocumentationUri());
  CHECK(contains(page, "<a href=\"http") == gklint::cli::hasDocumentationUri());
}

TEST_CASE("html: each report's tables as gklint read them, the cells findings name highlighted, the broken sums written out",
          "[cli][html]") {
  WorkingFolder here(kRepo);
  const std::string page = htmlOf({"tests/fixtures/reports/tables/line-t3-row-total.txt"}, 1);
  CHECK(countOf(page, "<figure class=\"bound-table\" data-table=\"") == 3);
  CHECK(contains(page, "<figure class=\"bound-table\" data-table=\"t3\">\n<figcaption>表三 收到和处理政府信息公开申请情况（表三）"
                       "<span class=\"where\">（第68行起，按 gklint 的读取）</span></figcaption>\n"
                       "<ul class=\"broken\"><li data-rule=\"arith/t3-result-sum\"><span class=\"relation\">“自然人”列：（七）总计 13 ≠ 21项之和 15</span> "
                       "<code>arith/t3-result-sum</code></li><li data-rule=\"arith/t3-row-total\"><span class=\"relation\">“（一）予以公开”行：总计 9 ≠ 6项之和 11"
                       "</span> <code>arith/t3-row-total</code></li></ul>\n"));
  // Row （一）予以公开 (line 106): the cell both findings are placed on, then the cells they name.
  CHECK(contains(page, "<tr data-key=\"R03\"><td class=\"num\">106</td><td class=\"label\">（一）予以公开</td>"
                       "<td class=\"cell number flagged\" data-flagged=\"arith/t3-result-sum arith/t3-row-total\" "
                       "title=\"第107行第2列：arith/t3-result-sum arith/t3-row-total\">7</td>"
                       "<td class=\"cell number related\" data-related=\"arith/t3-row-total\" title=\"第108行第2列：相关 arith/t3-row-total\">2</td>"));
  CHECK(countOf(page, "<td class=\"cell number flagged\"") == 1);
  CHECK(countOf(page, "<td class=\"cell number related\"") == 27);
  // A report without findings still shows its tables, nothing highlighted.
  const std::string clean = htmlOf({"tests/fixtures/cli/clean-2021.txt"}, 0);
  CHECK(countOf(clean, "<figure class=\"bound-table\"") == 3);
  CHECK_FALSE(contains(clean, "data-flagged"));
  CHECK_FALSE(contains(clean, "data-related"));
  CHECK_FALSE(contains(clean, "<ul class=\"broken\">"));
}
