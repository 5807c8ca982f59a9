#include "derive/service_facts.hpp"

#include <algorithm>

namespace og {

std::string age_range_text(const Service& s) {
  // No ages in the content means the documents do not say: show nothing
  // rather than a claim. "min_age: 0" without a maximum is "All ages".
  if (!s.min_age && !s.max_age) return {};
  const int lo = s.min_age.value_or(0);
  if (!s.max_age) return lo == 0 ? "All ages" : "Ages " + std::to_string(lo) + " and over";
  const int hi = *s.max_age;
  if (lo == 0) return hi == 0 ? "Babies under 1" : "From birth to " + std::to_string(hi);
  if (lo == hi) return "Age " + std::to_string(lo);
  return "Ages " + std::to_string(lo) + " to " + std::to_string(hi);
}

std::string single_quoted_attribute_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  for (const char c : json) {
    if (c == '\'' || c == '<' || c == '>' || c == '&') {  // only ever in its strings
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::string service_facets_json(const Service& s) {
  // Ids are slugs and levels are numbers, so nothing here needs escaping.
  auto list = [](const auto& items, auto&& text) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + text(items[i]);
    return out + "]";
  };
  auto quoted = [](const Ref& r) { return "\"" + r.id + "\""; };
  std::string out = "{";
  if (!s.all_localities) out += "\"l\":" + list(s.localities, quoted) + ",";
  if (s.min_age || s.max_age) {
    out += "\"a\":[" + (s.min_age ? std::to_string(*s.min_age) : "null") + "," +
           (s.max_age ? std::to_string(*s.max_age) : "null") + "],";
  }
  out += "\"n\":" + list(s.levels, [](int n) { return std::to_string(n); });
  out += ",\"c\":" + list(s.categories, quoted);
  // "r": a family can go without a professional: refer themselves or drop in.
  const bool self = std::any_of(s.access.begin(), s.access.end(), [](AccessRoute r) {
    return r == AccessRoute::self_referral || r == AccessRoute::drop_in;
  });
  if (self) out += ",\"r\":1";
  if (s.free) out += ",\"f\":1";
  return out + "}";
}

}  // namespace og
