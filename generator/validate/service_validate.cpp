#include <algorithm>

#include "core/text.hpp"
#include "validate/field_reader.hpp"
#include "validate/formats.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

void read_contact(FieldReader& parent, Contact& contact, const SourceFile& src, Diagnostics& diagnostics) {
  const YamlNode* node = parent.node("contact");
  if (!node) return;
  FieldReader c(node, src, diagnostics, "'contact'");
  const auto phone = [](std::string_view s, std::string&) { return is_uk_phone(s); };
  const auto email = [](std::string_view s, std::string&) { return is_email(s); };
  if (auto s = c.checked_text("phone", phone, "a UK phone number", "write it like 01484 221000 or +44 1484 221000"))
    contact.phone = *s;
  if (auto s = c.checked_text("email", email, "an email address", "write it like name@example.org")) contact.email = *s;
  if (auto s = c.checked_text("website", is_web_address, "a web address")) contact.website = *s;
  contact.address = c.text("address");
  c.finish();
}

void read_service_source(FieldReader& parent, ServiceSource& source, const SourceFile& src, Diagnostics& diagnostics) {
  const YamlNode* node = parent.node("source");
  if (!node) return;
  FieldReader r(node, src, diagnostics, "'source'");
  source.open_referral_id = r.text("open_referral_id", Need::required);
  source.feed = r.text("feed");
  source.digest = r.text("digest");
  r.finish();
}

}  // namespace

bool check_file_id(const SourceFile& source, Diagnostics& diagnostics) {
  if (is_slug(source.id)) return true;
  std::string suggestion = slugify(source.id);
  diagnostics.error(source.at(0, 0), "the file name '" + source.id + "' cannot be used in a web address",
                    suggestion.empty() ? "use lower-case letters, digits and hyphens"
                                       : "rename the file to '" + suggestion + "' with the same extension");
  return false;
}

Service read_service(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Service s;
  s.id = src.id;
  s.where = src.at(0, 0);
  if (!doc.front_matter) return s;  // reported by the loader, which leaves such files out
  check_file_id(src, diagnostics);
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the service");
  s.name = r.text("name", Need::required);
  s.organisation = r.text("organisation");
  s.summary = r.text("summary", Need::required);
  s.description = markdown_body(doc, r);
  s.categories = r.ref_list("categories", Need::required);

  if (const YamlNode* levels = r.node("levels", Need::required)) {
    std::vector<const YamlNode*> items;
    if (levels->is_sequence())
      for (const auto& i : levels->items) items.push_back(&i);
    else
      items.push_back(levels);
    for (const YamlNode* item : items) {
      if (!item->is_scalar() || item->value.size() != 1 || item->value[0] < '1' || item->value[0] > '9') {
        diagnostics.error(r.at(*item), "a level of need must be a number such as 1, 2, 3 or 4",
                          "list the levels from site.yaml that the service serves");
        continue;
      }
      s.levels.push_back(item->value[0] - '0');
      s.level_where.push_back(r.at(*item));
    }
  }

  s.min_age = r.integer("min_age", 0, 25);
  s.max_age = r.integer("max_age", 0, 25);
  if (s.min_age && s.max_age && *s.min_age > *s.max_age) {
    diagnostics.error(r.at(*r.node("max_age")), "'max_age' (" + std::to_string(*s.max_age) + ") is below 'min_age' (" +
                                                    std::to_string(*s.min_age) + ")");
  }

  if (const YamlNode* loc = r.node("localities", Need::required)) {
    if (loc->is_scalar() && loc->value == "all") {
      s.all_localities = true;
    } else {
      s.localities = r.ref_list("localities");
    }
  }

  for (const auto& route : r.ref_list("access", Need::required)) {
    static const std::vector<std::string_view> allowed = {"self-referral", "professional-referral", "drop-in"};
    const auto known = std::find(allowed.begin(), allowed.end(), route.id);  // in AccessRoute's order
    if (known != allowed.end()) {
      s.access.push_back(static_cast<AccessRoute>(known - allowed.begin()));
      continue;
    }
    std::string hint = did_you_mean(route.id, allowed);
    diagnostics.error(route.where, "'" + route.id + "' is not a way to get a service",
                      hint.empty() ? "use self-referral, professional-referral or drop-in" : hint);
  }
  s.how_to_access = r.markdown("how_to_access");
  read_contact(r, s.contact, src, diagnostics);
  s.opening_times = r.text("opening_times");
  s.cost = r.text("cost");
  s.free = to_lower_ascii(s.cost) == "free";
  s.languages = r.text_list("languages");
  s.accessibility = r.text("accessibility");
  s.eligibility = r.text("eligibility");
  if (auto d = r.date("last_reviewed")) s.last_reviewed = *d;
  if (auto b = r.boolean("sensitive")) s.sensitive = *b;
  s.keywords = r.text_list("keywords");
  s.extra = read_extra(r);
  read_service_source(r, s.source, src, diagnostics);
  r.finish();
  return s;
}

}  // namespace og
