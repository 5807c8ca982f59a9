// Shrink-to-fit: the binary search over the text size.
#include <catch2/catch.hpp>

#include "print/shrink.hpp"

using namespace og;

TEST_CASE("shrink-to-fit finds the largest text size that fits", "[print][shrink]") {
  // Content 30 lines high at 1.4 x size, in a space 400 high: fits up to 9.52 pt.
  int calls = 0;
  auto overflow = [&](double size) {
    ++calls;
    return 30 * 1.4 * size - 400;
  };
  const FitResult r = fit_text_size(overflow, 9, 14, 0.05);
  CHECK(r.fits);
  CHECK(r.size <= 400 / 42.0);
  CHECK(r.size > 400 / 42.0 - 0.05);
  CHECK(r.overflow <= 0);
  CHECK(r.tries == calls);
  CHECK(calls <= 10);
}

TEST_CASE("shrink-to-fit keeps the largest size when everything fits", "[print][shrink]") {
  const FitResult r = fit_text_size([](double size) { return size * 10 - 1000; }, 9, 14);
  CHECK(r.fits);
  CHECK(r.size == 14);
  CHECK(r.tries == 1);
}

TEST_CASE("shrink-to-fit reports how much is left over at the smallest size", "[print][shrink]") {
  const FitResult r = fit_text_size([](double size) { return size * 100 - 500; }, 9, 14);
  CHECK_FALSE(r.fits);
  CHECK(r.size == 9);
  CHECK(r.overflow == Approx(400));
}
