// Bar charts of the needs-analysis figures, drawn as inline SVG. A chart only
// repeats a table that stays on the page: the table is the content, the chart
// is a picture of it with a one-sentence summary for screen readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og {

// 32757 -> "32,757" as the documents print it; 38 with unit "percent" -> "38%".
std::string format_figure(double value, std::string_view unit);

struct ChartBar {
  std::string label;            // the area's name
  std::optional<double> value;  // nullopt: not published
  bool current = false;         // the area whose page this is
};

// "Children aged 0 to 18: highest in Northtown (32,757), lowest in Upper Dale
// (21,590)." Ties go to the first bar. Empty when no bar has a value.
std::string chart_summary(std::string_view label, const std::vector<ChartBar>& bars, std::string_view unit);

// A horizontal bar chart, one bar per area, scaled to the largest value.
// `id` must be unique on the page (it names the SVG's title). The SVG has
// role="img" and its title is the summary; its text uses currentColor and its
// bars the class chart__bar (with chart__bar--current for the current
// area and chart__bar--other for the rest when there is one), so that the stylesheet
// decides the colours. The same input always gives the same bytes.
std::string bar_chart_svg(std::string_view id, std::string_view label, const std::vector<ChartBar>& bars,
                          std::string_view unit);

}  // namespace og
