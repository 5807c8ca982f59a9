#include "render/page_plan.hpp"

#include "render/urls.hpp"

namespace og {

std::vector<PlannedPage> plan_pages(const Model& model) {
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, std::size_t index, std::string route) {
    std::string file = Urls::file_for(route);
    pages.push_back({kind, index, std::move(route), std::move(file)});
  };
  add(PageKind::home, 0, Urls::home());
  add(PageKind::services, 0, Urls::services());
  for (std::size_t i = 0; i < model.services.size(); ++i) add(PageKind::service, i, Urls::service(model.services[i].id));
  add(PageKind::localities, 0, Urls::localities());
  for (std::size_t i = 0; i < model.localities.size(); ++i)
    add(PageKind::locality, i, Urls::locality(model.localities[i].id));
  add(PageKind::categories, 0, Urls::categories());
  for (std::size_t i = 0; i < model.site.categories.size(); ++i)
    add(PageKind::category, i, Urls::category(model.site.categories[i].id));
  add(PageKind::glossary, 0, Urls::glossary());
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    if (model.pages[i].id == "index") continue;  // its body is the home page's introduction
    add(PageKind::page, i, Urls::page(model.pages[i].id));
  }
  pages.push_back({PageKind::not_found, 0, "/404.html", "404.html"});
  return pages;
}

}  // namespace og
