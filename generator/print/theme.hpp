// The colours and sizes documents use, from site.yaml's colours, made safe
// for white paper: every colour that text is set in keeps WCAG AA contrast
// (4.5:1) against what it is printed on.
#pragma once

#include "core/colour.hpp"
#include "model/site.hpp"

namespace og {

struct DocumentTheme {
  Rgb brand;      // headings, links, the plan's box headers (white text on it)
  Rgb text;       // body text
  Rgb secondary;  // notes, running header and footer
  Rgb tint;       // light panels behind text (the plan's statement, boxes)
  Rgb accent;     // decoration only, never behind or as text
  Rgb rule;       // lines
  Rgb white{1, 1, 1};
};

DocumentTheme document_theme(const Site& site);

// a * (1 - t) + b * t
Rgb mix(const Rgb& a, const Rgb& b, double t);

}  // namespace og
