#include "render/figure_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"

namespace og {

namespace {

// The chart is drawn in a 320-unit-wide box, the narrowest screen the site
// must reflow to, so that its text is never smaller than the page's at 320 px.
constexpr double kWidth = 320;
constexpr double kRow = 52;     // one area: its name, then its bar
constexpr double kBarTop = 25;  // from the top of the row
constexpr double kBarHeight = 18;
constexpr double kBarMax = 236;  // leaves room for the value after the longest bar
constexpr int kFontSize = 17;

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

}  // namespace

std::string format_figure(double v, std::string_view unit) {
  char buf[64];
  if (unit == "percent") {
    std::snprintf(buf, sizeof buf, "%g%%", v);
    return buf;
  }
  if (v != std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(v));
  const bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string chart_summary(std::string_view label, const std::vector<ChartBar>& bars, std::string_view unit) {
  const ChartBar* high = nullptr;
  const ChartBar* low = nullptr;
  for (const auto& b : bars) {
    if (!b.value) continue;
    if (!high || *b.value > *high->value) high = &b;
    if (!low || *b.value < *low->value) low = &b;
  }
  if (!high) return {};
  std::string out = std::string(label) + ": ";
  if (high == low) return out + "the same in every area (" + format_figure(*high->value, unit) + ").";
  return out + "highest in " + high->label + " (" + format_figure(*high->value, unit) + "), lowest in " + low->label +
         " (" + format_figure(*low->value, unit) + ").";
}

std::string bar_chart_svg(std::string_view id, std::string_view label, const std::vector<ChartBar>& bars,
                          std::string_view unit) {
  double max = 0;
  for (const auto& b : bars)
    if (b.value) max = std::max(max, *b.value);
  const std::string height = number(kRow * static_cast<double>(bars.size()) + 2);
  const std::string title_id = "chart-" + std::string(id) + "-title";
  // On an area's page the other areas' bars are drawn in a quieter colour.
  const bool any_current = std::any_of(bars.begin(), bars.end(), [](const ChartBar& b) { return b.current; });

  std::string svg;
  svg += "<svg class=\"chart__svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + number(kWidth) + " " +
         height + "\" width=\"" + number(kWidth) + "\" height=\"" + height + "\" role=\"img\" aria-labelledby=\"" +
         title_id + "\" focusable=\"false\" font-size=\"" + std::to_string(kFontSize) + "\">";
  svg += "<title id=\"" + title_id + "\">";
  append_html_escaped(svg, chart_summary(label, bars, unit));
  svg += "</title>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    const double top = kRow * static_cast<double>(i);
    svg += "<text x=\"0\" y=\"" + number(top + 18) + "\" fill=\"currentColor\"";
    if (b.current) svg += " font-weight=\"700\"";
    svg += ">";
    append_html_escaped(svg, b.label);
    if (b.current) svg += " (this area)";
    svg += "</text>";
    const std::string text_y = number(top + kBarTop + kBarHeight - 3);
    if (!b.value) {
      svg += "<text x=\"0\" y=\"" + text_y + "\" fill=\"currentColor\" font-style=\"italic\">not published</text>";
      continue;
    }
    const double width = max > 0 && *b.value > 0 ? kBarMax * *b.value / max : 0;
    const char* modifier = b.current ? " chart__bar--current" : any_current ? " chart__bar--other" : "";
    svg += "<rect class=\"chart__bar" + std::string(modifier) + "\" x=\"0\" y=\"" + number(top + kBarTop) +
           "\" width=\"" + number(width) + "\" height=\"" + number(kBarHeight) + "\"/>";
    svg += "<text x=\"" + number(width + 6) + "\" y=\"" + text_y + "\" fill=\"currentColor\"";
    if (b.current) svg += " font-weight=\"700\"";
    svg += ">";
    append_html_escaped(svg, format_figure(*b.value, unit));
    svg += "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace og
