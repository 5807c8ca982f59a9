// The search page and the browse pages by age and by level of need: with
// the category and area pages, the ways in that need no JavaScript.
#include <algorithm>

#include "render/page_data.hpp"

namespace og {

namespace {

mustache::data browse_links(const RenderEnvironment& env) {
  mustache::data list{mustache::data::type::list};
  list.push_back(link_item("Support by topic", env.link(Urls::categories())));
  list.push_back(link_item("Support by area", env.link(Urls::localities())));
  list.push_back(link_item("Support by age", env.link(Urls::ages())));
  list.push_back(link_item("Support by level of need", env.link(Urls::levels())));
  list.push_back(link_item("Every service from A to Z", env.link(Urls::services())));
  list.push_back(link_item("The glossary of words and abbreviations", env.link(Urls::glossary())));
  return list;
}

std::vector<const Service*> services_where(const RenderEnvironment& env, auto&& keep) {
  std::vector<const Service*> out;
  for (const auto& s : env.model.services)
    if (keep(s)) out.push_back(&s);
  return out;
}

std::vector<const Service*> services_for_band(const RenderEnvironment& env, const AgeBand& band) {
  return services_where(env, [&](const Service& s) { return serves_ages(s, band.min, band.max); });
}

std::vector<const Service*> services_for_level(const RenderEnvironment& env, int level) {
  return services_where(
      env, [&](const Service& s) { return std::find(s.levels.begin(), s.levels.end(), level) != s.levels.end(); });
}

std::string level_title(const Level& l) {
  return "Level " + std::to_string(l.number) + ": " + l.name;
}

}  // namespace

mustache::data filter_choices(const RenderEnvironment& env) {
  const auto choice = [](std::string id, std::string name) {
    mustache::data item;
    item.set("id", std::move(id));
    item.set("name", std::move(name));
    return item;
  };
  mustache::data d;
  d.set("areas", list_of(env.model.localities, [&](const Locality& l) { return choice(l.id, l.name); }));
  d.set("topics", list_of(env.model.site.categories, [&](const Category& c) { return choice(c.id, c.name); }));
  d.set("levels", list_of(env.model.site.levels,
                          [&](const Level& l) { return choice(std::to_string(l.number), level_title(l)); }));
  return d;
}

PageData search_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "search";
  p.title = "Search";
  p.description = "Search the services, step-by-step guides and glossary of the " + env.model.site.partnership + ".";
  p.breadcrumbs = {{"Home", Urls::home()}};
  p.sensitive = true;  // it searches pages about harm, and shows their titles
  put(p.data, "index_url", env.link(Urls::search_index()));
  p.data.set("filters", filter_choices(env));
  p.data.set("browse", browse_links(env));
  return p;
}

PageData ages_index_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "categories";
  p.title = "Support by age";
  p.description = "Services for each age, from pregnancy to young adults.";
  p.breadcrumbs = {{"Home", Urls::home()}, {"Find support", Urls::services()}};
  mustache::data cards{mustache::data::type::list};
  for (const auto& band : age_bands()) {
    mustache::data item = link_item(band.name, env.link(Urls::age_band(band.id)));
    item.set("description", band.description);
    put_service_count(item, services_for_band(env, band).size());
    cards.push_back(item);
  }
  p.data.set("categories", cards);
  return p;
}

PageData age_band_page(const RenderEnvironment& env, const AgeBand& band) {
  PageData p;
  p.template_name = "category";
  p.title = band.name;
  p.description = "Services for children and young people aged " + std::to_string(band.min) + " to " +
                  std::to_string(band.max) + ".";
  p.breadcrumbs = {{"Home", Urls::home()}, {"Find support", Urls::services()}, {"Support by age", Urls::ages()}};
  const auto services = services_for_band(env, band);
  p.data.set("name", band.name);
  p.data.set("description", band.description + ". Services for all ages are listed too.");
  p.data.set("services", service_list(env, services));
  put_service_count(p.data, services.size());
  return p;
}

PageData levels_index_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "categories";
  p.title = "Support by level of need";
  p.description = "Services at each level of the continuum of need.";
  p.breadcrumbs = {{"Home", Urls::home()}, {"Find support", Urls::services()}};
  mustache::data cards{mustache::data::type::list};
  for (const auto& l : env.model.site.levels) {
    mustache::data item = link_item(level_title(l), env.link(Urls::level(l.number)));
    put(item, "description", l.description);
    put_service_count(item, services_for_level(env, l.number).size());
    cards.push_back(item);
  }
  p.data.set("categories", cards);
  return p;
}

PageData level_page(const RenderEnvironment& env, const Level& l) {
  PageData p;
  p.template_name = "category";
  p.title = level_title(l);
  p.description = l.description.empty() ? "Services at level " + std::to_string(l.number) + " of the continuum of need."
                                        : l.description + ".";
  p.breadcrumbs = {
      {"Home", Urls::home()}, {"Find support", Urls::services()}, {"Support by level of need", Urls::levels()}};
  const auto services = services_for_level(env, l.number);
  p.data.set("name", level_title(l));
  put(p.data, "description", l.description);
  p.data.set("services", service_list(env, services));
  put_service_count(p.data, services.size());
  return p;
}

}  // namespace og
