// Bar charts of the locality figures: numbers as the documents print them,
// a summary for screen readers, and SVG that is the same byte for byte.
#include <catch2/catch.hpp>

#include "render/figure_chart.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

std::vector<ChartBar> four_areas() {
  return {{"Batley and Spen", 27628, false},
          {"Dewsbury and Mirfield", 21590, false},
          {"Huddersfield", 32757, true},
          {"Kirklees Rural", 22177, false}};
}

}  // namespace

TEST_CASE("figures are formatted as the documents print them", "[chart]") {
  struct Row {
    double value;
    const char* unit;
    const char* expected;
  };
  const Row rows[] = {
      {32757, "count", "32,757"},      {104152, "count", "104,152"}, {381, "count", "381"},      {0, "count", "0"},
      {1000000, "count", "1,000,000"}, {38, "percent", "38%"},       {34.3, "percent", "34.3%"}, {2.5, "count", "2.5"},
  };
  for (const auto& r : rows) {
    INFO(r.value);
    CHECK(format_figure(r.value, r.unit) == r.expected);
  }
}

TEST_CASE("a chart's summary names the highest and lowest areas", "[chart]") {
  CHECK(chart_summary("Children aged 0 to 18", four_areas(), "count") ==
        "Children aged 0 to 18: highest in Huddersfield (32,757), lowest in Dewsbury and Mirfield (21,590).");
  // Ties go to the first area; missing values are left out.
  std::vector<ChartBar> tied = {{"A", 5, false}, {"B", std::nullopt, false}, {"C", 5, false}, {"D", 2, false}};
  CHECK(chart_summary("X", tied, "percent") == "X: highest in A (5%), lowest in D (2%).");
  std::vector<ChartBar> same = {{"A", 4, false}, {"B", 4, false}};
  CHECK(chart_summary("X", same, "count") == "X: the same in every area (4).");
  std::vector<ChartBar> none = {{"A", std::nullopt, false}};
  CHECK(chart_summary("X", none, "count").empty());
}

TEST_CASE("a bar chart is the golden SVG, scaled to the largest value", "[chart]") {
  const std::string svg = bar_chart_svg("children", "Children aged 0 to 18", four_areas(), "count");
  // The golden file ends with a line end, so that editors leave it alone.
  CHECK(svg + "\n" == test::read_file(test::source_dir() / "tests/unit/golden/bar-chart.svg"));
  // The largest value fills the bar area; the others are in proportion.
  CHECK(svg.find("width=\"236\" height=\"18\"") != std::string::npos);
  CHECK(svg.find("width=\"155.5\" height=\"18\"") != std::string::npos);  // 236 * 21590 / 32757
  CHECK(svg.find("role=\"img\" aria-labelledby=\"chart-children-title\"") != std::string::npos);
  CHECK(svg.find("Huddersfield (this area)") != std::string::npos);
  CHECK(test::count(svg, "chart__bar--other") == 3);
  CHECK(test::count(svg, "chart__bar--current") == 1);
}

TEST_CASE("a chart without a current area, with a missing value and text to escape", "[chart]") {
  std::vector<ChartBar> bars = {{"Batley & Spen", 10, false}, {"<Rural>", std::nullopt, false}, {"Zero", 0, false}};
  const std::string svg = bar_chart_svg("x", "A & B", bars, "count");
  CHECK(svg.find("Batley &amp; Spen") != std::string::npos);
  CHECK(svg.find("&lt;Rural&gt;") != std::string::npos);
  CHECK(svg.find(
            "<title id=\"chart-x-title\">A &amp; B: highest in Batley &amp; Spen (10), lowest in Zero (0).</title>") !=
        std::string::npos);
  CHECK(svg.find("not published") != std::string::npos);
  CHECK(test::count(svg, "<rect") == 2);
  CHECK(test::count(svg, "chart__bar--") == 0);  // no area is current, so every bar is drawn the same
  CHECK(svg.find("viewBox=\"0 0 320 158\"") != std::string::npos);
}
