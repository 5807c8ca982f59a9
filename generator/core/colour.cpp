#include "core/colour.hpp"

#include <algorithm>
#include <cmath>

namespace og {

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Rgb> parse_hex_colour(std::string_view text) {
  if (text.empty() || text.front() != '#') return std::nullopt;
  text.remove_prefix(1);
  if (text.size() != 3 && text.size() != 6) return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < text.size(); ++i) {
    v[i] = hex_digit(text[i]);
    if (v[i] < 0) return std::nullopt;
  }
  auto channel = [&](int i) { return text.size() == 3 ? (v[i] * 17) / 255.0 : (v[2 * i] * 16 + v[2 * i + 1]) / 255.0; };
  return Rgb{channel(0), channel(1), channel(2)};
}

static double relative_luminance(const Rgb& c) {
  auto lin = [](double s) { return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace og
