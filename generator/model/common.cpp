#include "model/common.hpp"

#include <array>
#include <cstdio>

namespace og {

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::long_form() const {
  static const std::array<const char*, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return iso();
  return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " +
         std::to_string(year);
}

}  // namespace og
