#include "render/page_plan.hpp"

#include <algorithm>
#include <unordered_map>

#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "model/age_band.hpp"

namespace og {

bool links_to_documents(PageKind kind) {
  return kind == PageKind::pathway || kind == PageKind::locality || kind == PageKind::strategy ||
         kind == PageKind::plan_on_a_page;
}

namespace {

using Keys = std::vector<ContentKey>;

Keys with_services(Keys d, const std::vector<Ref>& services) {
  for (const auto& r : services) d.push_back(keys::of("service", r.id));
  return d;
}

Keys with(Keys keys, const Keys& more) {
  keys.insert(keys.end(), more.begin(), more.end());
  return keys;
}

// Each service's and area's key, which services each area and topic lists,
// and the pathways each service is a step of.
struct Lists {
  Keys services, localities;  // in the model's order
  std::unordered_map<std::string, Keys> by_locality, by_category, pathways_of;
  explicit Lists(const Model& m) {
    for (const auto& s : m.services) services.push_back(keys::of("service", s.id));
    for (const auto& l : m.localities) localities.push_back(keys::of("locality", l.id));
    for (std::size_t i = 0; i < m.services.size(); ++i) {
      const Service& s = m.services[i];
      if (s.all_localities)
        for (const auto& l : m.localities) by_locality[l.id].push_back(services[i]);
      for (const auto& l : s.localities) by_locality[l.id].push_back(services[i]);
      for (const auto& c : s.categories) by_category[c.id].push_back(services[i]);
    }
    for (const auto& p : m.pathways)
      for (const auto& step : p.steps)
        for (const auto& ref : step.services) {
          Keys& list = pathways_of[ref.id];
          if (std::find(list.begin(), list.end(), keys::of("pathway", p.id)) == list.end())
            list.push_back(keys::of("pathway", p.id));
        }
  }
  static const Keys& in(const std::unordered_map<std::string, Keys>& map, const std::string& id) {
    static const Keys none;
    auto it = map.find(id);
    return it == map.end() ? none : it->second;
  }
};

// A service's page: the service, its areas' names and the pathways it is a step of.
Keys service_inputs(const Model& m, const Lists& lists, std::size_t i) {
  const Service& s = m.services[i];
  Keys d{lists.services[i]};
  if (s.all_localities) d.insert(d.end(), lists.localities.begin(), lists.localities.end());
  for (const auto& l : s.localities) d.push_back(keys::of("locality", l.id));
  return with(std::move(d), Lists::in(lists.pathways_of, s.id));
}

// The services of an age band or a level, with their cards' areas.
template <typename Pred>
Keys services_where(const Model& m, const Lists& lists, Pred pred) {
  Keys d{keys::every("locality")};
  for (std::size_t i = 0; i < m.services.size(); ++i)
    if (pred(m.services[i])) d.push_back(lists.services[i]);
  return d;
}

Keys pathway_inputs(const Pathway& p) {
  // Its steps' services, the glossary terms it uses, and its guide's size.
  Keys d{keys::of("pathway", p.id), keys::of("glossary", ""), keys::download(pathway_guide_route(p.id))};
  for (const auto& step : p.steps) d = with_services(std::move(d), step.services);
  return d;
}

}  // namespace

std::vector<PlannedPage> plan_pages(const Model& model) {
  const Lists lists(model);
  const ContentKey every_service = keys::every("service"), every_locality = keys::every("locality");
  const ContentKey figures = keys::of("figures", ""), plan = keys::of("plan-on-a-page", "");
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, std::size_t index, std::string route, Keys inputs) {
    std::string file = Urls::file_for(route);
    pages.push_back({kind, index, std::move(route), std::move(file), std::move(inputs)});
  };
  // The introduction, the areas' names, and the number of services.
  add(PageKind::home, 0, Urls::home(), {keys::of("page", "index"), every_locality, every_service});
  add(PageKind::services, 0, Urls::services(), {every_service, every_locality});  // every card
  for (std::size_t i = 0; i < model.services.size(); ++i)
    add(PageKind::service, i, Urls::service(model.services[i].id), service_inputs(model, lists, i));
  // Every area with its number of services, and the figures of all.
  add(PageKind::localities, 0, Urls::localities(), {every_locality, every_service, figures});
  for (std::size_t i = 0; i < model.localities.size(); ++i) {
    const std::string& id = model.localities[i].id;
    add(PageKind::locality, i, Urls::locality(id),
        with({every_locality, figures, keys::download(locality_directory_route(id))},
             Lists::in(lists.by_locality, id)));
  }
  add(PageKind::categories, 0, Urls::categories(), {every_service});  // the number of services in each
  for (std::size_t i = 0; i < model.site.categories.size(); ++i) {
    const std::string& id = model.site.categories[i].id;
    add(PageKind::category, i, Urls::category(id), with({every_locality}, Lists::in(lists.by_category, id)));
  }
  add(PageKind::glossary, 0, Urls::glossary(), {keys::of("glossary", "")});
  // Browse by age and by level of need, so that search is never the only way in.
  add(PageKind::ages, 0, Urls::ages(), {every_service});
  for (std::size_t i = 0; i < age_bands().size(); ++i) {
    const AgeBand& band = age_bands()[i];
    add(PageKind::age_band, i, Urls::age_band(band.id),
        services_where(model, lists, [&](const Service& s) { return serves_ages(s, band.min, band.max); }));
  }
  add(PageKind::levels, 0, Urls::levels(), {every_service});
  for (std::size_t i = 0; i < model.site.levels.size(); ++i) {
    const int level = model.site.levels[i].number;
    add(PageKind::level, i, Urls::level(level), services_where(model, lists, [&](const Service& s) {
          return std::find(s.levels.begin(), s.levels.end(), level) != s.levels.end();
        }));
  }
  add(PageKind::search, 0, Urls::search(), {every_locality});  // the area filter
  // Index pages only exist when there is something to list. An "index" file in
  // strategy/ or young-people/ is the introduction of its index page.
  if (!model.pathways.empty()) add(PageKind::pathways, 0, Urls::pathways(), {keys::every("pathway")});
  for (std::size_t i = 0; i < model.pathways.size(); ++i)
    add(PageKind::pathway, i, Urls::pathway(model.pathways[i].id), pathway_inputs(model.pathways[i]));
  // With the plan on a page's title and the size of its PDF.
  const ContentKey plan_pdf = keys::download(plan_on_a_page_route());
  if (!model.strategy.empty()) add(PageKind::strategy, 0, Urls::strategy(), {keys::every("strategy"), plan, plan_pdf});
  if (model.plan_on_a_page)
    add(PageKind::plan_on_a_page, 0, plan_on_a_page_page_route(), {plan, keys::every("strategy"), plan_pdf});
  for (std::size_t i = 0; i < model.strategy.size(); ++i) {
    const StrategyPart& part = model.strategy[i];
    if (part.id == "index") continue;
    add(PageKind::strategy_part, i, Urls::strategy_part(part.id),
        with_services({keys::of("strategy", part.id), every_locality}, part.services));
  }
  if (!model.young_people.empty()) add(PageKind::young_people, 0, Urls::young_people(), {keys::every("young-people")});
  for (std::size_t i = 0; i < model.young_people.size(); ++i) {
    const YoungPeoplePage& yp = model.young_people[i];
    if (yp.id == "index") continue;
    add(PageKind::young_people_page, i, Urls::young_people_page(yp.id),
        with_services({keys::of("young-people", yp.id), every_locality}, yp.services));
  }
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    if (model.pages[i].id == "index") continue;  // its body is the home page's introduction
    add(PageKind::page, i, Urls::page(model.pages[i].id), {keys::of("page", model.pages[i].id)});
  }
  pages.push_back({PageKind::not_found, 0, "/404.html", "404.html", {}});
  return pages;
}

}  // namespace og
