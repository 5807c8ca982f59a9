// The judgements an import makes about one record's facts: its summary, its
// ages, whether an email looks like a person's, a phone number inside a
// label, its review date. Each says what a person should look at.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/common.hpp"

namespace og {

// A one-sentence summary from the description's first paragraph (plain
// text): its first sentence, or, when that runs on past 200 characters, its
// first words up to 160 with "…" (then `cut`).
struct Summary {
  std::string text;
  bool cut = false;
};
Summary summary_from(std::string_view lead);

// Why `email` looks like a person's ("a webmail address",
// "it looks like firstname.lastname"), or "" when it looks like a service's.
std::string personal_email_reason(std::string_view email);
// An address that only fills the field: "@noemail.invalid", "@example.org".
bool is_placeholder_email(std::string_view email);

// Ages as offergen takes them (0 to 25, -1 or missing for no limit); `notes`
// says what was left out.
struct Ages {
  std::optional<int> min, max;
  std::vector<std::string> notes;
};
Ages ages_from(std::optional<double> min, std::optional<double> max);

// A UK phone number from a feed's text, which may have a label around it
// ("Bristol Youth MAPS: 0117 332 7111"); nullopt when there is none.
std::optional<std::string> phone_from(std::string_view text);

// The date of "2025-09-02T12:06:15.654" or "2025-09-02", if it is one.
std::optional<Date> date_from(std::string_view text);

// "1625 Independent People" -> "1625-independent-people", at most 60
// characters, ending at a whole word; "service" when nothing is left.
std::string slug_from(std::string_view name);

}  // namespace og
