// The shapes of values that content writes as text: dates, emails, web
// addresses, UK phone numbers, language tags.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/common.hpp"

namespace og {

// "2018-10-01" -> Date; nullopt unless a real calendar date in that form.
std::optional<Date> parse_iso_date(std::string_view text);

bool is_email(std::string_view text);

// An absolute http(s) address with a host. On failure `why` says what is wrong.
bool is_web_address(std::string_view text, std::string& why);

// A UK number as people write it: "01484 221000", "+44 1484 221000", "0800 1111",
// "116 123", "999". Spaces, hyphens and brackets are allowed between digits.
bool is_uk_phone(std::string_view text);

// "en", "en-GB", "cy-GB".
bool is_language_tag(std::string_view text);

}  // namespace og
