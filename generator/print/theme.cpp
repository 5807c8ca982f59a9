#include "print/theme.hpp"

namespace og {

namespace {

constexpr double kAA = 4.5;
const Rgb kWhite{1, 1, 1};
const Rgb kNearBlack{0.043, 0.047, 0.047};  // #0b0c0c

Rgb parse_or(const std::string& hex, const Rgb& fallback) {
  auto c = parse_hex_colour(hex);
  return c ? *c : fallback;
}

}  // namespace

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  return {a.r * (1 - t) + b.r * t, a.g * (1 - t) + b.g * t, a.b * (1 - t) + b.b * t};
}

DocumentTheme document_theme(const Site& site) {
  DocumentTheme t;
  // Paper is white whatever the website's background is.
  t.text = parse_or(site.colours.text, kNearBlack);
  if (contrast_ratio(t.text, kWhite) < kAA) t.text = kNearBlack;
  t.brand = parse_or(site.colours.brand, Rgb{0.114, 0.31, 0.569});
  if (contrast_ratio(t.brand, kWhite) < kAA) t.brand = t.text;
  t.accent = parse_or(site.colours.accent, Rgb{1, 0.867, 0});
  t.secondary = Rgb{0.282, 0.286, 0.286};  // #484949, 9:1 on white
  t.rule = mix(t.brand, kWhite, 0.55);
  // The lightest tint of the brand colour that keeps both the text and the
  // brand colour readable on it.
  for (double amount = 0.10; amount >= 0; amount -= 0.02) {
    t.tint = mix(kWhite, t.brand, amount);
    if (contrast_ratio(t.text, t.tint) >= kAA && contrast_ratio(t.brand, t.tint) >= kAA &&
        contrast_ratio(t.secondary, t.tint) >= kAA)
      break;
  }
  return t;
}

}  // namespace og
