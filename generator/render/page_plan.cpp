#include "render/page_plan.hpp"

#include "documents/downloads.hpp"
#include "model/age_band.hpp"
#include "render/urls.hpp"

namespace og {

bool links_to_documents(PageKind kind) {
  return kind == PageKind::pathway || kind == PageKind::locality || kind == PageKind::strategy ||
         kind == PageKind::plan_on_a_page;
}

std::vector<PlannedPage> plan_pages(const Model& model) {
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, std::size_t index, std::string route) {
    std::string file = Urls::file_for(route);
    pages.push_back({kind, index, std::move(route), std::move(file)});
  };
  add(PageKind::home, 0, Urls::home());
  add(PageKind::services, 0, Urls::services());
  for (std::size_t i = 0; i < model.services.size(); ++i)
    add(PageKind::service, i, Urls::service(model.services[i].id));
  add(PageKind::localities, 0, Urls::localities());
  for (std::size_t i = 0; i < model.localities.size(); ++i)
    add(PageKind::locality, i, Urls::locality(model.localities[i].id));
  add(PageKind::categories, 0, Urls::categories());
  for (std::size_t i = 0; i < model.site.categories.size(); ++i)
    add(PageKind::category, i, Urls::category(model.site.categories[i].id));
  add(PageKind::glossary, 0, Urls::glossary());
  // Browse by age and by level of need, so that search is never the only way in.
  add(PageKind::ages, 0, Urls::ages());
  for (std::size_t i = 0; i < age_bands().size(); ++i) add(PageKind::age_band, i, Urls::age_band(age_bands()[i].id));
  add(PageKind::levels, 0, Urls::levels());
  for (std::size_t i = 0; i < model.site.levels.size(); ++i)
    add(PageKind::level, i, Urls::level(model.site.levels[i].number));
  add(PageKind::search, 0, Urls::search());
  // Index pages only exist when there is something to list. An "index" file in
  // strategy/ or young-people/ is the introduction of its index page.
  if (!model.pathways.empty()) add(PageKind::pathways, 0, Urls::pathways());
  for (std::size_t i = 0; i < model.pathways.size(); ++i)
    add(PageKind::pathway, i, Urls::pathway(model.pathways[i].id));
  if (!model.strategy.empty()) add(PageKind::strategy, 0, Urls::strategy());
  if (model.plan_on_a_page) add(PageKind::plan_on_a_page, 0, plan_on_a_page_page_route());
  for (std::size_t i = 0; i < model.strategy.size(); ++i)
    if (model.strategy[i].id != "index") add(PageKind::strategy_part, i, Urls::strategy_part(model.strategy[i].id));
  if (!model.young_people.empty()) add(PageKind::young_people, 0, Urls::young_people());
  for (std::size_t i = 0; i < model.young_people.size(); ++i)
    if (model.young_people[i].id != "index")
      add(PageKind::young_people_page, i, Urls::young_people_page(model.young_people[i].id));
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    if (model.pages[i].id == "index") continue;  // its body is the home page's introduction
    add(PageKind::page, i, Urls::page(model.pages[i].id));
  }
  pages.push_back({PageKind::not_found, 0, "/404.html", "404.html"});
  return pages;
}

}  // namespace og
