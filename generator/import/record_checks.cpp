#include "import/record_checks.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "validate/formats.hpp"

namespace og {

namespace {

constexpr std::size_t kLongestSentence = 200;
constexpr std::size_t kCutAt = 160;

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// Whether the '.' at `at` ends an abbreviation ("e.g.", "Dr.", "St.", "a.m.") rather than a sentence.
bool abbreviation(std::string_view text, std::size_t at) {
  std::size_t start = text.rfind(' ', at);
  start = start == std::string_view::npos ? 0 : start + 1;
  const std::string word = to_lower_ascii(text.substr(start, at - start));
  static const std::vector<std::string_view> known = {"e.g",    "i.e", "etc", "dr", "mr",  "mrs", "ms",  "st", "no",
                                                      "approx", "inc", "ltd", "vs", "tel", "a.m", "p.m", "eg", "ie"};
  const bool initial = word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
  return initial || std::find(known.begin(), known.end(), word) != known.end();
}

// The end (one past the punctuation) of the first sentence of `text`, or npos.
std::size_t sentence_end(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == ')' || text[end] == '\'')) ++end;
    if (end == text.size()) return end;
    if (text[end] != ' ') continue;
    if (c == '.' && abbreviation(text, i)) continue;
    const std::size_t next = text.find_first_not_of(' ', end);
    if (next != std::string_view::npos && is_lower(text[next])) continue;
    return end;
  }
  return std::string_view::npos;
}

// The first `n` code points of `text`, back to the last space before them.
std::string_view cut_at_word(std::string_view text, std::size_t n) {
  std::size_t bytes = 0;
  for (std::size_t points = 0; bytes < text.size() && points < n; ++points) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xc0) == 0x80) ++bytes;
  }
  if (bytes >= text.size()) return text;
  const std::size_t space = text.rfind(' ', bytes);
  std::string_view cut = text.substr(0, space == std::string_view::npos || space == 0 ? bytes : space);
  // Punctuation left at the end, a character at a time (the en dash is three
  // bytes: a byte at a time took the ends of 'À' and 'Ó' with it).
  for (bool more = true; more;) {
    more = false;
    for (std::string_view mark : {",", ";", ":", "-", "–", "("})
      if (cut.ends_with(mark)) {
        cut.remove_suffix(mark.size());
        more = true;
      }
  }
  return cut;
}

}  // namespace

Summary summary_from(std::string_view lead) {
  lead = trim(lead);
  Summary s;
  const std::size_t end = sentence_end(lead);
  std::string_view sentence = lead.substr(0, end);
  if (static_cast<std::size_t>(utf8_length(sentence)) <= kLongestSentence) {
    s.text = std::string(sentence);
    return s;
  }
  s.text = std::string(cut_at_word(sentence, kCutAt)) + "…";
  s.cut = true;
  return s;
}

std::string personal_email_reason(std::string_view email) {
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos) return {};
  const std::string local = to_lower_ascii(email.substr(0, at)), domain = to_lower_ascii(email.substr(at + 1));
  static const std::vector<std::string_view> webmail = {
      "gmail.com",       "googlemail.com",   "hotmail.com",    "hotmail.co.uk", "outlook.com",    "live.com",
      "live.co.uk",      "msn.com",          "yahoo.com",      "yahoo.co.uk",   "ymail.com",      "icloud.com",
      "me.com",          "mac.com",          "aol.com",        "aol.co.uk",     "btinternet.com", "sky.com",
      "virginmedia.com", "talktalk.net",     "protonmail.com", "proton.me",     "gmx.com",        "gmx.co.uk",
      "mail.com",        "blueyonder.co.uk", "ntlworld.com",   "tiscali.co.uk", "outlook.co.uk",  "btopenworld.com"};
  if (std::find(webmail.begin(), webmail.end(), domain) != webmail.end()) return "a webmail address";
  const std::size_t dot = local.find('.');
  if (dot == std::string::npos || local.find('.', dot + 1) != std::string::npos) return {};
  const std::string first = local.substr(0, dot), last = local.substr(dot + 1);
  const auto name_like = [](const std::string& part) {
    return part.size() >= 2 && std::all_of(part.begin(), part.end(), is_lower);
  };
  static const std::vector<std::string_view> roles = {
      "info",     "enquiries", "enquiry",  "admin",     "contact",  "office",   "hello",     "team",
      "help",     "support",   "referral", "referrals", "bookings", "booking",  "reception", "service",
      "services", "family",    "families", "youth",     "parents",  "children", "early",     "centre",
      "center",   "hub",       "duty",     "mail",      "general",  "advice",   "health",    "care"};
  const auto role = [&](const std::string& part) { return std::find(roles.begin(), roles.end(), part) != roles.end(); };
  if (name_like(first) && name_like(last) && !role(first) && !role(last)) return "it looks like firstname.lastname";
  return {};
}

bool is_placeholder_email(std::string_view email) {
  const std::string lower = to_lower_ascii(email);
  const std::size_t at = lower.rfind('@');
  if (at == std::string::npos) return true;
  const std::string domain = lower.substr(at + 1);
  const auto ends_with = [&](std::string_view tail) {
    return domain.size() >= tail.size() && domain.compare(domain.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends_with(".invalid") || ends_with(".example") || ends_with(".test") || ends_with(".localhost") ||
         domain == "example.com" || domain == "example.org" || domain == "example.net" ||
         domain.find("noemail") != std::string::npos || lower.rfind("noreply@", 0) == 0 ||
         lower.rfind("no-reply@", 0) == 0;
}

Ages ages_from(std::optional<double> min, std::optional<double> max) {
  Ages a;
  const auto take = [&](std::optional<double> value, std::optional<int>& to, const char* what) {
    if (!value || *value < 0 || !std::isfinite(*value)) return;  // -1: no limit
    const int years = static_cast<int>(std::min(std::floor(*value), 1000.0));
    if (years > 25) {
      a.notes.push_back(std::string(what) + " " + std::to_string(years) +
                        " is over 25, so it was left out (offergen's ages run from 0 to 25)");
      return;
    }
    to = years;
  };
  take(min, a.min, "the minimum age");
  take(max, a.max, "the maximum age");
  if (a.min && a.max && *a.min > *a.max) {
    a.notes.push_back("the minimum age " + std::to_string(*a.min) + " is above the maximum age " +
                      std::to_string(*a.max) + ", so both were left out");
    a.min.reset();
    a.max.reset();
  }
  return a;
}

std::optional<std::string> phone_from(std::string_view text) {
  text = trim(text);
  if (is_uk_phone(text)) return std::string(text);
  // The last run of digits, spaces, brackets and hyphens, which may start with '+'.
  const std::size_t last_digit = text.find_last_of("0123456789");
  if (last_digit == std::string_view::npos) return std::nullopt;
  std::size_t start = last_digit;
  while (start > 0 && std::string_view("0123456789 ()-+").find(text[start - 1]) != std::string_view::npos) --start;
  std::string_view number = trim(text.substr(start, last_digit + 1 - start));
  while (!number.empty() && (number.front() == ')' || number.front() == '-')) number = trim(number.substr(1));
  if (is_uk_phone(number)) return std::string(number);
  return std::nullopt;
}

std::optional<Date> date_from(std::string_view text) {
  text = trim(text);
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  return parse_iso_date(text);
}

std::string slug_from(std::string_view name) {
  std::string slug = slugify(name);
  if (slug.size() > 60) {
    const std::size_t hyphen = slug.rfind('-', 60);
    slug.resize(hyphen == std::string::npos || hyphen == 0 ? 60 : hyphen);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "service" : slug;
}

}  // namespace og
