#include "export/oruk_terms.hpp"

#include <array>
#include <utility>

#include "core/hash.hpp"
#include "core/text.hpp"

namespace og {

std::string stable_uuid(std::string_view kind, std::string_view id) {
  // The FNV-1a hashes of "kind:id" and of "kind:id#".
  std::uint64_t hi = fnv1a64(id, fnv1a64(":", fnv1a64(kind)));
  std::uint64_t lo = fnv1a64("#", hi);
  hi = (hi & ~0xF000ull) | 0x8000ull;                  // version 8
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);  // RFC 9562 variant
  // 8-4-4-4-12 hex digits: hi's 16, then lo's 16.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(36, '-');
  std::size_t at = 0;
  auto digits = [&](std::uint64_t v, int count) {
    for (int k = count - 1; k >= 0; --k) out[at++] = kHex[(v >> (4 * k)) & 0xF];
  };
  digits(hi >> 32, 8);
  ++at;
  digits(hi >> 16, 4);
  ++at;
  digits(hi, 4);
  ++at;
  digits(lo >> 48, 4);
  ++at;
  digits(lo, 12);
  return out;
}

const std::vector<OrukTaxonomy>& oruk_taxonomies() {
  static const std::vector<OrukTaxonomy> taxonomies = {
      {"categories", "Kinds of support", "The kinds of support the partnership groups its services into."},
      {"levels-of-need", "Levels of need",
       "The partnership's continuum of need: how much help a family needs, from support open to every family "
       "(level 1) to specialist services (level 4)."},
      {"access-routes", "Ways to get the service",
       "Whether families can refer themselves, need someone who works with them to refer them, or can drop in."},
  };
  return taxonomies;
}

namespace {

const OrukTaxonomy& taxonomy(std::string_view key) {
  for (const auto& t : oruk_taxonomies())
    if (t.key == key) return t;
  return oruk_taxonomies().front();
}

OrukTerm category_term(const Category& c) {
  return {&taxonomy("categories"), c.id, c.name, c.description.empty() ? c.name : c.description};
}

OrukTerm level_term(const Level& l) {
  const std::string n = std::to_string(l.number);
  return {&taxonomy("levels-of-need"), "level-" + n, "Level " + n + ": " + l.name,
          l.description.empty() ? l.name : l.description};
}

OrukTerm access_term(AccessRoute r) {
  static constexpr std::array<std::pair<AccessRoute, const char*>, 3> kDescriptions = {{
      {AccessRoute::self_referral, "Families and young people can ask for the service themselves."},
      {AccessRoute::professional_referral,
       "Someone who works with the family, such as a teacher or GP, "
       "asks for the service for them."},
      {AccessRoute::drop_in, "Families can come along without an appointment."},
  }};
  std::string description;
  for (const auto& [route, text] : kDescriptions)
    if (route == r) description = text;
  return {&taxonomy("access-routes"), access_route_id(r), access_route_name(r), description};
}

constexpr std::array<AccessRoute, 3> kRoutes = {AccessRoute::self_referral, AccessRoute::professional_referral,
                                                AccessRoute::drop_in};

}  // namespace

std::vector<OrukTerm> oruk_terms(const Model& model) {
  std::vector<OrukTerm> terms;
  for (const auto& c : model.site.categories) terms.push_back(category_term(c));
  for (const auto& l : model.site.levels) terms.push_back(level_term(l));
  for (AccessRoute r : kRoutes) terms.push_back(access_term(r));
  return terms;
}

std::vector<OrukTerm> oruk_service_terms(const Model& model, const Service& s) {
  std::vector<OrukTerm> terms;
  for (const auto& ref : s.categories)
    if (const Category* c = model.category(ref.id)) terms.push_back(category_term(*c));
  for (int n : s.levels)
    if (const Level* l = model.level(n)) terms.push_back(level_term(*l));
  for (AccessRoute r : s.access) terms.push_back(access_term(r));
  return terms;
}

std::string_view language_code(std::string_view name) {
  // The languages most spoken in England after English (Census 2021), and
  // the names services use for them. ISO 639-1 where it has one, else 639-3.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kCodes = {{
      {"arabic", "ar"},    {"bengali", "bn"},    {"bangla", "bn"},     {"british sign language", "bfi"},
      {"bsl", "bfi"},      {"cantonese", "yue"}, {"chinese", "zh"},    {"czech", "cs"},
      {"dari", "prs"},     {"english", "en"},    {"farsi", "fa"},      {"persian", "fa"},
      {"french", "fr"},    {"german", "de"},     {"greek", "el"},      {"gujarati", "gu"},
      {"hindi", "hi"},     {"hungarian", "hu"},  {"italian", "it"},    {"kurdish", "ku"},
      {"latvian", "lv"},   {"lithuanian", "lt"}, {"mandarin", "cmn"},  {"pashto", "ps"},
      {"polish", "pl"},    {"portuguese", "pt"}, {"punjabi", "pa"},    {"romanian", "ro"},
      {"russian", "ru"},   {"slovak", "sk"},     {"somali", "so"},     {"spanish", "es"},
      {"sylheti", "syl"},  {"tamil", "ta"},      {"tigrinya", "ti"},   {"turkish", "tr"},
      {"ukrainian", "uk"}, {"urdu", "ur"},       {"vietnamese", "vi"}, {"welsh", "cy"},
  }};
  const std::string key = to_lower_ascii(trim(name));
  for (const auto& [language, code] : kCodes)
    if (language == key) return code;
  return {};
}

}  // namespace og
