#include "cli/HtmlTables.h"

#include <map>

#include "cli/HtmlText.h"

namespace gklint::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::string cellHtml(const ReportedCell& c) {
  std::string cls = "cell " + c.state;
  if (!c.flaggedBy.empty()) cls += " flagged";
  else if (!c.relatedTo.empty()) cls += " related";
  std::string html = "<td class=\"" + cls + "\"";
  if (!c.flaggedBy.empty()) html += " data-flagged=\"" + htmlEscape(joined(c.flaggedBy)) + "\"";
  if (!c.relatedTo.empty()) html += " data-related=\"" + htmlEscape(joined(c.relatedTo)) + "\"";
  std::string tip;
  if (c.line > 0) tip = "第" + std::to_string(c.line) + "行第" + std::to_string(c.column1) + "列";
  if (!c.flaggedBy.empty()) tip += (tip.empty() ? "" : "：") + joined(c.flaggedBy);
  else if (!c.relatedTo.empty()) tip += (tip.empty() ? "" : "：") + std::string("相关 ") + joined(c.relatedTo);
  if (!tip.empty()) html += " title=\"" + htmlEscape(tip) + "\"";
  html += ">";
  if (c.state == "blank") html += "<span class=\"blank-mark\" aria-label=\"空白\">·</span>";
  else html += htmlEscape(c.text);
  return html + "</td>";
}

}  // namespace

std::string tableDisplayName(const std::string& table) {
  if (table == "t2") return "表二";
  if (table == "t3") return "表三";
  if (table == "t4") return "表四";
  return table;
}

std::string renderBoundTables(const std::vector<ReportedTable>& tables) {
  std::string html;
  for (const ReportedTable& t : tables) {
    std::map<std::string, size_t> columnIndex;
    for (size_t i = 0; i < t.columns.size(); ++i) columnIndex[t.columns[i].first] = i;
    html += "<figure class=\"bound-table\" data-table=\"" + htmlEscape(t.table) + "\">\n<figcaption>" +
            tableDisplayName(t.table) + " " + htmlEscape(t.title) + "<span class=\"where\">（第" + std::to_string(t.line) +
            "行起，按 gklint 的读取）</span></figcaption>\n";
    if (!t.broken.empty()) {
      html += "<ul class=\"broken\">";
      for (const ReportedRelation& r : t.broken) {
        html += "<li data-rule=\"" + htmlEscape(r.rule) + "\"><span class=\"relation\">" + htmlEscape(r.text) +
                "</span> <code>" + htmlEscape(r.rule) + "</code></li>";
      }
      html += "</ul>\n";
    }
    html += "<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>行</th><th>项目</th>";
    for (const auto& [key, label] : t.columns) html += "<th title=\"" + htmlEscape(key) + "\">" + htmlEscape(label) + "</th>";
    html += "</tr></thead>\n<tbody>\n";
    const size_t width = t.columns.size();
    for (const ReportedTableRow& row : t.rows) {
      html += "<tr data-key=\"" + htmlEscape(row.key) + "\"";
      if (!row.present) {
        html += " class=\"missing\"><td class=\"num\"></td><td class=\"label\">" + htmlEscape(row.label) + "</td><td colspan=\"" +
                std::to_string(std::max<size_t>(1, width)) + "\" class=\"absent\">（未找到此行）</td></tr>\n";
        continue;
      }
      const bool placed = !row.cells.empty() && !row.cells.front().column.empty();
      html += std::string(placed || row.cells.size() == row.expectedCells ? "" : " class=\"count-wrong\"") + "><td class=\"num\">" +
              std::to_string(row.line) + "</td><td class=\"label\">" + htmlEscape(row.label);
      if (!placed && row.cells.size() != row.expectedCells) {
        html += "<span class=\"count-note\">（" + std::to_string(row.cells.size()) + "个数值，应为" +
                std::to_string(row.expectedCells) + "个）</span>";
      }
      html += "</td>";
      std::vector<const ReportedCell*> slots(width, nullptr);
      std::vector<const ReportedCell*> unplaced;
      for (const ReportedCell& c : row.cells) {
        const auto it = c.column.empty() ? columnIndex.end() : columnIndex.find(c.column);
        if (it != columnIndex.end()) slots[it->second] = &c;
        else unplaced.push_back(&c);
      }
      for (size_t i = 0, u = 0; i < width; ++i) {  // cells of a row with the wrong count: in order
        if (!slots[i] && u < unplaced.size()) slots[i] = unplaced[u++];
      }
      for (const ReportedCell* c : slots) html += c ? cellHtml(*c) : "<td class=\"cell na\"></td>";
      html += "</tr>\n";
    }
    html += "</tbody>\n</table></div>\n</figure>\n";
  }
  return html;
}

}  // namespace gklint::cli
