// The rules of the plan on a page that tests pin down: the range of text
// sizes it may use and the words of its overflow diagnostic.
#pragma once

#include <string>

namespace og {

inline constexpr double kSmallestPlanText = 9;  // points: the smallest readable body text
inline constexpr double kLargestPlanText = 14;  // points, on A4

// "the plan on a page does not fit on one page even with 9 pt text: it is
// 37.2 mm too tall; its tallest box, 'Our priorities', needs 121.4 mm"
std::string plan_overflow_message(const std::string& box_title, double overflow_mm, double box_mm);

}  // namespace og
