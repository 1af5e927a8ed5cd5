#!/usr/bin/env python3
"""html-in-browser: the HTML summary of a batch, opened in Debian's headless Chromium.

Checks the DOM Chromium dumps after the page's own script ran: the counts, the charts, the
bound tables with the cells findings name highlighted and the broken relation written out, that
the filters (set through the page's #fragment, as a supervisor's bookmark would) hide rows,
and that with script off the page is complete and plain. Then takes a screenshot and checks
it is a PNG. Exit 77 (a ctest skip) when chromium is not installed.

usage: html-in-browser.py GKLINT REPOSITORY_ROOT [SCREENSHOT.png]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

gklint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("skipped: chromium is not installed (scripts/bootstrap.sh installs it)")
    sys.exit(77)

failures, checks = [], 0


def check(what, ok):
    global checks
    checks += 1
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


work = tempfile.mkdtemp(prefix="gklint-html-")
page = os.path.join(work, "batch.html")
seeds = os.path.join(root, "tests", "corpus", "seeds")
tables = os.path.join(root, "tests", "fixtures", "reports", "tables")
inputs = [seeds, os.path.join(tables, "line-t3-row-total.txt"), os.path.join(tables, "line-t4-sum-direct.txt")]
p = subprocess.run([gklint, "check", "--format", "html", "--output", page, "--title", "浏览器测试批次"] + inputs,
                   cwd=root, capture_output=True, text=True, timeout=120)
check("gklint wrote the page (exit 1: some reports fail)", p.returncode == 1 and os.path.getsize(page) > 0)
REPORTS = 7  # five seeds and two table fixtures


def chromium(extra, url):
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile] + extra + [url]
    r = subprocess.run(args, capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace")


def dom(fragment=""):
    code, out = chromium(["--dump-dom"], "file://" + page + fragment)
    return out


def rows(html, klass):
    return re.findall(r'<tr class="%s"[^>]*>' % klass, html)


def summary_rows(html):
    body = html.split('<table class="summary">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr [^>]*data-report[^>]*>", body)


# ---- the page as it opens ----
html = dom()
check("Chromium dumped the DOM", "</html>" in html and "政府信息公开工作年度报告检查结果" in html)
summary = summary_rows(html)
check("one summary row per report (%d)" % len(summary), len(summary) == REPORTS)
check("no row is hidden before a filter is chosen", not any(" hidden" in r for r in summary))
check("the script showed the filters", re.search(r'<form id="filters"(?! hidden)', html) is not None)
check("the count of reports shown is all of them", '<output id="shown">%d</output>' % REPORTS in html)
check("the chart of results has one bar per result",
      re.findall(r'<g class="bar (pass|fail|unreadable)"', html) == ["pass", "fail", "unreadable"])
check("the chart of results counts 2 passed, 5 failed",
      'data-label="通过" data-value="2"' in html and 'data-label="未通过" data-value="5"' in html)
rule_bars = re.findall(r'<svg class="chart" id="chart-rules".*?</svg>', html, re.S)
check("the chart of rules has ten bars, the most frequent first",
      len(rule_bars) == 1 and len(re.findall(r'<g class="bar', rule_bars[0])) == 10
      and 'data-label="text/cjk-spacing"' in rule_bars[0].split("</g>", 1)[0])

# ---- the bound tables ----
def section(html, name):
    """The <details> of the report whose path ends in `name`."""
    return next(d for d in re.findall(r'<details class="report.*?</details>', html, re.S)
                if re.search(r'<span class="path">[^<]*' + re.escape(name) + "</span>", d))


row_total = section(html, "line-t3-row-total.txt")
flagged = re.findall(r'<td class="cell number flagged" data-flagged="([^"]*)"[^>]*>([^<]*)</td>', row_total)
check("line-t3-row-total: the cell both findings are placed on is highlighted: %r" % flagged,
      flagged == [("arith/t3-result-sum arith/t3-row-total", "7")])
related = re.findall(r'<td class="cell number related"', row_total)
check("line-t3-row-total: the 27 cells the findings name are marked (%d)" % len(related), len(related) == 27)
check("line-t3-row-total: the broken relations are written out",
      "“自然人”列：（七）总计 13 ≠ 21项之和 15" in row_total and "“（一）予以公开”行：总计 9 ≠ 6项之和 11" in row_total)
check("line-t3-row-total: 表二 表三 表四 are drawn",
      re.findall(r'<figure class="bound-table" data-table="(t\d)"', row_total) == ["t2", "t3", "t4"])
t4 = section(html, "line-t4-sum-direct.txt")
check("line-t4-sum-direct: 表四's broken sum is written out", "未经复议直接起诉总计 4 ≠ 4项之和 3" in t4)

# ---- filters, through the #fragment ----
errors_only = dom("#severity=error")
summary = summary_rows(errors_only)
hidden = [r for r in summary if " hidden" in r]
with_errors = [r for r in summary if re.search(r'data-severities="error', r)]
check("severity=error hides the reports without errors (%d hidden)" % len(hidden),
      len(with_errors) == 5 and len(hidden) == REPORTS - 5 and all("error" not in re.search(
          r'data-severities="([^"]*)"', r).group(1) for r in hidden))
check("severity=error: the count says 5 of 7", '<output id="shown">5</output>' in errors_only)
finding_rows = re.findall(r'<tr data-finding="" data-severity="(\w+)"([^>]*)>', errors_only)
check("severity=error hides every finding row that is not an error (%d rows)" % len(finding_rows),
      len(finding_rows) > 100 and all((sev == "error") == ("hidden" not in rest) for sev, rest in finding_rows))
check("severity=error: the select shows the filter", 'option value="error" selected' in errors_only or
      re.search(r'<select name="severity">', errors_only) is not None)

passed_2022 = dom("#result=pass&year=2022")
summary = summary_rows(passed_2022)
shown = [r for r in summary if " hidden" not in r]
check("result=pass&year=2022 leaves the one passing 2022 report",
      len(shown) == 1 and 'data-year="2022"' in shown[0] and 'data-result="pass"' in shown[0])
rule = dom("#rule=arith/t4-sum")
shown = [r for r in summary_rows(rule) if " hidden" not in r]
check("rule=arith/t4-sum leaves the one report that breaks it",
      len(shown) == 1 and "arith/t4-sum" in shown[0])

# ---- without script: the page as written (what a browser with script off shows; Chromium's
# --dump-dom itself needs script) ----
with open(page, encoding="utf-8") as f:
    plain = f.read()
check("without script the filters stay hidden and every row and finding shows",
      '<form id="filters" hidden>' in plain and not any(" hidden" in r for r in summary_rows(plain))
      and len(summary_rows(plain)) == REPORTS and " hidden" not in "".join(re.findall(r"<tr data-finding[^>]*>", plain)))

# ---- a screenshot ----
shot = sys.argv[3] if len(sys.argv) > 3 else os.path.join(work, "batch.png")
code, _ = chromium(["--screenshot=" + shot, "--window-size=1280,2400", "--hide-scrollbars"], "file://" + page)
with open(shot, "rb") as f:
    head = f.read(8)
check("--screenshot wrote a PNG (%s)" % shot, code == 0 and head == b"\x89PNG\r\n\x1a\n" and os.path.getsize(shot) > 20000)

shutil.rmtree(work, ignore_errors=True)
print("%d passed, %d failed" % (checks - len(failures), len(failures)))
sys.exit(1 if failures else 0)
