#include <set>

#include "core/colour.hpp"
#include "core/text.hpp"
#include "validate/field_reader.hpp"
#include "validate/formats.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

void read_colour(FieldReader& r, std::string_view key, std::string& out, Diagnostics& diagnostics) {
  const YamlNode* node = r.node(key);
  if (!node) return;
  auto text = r.scalar_text(*node, key);
  if (!text) return;
  if (!parse_hex_colour(*text)) {
    diagnostics.error(r.at(*node), "'" + *text + "' is not a colour", "write colours as #rrggbb, for example #1d4f91");
    return;
  }
  out = *text;
}

// Problems are reported at the colour the author chose (the first of the pair
// that site.yaml sets), or at 'colours' when both are defaults.
void check_contrast(const Site& site, FieldReader& c, const Location& fallback, Diagnostics& diagnostics) {
  const auto brand = parse_hex_colour(site.colours.brand);
  const auto text = parse_hex_colour(site.colours.text);
  const auto background = parse_hex_colour(site.colours.background);
  if (!brand || !text || !background) return;
  auto place = [&](std::string_view first, std::string_view second) {
    for (auto key : {first, second})
      if (const YamlNode* n = c.ok() ? c.node(key) : nullptr) return c.at(*n);
    return fallback;
  };
  auto need = [&](const Rgb& a, const Rgb& b, const std::string& what, const Location& where) {
    const double ratio = contrast_ratio(a, b);
    if (ratio < 4.5) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f:1", ratio);
      diagnostics.error(where, what + " has a contrast ratio of " + buf + ", below the 4.5:1 that WCAG 2.2 AA asks for",
                        "choose a darker or lighter colour");
    }
  };
  // The brand colour is used for links on the background and behind white header text.
  need(*brand, *background, "the brand colour on the background", place("brand", "background"));
  need(*brand, Rgb{1, 1, 1}, "white text on the brand colour", place("brand", "brand"));
  need(*text, *background, "the text colour on the background", place("text", "background"));
}

std::vector<Category> read_categories(FieldReader& r, const SourceFile& src, Diagnostics& diagnostics) {
  std::vector<Category> categories;
  const auto* items = r.list("categories", Need::required);
  if (!items) return categories;
  std::set<std::string> seen;
  for (const auto& item : *items) {
    FieldReader c(&item, src, diagnostics, "a category");
    Category cat;
    cat.where = c.here();
    cat.name = c.text("name", Need::required);
    cat.id = c.text("id");
    if (cat.id.empty())
      cat.id = slugify(cat.name);
    else
      check_id(diagnostics, c.at(*c.node("id")), cat.id, "id");
    cat.description = c.text("description");
    if (auto b = c.boolean("sensitive")) cat.sensitive = *b;
    c.finish();
    if (cat.name.empty()) continue;
    if (!seen.insert(cat.id).second) {
      diagnostics.error(cat.where, "the category id '" + cat.id + "' is used twice");
      continue;
    }
    categories.push_back(std::move(cat));
  }
  return categories;
}

std::vector<Level> read_levels(FieldReader& r, const SourceFile& src, Diagnostics& diagnostics) {
  std::vector<Level> levels;
  const auto* items = r.list("levels", Need::required);
  if (!items) return levels;
  for (const auto& item : *items) {
    FieldReader l(&item, src, diagnostics, "a level of need");
    Level level;
    const Location where = l.here();
    level.number = static_cast<int>(l.integer("level", 1, 9, Need::required).value_or(0));
    level.name = l.text("name", Need::required);
    level.description = l.text("description");
    l.finish();
    if (level.number == 0) continue;
    const int expected = static_cast<int>(levels.size()) + 1;
    if (level.number != expected) {
      diagnostics.error(where, "levels must be numbered 1, 2, 3 ... in order; expected " + std::to_string(expected) +
                                   ", found " + std::to_string(level.number));
      continue;
    }
    levels.push_back(std::move(level));
  }
  return levels;
}

bool is_site_address(std::string_view s, std::string& why) {
  return (!s.empty() && s.front() == '/') || is_web_address(s, why);
}

}  // namespace

Site read_site(const YamlDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Site site;
  site.where = src.at(0, 0);
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "site.yaml");
  site.title = r.text("title", Need::required);
  site.partnership = r.text("partnership", Need::required);
  site.description = r.text("description");
  const auto language = [](std::string_view s, std::string&) { return is_language_tag(s); };
  if (auto s = r.checked_text("language", language, "a language tag", "write it like en-GB")) site.language = *s;
  if (auto s = r.checked_text("base_url", is_site_address, "a web address")) site.base_url = *s;
  if (auto s = r.checked_text("exit_url", is_web_address, "a web address")) site.exit_url = *s;
  if (auto months = r.integer("review_months", 1, 60)) site.review_months = static_cast<int>(*months);
  if (auto raw = r.boolean("allow_raw_html")) site.allow_raw_html = *raw;
  if (auto d = r.date("updated")) site.updated = *d;

  if (const YamlNode* colours = r.node("colours")) {
    FieldReader c(colours, src, diagnostics, "'colours'");
    read_colour(c, "brand", site.colours.brand, diagnostics);
    read_colour(c, "accent", site.colours.accent, diagnostics);
    read_colour(c, "text", site.colours.text, diagnostics);
    read_colour(c, "background", site.colours.background, diagnostics);
    c.finish();
    check_contrast(site, c, r.at(*colours), diagnostics);
  }

  if (const YamlNode* contact = r.node("contact")) {
    FieldReader c(contact, src, diagnostics, "'contact'");
    site.contact.phone = c.text("phone");
    site.contact.email = c.text("email");
    site.contact.website = c.text("website");
    site.contact.address = c.text("address");
    c.finish();
  }
  site.categories = read_categories(r, src, diagnostics);
  site.levels = read_levels(r, src, diagnostics);
  r.finish();
  return site;
}

}  // namespace og
