// Shrink-to-fit: the largest text size at which a layout fits, found by
// binary search between the largest size wanted and the smallest readable one.
#pragma once

#include <functional>

namespace og {

struct FitResult {
  double size = 0;  // the chosen size (the smallest when nothing fits)
  bool fits = false;
  double overflow = 0;  // how much too tall the layout is at `size`; <= 0 when it fits
  int tries = 0;        // layouts measured
};

// `overflow(size)` lays the content out at `size` and returns how much taller
// than the space it is (<= 0 when it fits); it must not shrink as size grows.
// Returns the largest size in [smallest, largest], to within `precision`, that fits.
FitResult fit_text_size(const std::function<double(double size)>& overflow, double smallest, double largest,
                        double precision = 0.05);

}  // namespace og
