// HtmlCharts: the HTML summary's charts as inline SVG (no script, no external resource).
#pragma once

#include <string>
#include <vector>

namespace gklint::cli {

struct ChartBar {
  std::string label;
  int value = 0;
  std::string cssClass;  // colours the bar (the page's stylesheet): error, warning, info, pass, fail, unreadable
};

// A horizontal bar chart: one row per bar, its label, a bar as long as its share of the
// largest value, and the value. `id` names the <svg> (and its <title> for screen readers).
std::string barChartSvg(const std::string& id, const std::string& title, const std::vector<ChartBar>& bars);

}  // namespace gklint::cli
