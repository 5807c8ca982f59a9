#include "model/service.hpp"

namespace og {

// In AccessRoute's order.
const char* access_route_name(AccessRoute r) {
  static constexpr const char* kNames[] = {"You can refer yourself", "A professional can refer you",
                                           "Drop in, no referral needed"};
  return kNames[static_cast<int>(r)];
}

const char* access_route_id(AccessRoute r) {
  static constexpr const char* kIds[] = {"self-referral", "professional-referral", "drop-in"};
  return kIds[static_cast<int>(r)];
}

}  // namespace og
