#include "render/json_ld.hpp"

#include <nlohmann/json.hpp>

namespace og {

namespace {

// "</script>" inside a string would end the script element early: write the
// characters HTML treats specially as JSON escapes.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string service_json_ld(const RenderEnvironment& env, const Service& s) {
  using json = nlohmann::ordered_json;
  json j;
  j["@context"] = "https://schema.org";
  j["@type"] = "Service";
  j["name"] = s.name;
  j["description"] = s.summary;
  if (env.urls.has_origin()) j["url"] = env.urls.absolute(Urls::service(s.id));
  if (!s.organisation.empty()) j["provider"] = {{"@type", "Organization"}, {"name", s.organisation}};
  json areas = json::array();
  if (s.all_localities) {
    for (const auto& l : env.model.localities) areas.push_back({{"@type", "Place"}, {"name", l.name}});
  } else {
    for (const auto& ref : s.localities)
      if (const Locality* l = env.model.locality(ref.id)) areas.push_back({{"@type", "Place"}, {"name", l->name}});
  }
  if (!areas.empty()) j["areaServed"] = areas;
  if (s.min_age || s.max_age) {
    json audience = {{"@type", "PeopleAudience"}};
    if (s.min_age) audience["suggestedMinAge"] = *s.min_age;
    if (s.max_age) audience["suggestedMaxAge"] = *s.max_age;
    j["audience"] = audience;
  }
  if (!s.contact.empty()) {
    json channel = {{"@type", "ServiceChannel"}};
    if (!s.contact.phone.empty()) channel["servicePhone"] = {{"@type", "ContactPoint"}, {"telephone", s.contact.phone}};
    if (!s.contact.website.empty()) channel["serviceUrl"] = s.contact.website;
    if (!s.contact.address.empty()) channel["serviceLocation"] = {{"@type", "Place"}, {"address", s.contact.address}};
    j["availableChannel"] = channel;
  }
  if (!s.contact.email.empty()) j["email"] = s.contact.email;
  if (s.free) j["isAccessibleForFree"] = true;
  json categories = json::array();
  for (const auto& ref : s.categories)
    if (const Category* c = env.model.category(ref.id)) categories.push_back(c->name);
  if (!categories.empty()) j["category"] = categories;
  return script_safe(j.dump());
}

}  // namespace og
