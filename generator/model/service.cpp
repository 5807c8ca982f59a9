#include "model/service.hpp"

namespace og {

const char* access_route_name(AccessRoute r) {
  switch (r) {
    case AccessRoute::self_referral:
      return "You can refer yourself";
    case AccessRoute::professional_referral:
      return "A professional can refer you";
    case AccessRoute::drop_in:
      return "Drop in, no referral needed";
  }
  return "";
}

const char* access_route_id(AccessRoute r) {
  switch (r) {
    case AccessRoute::self_referral:
      return "self-referral";
    case AccessRoute::professional_referral:
      return "professional-referral";
    case AccessRoute::drop_in:
      return "drop-in";
  }
  return "";
}

}  // namespace og
