// sRGB colours and the WCAG 2.2 contrast ratio, used to refuse unreadable themes.
#pragma once

#include <optional>
#include <string_view>

namespace og {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

// "#1d4f91" or "#fff"; nullopt for anything else.
std::optional<Rgb> parse_hex_colour(std::string_view text);
// WCAG contrast ratio, from 1 to 21.
double contrast_ratio(const Rgb& a, const Rgb& b);

}  // namespace og
