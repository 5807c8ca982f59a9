#include "render/json_ld.hpp"

#include <algorithm>
#include <vector>

#include "core/json_writer.hpp"

namespace og {

namespace {

// Opens the member `key`, an object of schema.org type `type`.
void begin_typed(JsonWriter& j, JsonKey key, const char* type) {
  j.key(key);
  j.begin_object();
  j.member("@type", type);
}

}  // namespace

std::string service_json_ld(const RenderEnvironment& env, const Service& s) {
  std::string out;
  JsonWriter j(out, 0, JsonWriter::Layout::compact, JsonWriter::Escaping::html_safe);
  j.begin_object();
  j.member("@context", "https://schema.org");
  j.member("@type", "Service");
  j.member("name", s.name);
  j.member("description", s.summary);
  if (env.urls.has_origin()) j.member("url", env.urls.absolute(Urls::service(s.id)));
  if (!s.organisation.empty()) {
    begin_typed(j, "provider", "Organization");
    j.member("name", s.organisation);
    j.end_object();
  }
  std::vector<const std::string*> areas;
  if (s.all_localities) {
    for (const auto& l : env.model.localities) areas.push_back(&l.name);
  } else {
    for (const auto& ref : s.localities)
      if (const Locality* l = env.model.locality(ref.id)) areas.push_back(&l->name);
  }
  if (!areas.empty()) {
    j.key("areaServed");
    j.begin_array();
    for (const std::string* name : areas) {
      j.begin_object();
      j.member("@type", "Place");
      j.member("name", *name);
      j.end_object();
    }
    j.end_array();
  }
  if (s.min_age || s.max_age) {
    begin_typed(j, "audience", "PeopleAudience");
    if (s.min_age) j.member("suggestedMinAge", *s.min_age);
    if (s.max_age) j.member("suggestedMaxAge", *s.max_age);
    j.end_object();
  }
  if (!s.contact.empty()) {
    begin_typed(j, "availableChannel", "ServiceChannel");
    if (!s.contact.phone.empty()) {
      begin_typed(j, "servicePhone", "ContactPoint");
      j.member("telephone", s.contact.phone);
      j.end_object();
    }
    if (!s.contact.website.empty()) j.member("serviceUrl", s.contact.website);
    if (!s.contact.address.empty()) {
      begin_typed(j, "serviceLocation", "Place");
      j.member("address", s.contact.address);
      j.end_object();
    }
    j.end_object();
  }
  if (!s.contact.email.empty()) j.member("email", s.contact.email);
  if (s.free) {
    j.key("isAccessibleForFree");
    j.raw("true");
  }
  std::vector<const std::string*> categories;
  for (const auto& ref : s.categories)
    if (const Category* c = env.model.category(ref.id)) categories.push_back(&c->name);
  if (!categories.empty()) {
    j.key("category");
    j.begin_array();
    for (const std::string* name : categories) j.value(*name);
    j.end_array();
  }
  j.end_object();
  return out;
}

}  // namespace og
