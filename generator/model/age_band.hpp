// The age bands that services are browsed by. Bands follow the ages the
// partnership's services are planned for: the early years until school, primary
// school, secondary school, the last years of childhood, and young adults (care
// leavers and young people with SEND are supported up to 25).
#pragma once

#include <string>
#include <vector>

#include "model/service.hpp"

namespace og {

struct AgeBand {
  std::string id;           // "11-15", also its web address: /ages/11-15/
  std::string name;         // "Ages 11 to 15"
  std::string description;  // "Secondary school years"
  int min = 0;
  int max = 0;
};

const std::vector<AgeBand>& age_bands();

// Whether a service is for some of the ages min..max. A missing min_age or
// max_age leaves that end open; a service with neither is for every age.
bool serves_ages(const Service& s, int min, int max);

}  // namespace og
