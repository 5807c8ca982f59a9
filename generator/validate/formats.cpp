#include "validate/formats.hpp"

#include <cctype>

namespace og {

static bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
    return std::nullopt;
  Date d;
  d.year = std::stoi(std::string(text.substr(0, 4)));
  d.month = std::stoi(std::string(text.substr(5, 2)));
  d.day = std::stoi(std::string(text.substr(8, 2)));
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int max_day = d.month == 2 && leap ? 29 : days[d.month - 1];
  if (d.day > max_day) return std::nullopt;
  return d;
}

bool is_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
  for (char c : local) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || std::string_view("._%+-'").find(c) != std::string_view::npos)) return false;
  }
  if (local.front() == '.' || local.back() == '.') return false;
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : domain) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-')) return false;
  }
  return domain.find("..") == std::string_view::npos && domain.front() != '-';
}

bool is_web_address(std::string_view text, std::string& why) {
  std::string_view rest;
  if (text.rfind("https://", 0) == 0) {
    rest = text.substr(8);
  } else if (text.rfind("http://", 0) == 0) {
    rest = text.substr(7);
  } else {
    why = "a web address must start with https://";
    return false;
  }
  for (char c : text) {
    if (c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20) {
      why = "a web address cannot contain spaces";
      return false;
    }
  }
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  const std::string_view hostname = host.substr(0, host.find(':'));
  if (hostname.empty() || hostname.find('.') == std::string_view::npos || hostname.front() == '.' ||
      hostname.back() == '.') {
    why = "the web address has no proper host name, such as www.example.org";
    return false;
  }
  for (char c : hostname) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-')) {
      why = "the host name may hold only letters, digits, dots and hyphens";
      return false;
    }
  }
  return true;
}

bool is_uk_phone(std::string_view text) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  if (plus) {
    if (digits.rfind("44", 0) != 0) return false;
    digits = "0" + digits.substr(2);
  }
  if (digits == "999" || digits == "111" || digits == "101" || digits == "112") return true;
  if (digits.size() == 6 && digits.rfind("116", 0) == 0) return true;   // 116 123
  if (digits.size() == 8 && digits.rfind("0800", 0) == 0) return true;  // 0800 1111
  return digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0' && digits[1] != '0';
}

bool is_language_tag(std::string_view text) {
  const auto dash = text.find('-');
  const std::string_view lang = text.substr(0, dash);
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang)
    if (c < 'a' || c > 'z') return false;
  if (dash == std::string_view::npos) return true;
  const std::string_view region = text.substr(dash + 1);
  if (region.size() != 2) return false;
  for (char c : region)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace og
