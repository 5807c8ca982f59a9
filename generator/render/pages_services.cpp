#include "render/json_ld.hpp"
#include "render/page_data.hpp"

namespace og {

namespace {

mustache::data contact_data(const Contact& c) {
  mustache::data d;
  put(d, "phone", c.phone);
  std::string tel;
  for (char ch : c.phone)
    if ((ch >= '0' && ch <= '9') || ch == '+') tel += ch;
  put(d, "phone_link", tel.empty() ? "" : "tel:" + tel);
  put(d, "email", c.email);
  put(d, "website", c.website);
  put(d, "address", c.address);
  d.set("any", !c.empty());
  return d;
}

mustache::data facts(const RenderEnvironment& env, const Service& s) {
  mustache::data list{mustache::data::type::list};
  auto add = [&](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    mustache::data row;
    row.set("label", label);
    row.set("value", value);
    list.push_back(row);
  };
  add("Who it is for", age_range_text(s));
  add("Areas", localities_text(env, s));
  if (!s.eligibility.empty()) add("Who can use it", s.eligibility);
  add("Cost", s.cost);
  add("Opening times", s.opening_times);
  std::string languages;
  for (std::size_t i = 0; i < s.languages.size(); ++i) languages += (i ? ", " : "") + s.languages[i];
  add("Languages", languages);
  add("Accessibility", s.accessibility);
  add("Run by", s.organisation);
  return list;
}

}  // namespace

PageData services_index_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "services";
  p.title = "Find support";
  p.description = "Every service in the " + env.model.site.partnership + " offer, from A to Z.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  std::vector<const Service*> all;
  for (const auto& s : env.model.services) all.push_back(&s);
  p.data.set("services", service_list(env, all));
  put_service_count(p.data, all.size());
  mustache::data cats{mustache::data::type::list};
  for (const auto& c : env.model.site.categories) cats.push_back(link_item(c.name, env.link(Urls::category(c.id))));
  p.data.set("categories", cats);
  mustache::data areas{mustache::data::type::list};
  for (const auto& l : env.model.localities) areas.push_back(link_item(l.name, env.link(Urls::locality(l.id))));
  p.data.set("localities", areas);
  mustache::data bands{mustache::data::type::list};
  for (const auto& b : age_bands()) bands.push_back(link_item(b.name, env.link(Urls::age_band(b.id))));
  p.data.set("age_bands", bands);
  mustache::data levels{mustache::data::type::list};
  for (const auto& l : env.model.site.levels)
    levels.push_back(link_item("Level " + std::to_string(l.number) + ": " + l.name, env.link(Urls::level(l.number))));
  p.data.set("levels", levels);
  // Filters narrow the list in place when JavaScript runs; without it the
  // browse pages above do the same job.
  p.data.set("filters", filter_choices(env));
  return p;
}

PageData service_page(const RenderEnvironment& env, const Service& s, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "service";
  p.title = s.name;
  p.description = s.summary;
  p.sensitive = s.sensitive;
  p.breadcrumbs = {{"Home", Urls::home()}, {"Find support", Urls::services()}};
  mustache::data& d = p.data;
  d.set("name", s.name);
  put(d, "summary", s.summary);
  put(d, "organisation", s.organisation);
  // Parsed once, in the freeze step, which reported its problems; parsed
  // here only without one (tests).
  const std::size_t at = static_cast<std::size_t>(&s - env.model.services.data());
  ServiceText parsed;
  if (at >= env.texts.size()) {
    parsed = service_text(s, env.markdown_options(3));
    diagnostics.append(parsed.diagnostics);
  }
  const ServiceText& text = at < env.texts.size() ? *env.texts[at] : parsed;
  put(d, "description", text.description.html);
  d.set("facts", facts(env, s));
  d.set("json_ld", service_json_ld(env, s));
  put(d, "how_to_access", text.how_to_access.html);
  mustache::data routes{mustache::data::type::list};
  for (AccessRoute r : s.access) {
    mustache::data item;
    item.set("text", access_route_name(r));
    item.set("id", access_route_id(r));
    routes.push_back(item);
  }
  d.set("access", routes);
  d.set("contact", contact_data(s.contact));
  put_extra(d, s.extra);
  mustache::data levels{mustache::data::type::list};
  for (int n : s.levels) {
    if (const Level* l = env.model.level(n)) {
      mustache::data item;
      item.set("number", std::to_string(n));
      item.set("name", l->name);
      put(item, "description", l->description);
      levels.push_back(item);
    }
  }
  d.set("has_levels", !s.levels.empty());
  d.set("levels", levels);
  mustache::data cats{mustache::data::type::list};
  for (const auto& c : s.categories) {
    if (const Category* cat = env.model.category(c.id))
      cats.push_back(link_item(cat->name, env.link(Urls::category(cat->id))));
  }
  mustache::data pathways{mustache::data::type::list};
  if (auto it = env.pathways_by_service.find(s.id); it != env.pathways_by_service.end()) {
    for (const Pathway* p : it->second) pathways.push_back(link_item(p->title, env.link(Urls::pathway(p->id))));
    d.set("has_pathways", true);
  } else {
    d.set("has_pathways", false);
  }
  d.set("pathways", pathways);
  d.set("has_categories", !s.categories.empty());
  d.set("categories", cats);
  if (!s.last_reviewed.empty()) {
    d.set("last_reviewed", s.last_reviewed.long_form());
    d.set("last_reviewed_iso", s.last_reviewed.iso());
  }
  return p;
}

PageData categories_index_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "categories";
  p.title = "Support by topic";
  p.description = "Services grouped by what they help with.";
  p.breadcrumbs = {{"Home", Urls::home()}, {"Find support", Urls::services()}};
  mustache::data cats{mustache::data::type::list};
  for (const auto& c : env.model.site.categories) {
    mustache::data item = link_item(c.name, env.link(Urls::category(c.id)));
    put(item, "description", c.description);
    put_service_count(item, env.services_in_category(c.id).size());
    cats.push_back(item);
  }
  p.data.set("categories", cats);
  return p;
}

PageData category_page(const RenderEnvironment& env, const Category& c) {
  PageData p;
  p.template_name = "category";
  p.title = c.name;
  p.description = c.description.empty() ? "Services for " + c.name + "." : c.description;
  p.breadcrumbs = {
      {"Home", Urls::home()}, {"Find support", Urls::services()}, {"Support by topic", Urls::categories()}};
  p.sensitive = c.sensitive;
  p.data.set("name", c.name);
  put(p.data, "description", c.description);
  const auto& services = env.services_in_category(c.id);
  p.data.set("services", service_list(env, services));
  put_service_count(p.data, services.size());
  return p;
}

}  // namespace og
