#include "model/age_band.hpp"

namespace og {

const std::vector<AgeBand>& age_bands() {
  static const std::vector<AgeBand> bands = {
      {"0-4", "Ages 0 to 4", "Pregnancy, babies and young children until they start school", 0, 4},
      {"5-10", "Ages 5 to 10", "Children at primary school", 5, 10},
      {"11-15", "Ages 11 to 15", "Teenagers at secondary school", 11, 15},
      {"16-18", "Ages 16 to 18", "Older teenagers, in college, training or work", 16, 18},
      {"19-25", "Ages 19 to 25", "Young adults, such as care leavers and young people with SEND", 19, 25},
  };
  return bands;
}

bool serves_ages(const Service& s, int min, int max) {
  const int lo = s.min_age.value_or(0);
  const int hi = s.max_age.value_or(1000);
  return lo <= max && hi >= min;
}

}  // namespace og
