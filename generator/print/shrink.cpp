#include "print/shrink.hpp"

namespace og {

FitResult fit_text_size(const std::function<double(double)>& overflow, double smallest, double largest,
                        double precision) {
  FitResult r;
  r.tries = 1;
  const double at_largest = overflow(largest);
  if (at_largest <= 0) return {largest, true, at_largest, 1};
  ++r.tries;
  const double at_smallest = overflow(smallest);
  if (at_smallest > 0) return {smallest, false, at_smallest, r.tries};
  double lo = smallest, hi = largest, lo_overflow = at_smallest;  // lo always fits, hi never does
  while (hi - lo > precision) {
    const double mid = (lo + hi) / 2;
    ++r.tries;
    const double o = overflow(mid);
    if (o <= 0) {
      lo = mid;
      lo_overflow = o;
    } else {
      hi = mid;
    }
  }
  return {lo, true, lo_overflow, r.tries};
}

}  // namespace og
