#include "cli/HtmlCharts.h"

#include <algorithm>

#include "cli/HtmlText.h"

namespace gklint::cli {
namespace {

constexpr int kLabelWidth = 250;  // px: the labels' column
constexpr int kBarWidth = 360;    // px: the longest bar
constexpr int kRowHeight = 24;

}  // namespace

std::string barChartSvg(const std::string& id, const std::string& title, const std::vector<ChartBar>& bars) {
  int largest = 1;
  for (const ChartBar& b : bars) largest = std::max(largest, b.value);
  const int width = kLabelWidth + kBarWidth + 60;
  const int height = kRowHeight * static_cast<int>(bars.size()) + 8;
  std::string svg = "<svg class=\"chart\" id=\"" + htmlEscape(id) + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" +
                    htmlEscape(id) + "-title\"><title id=\"" + htmlEscape(id) + "-title\">" + htmlEscape(title) +
                    "</title>\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    const int y = static_cast<int>(i) * kRowHeight + 4;
    const int length = b.value > 0 ? std::max(2, b.value * kBarWidth / largest) : 0;
    svg += "<g class=\"bar " + htmlEscape(b.cssClass) + "\" data-label=\"" + htmlEscape(b.label) + "\" data-value=\"" +
           std::to_string(b.value) + "\"><text class=\"label\" x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" +
           std::to_string(y + 16) + "\" text-anchor=\"end\">" + htmlEscape(b.label) + "</text><rect x=\"" +
           std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(length) +
           "\" height=\"16\" rx=\"2\"></rect><text class=\"value\" x=\"" + std::to_string(kLabelWidth + length + 6) +
           "\" y=\"" + std::to_string(y + 16) + "\">" + std::to_string(b.value) + "</text></g>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace gklint::cli
