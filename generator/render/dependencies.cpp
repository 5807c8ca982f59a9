#include "render/dependencies.hpp"

namespace og {

bool keys::is_global(std::string_view key) { return key == site || key == nav || key == layout || key == assets; }

namespace {

void add_services(std::vector<std::string>& out, const std::vector<const Service*>& services) {
  for (const Service* s : services) out.push_back(keys::of("service", s->id));
}

void add_service_refs(std::vector<std::string>& out, const std::vector<Ref>& refs) {
  for (const auto& r : refs) out.push_back(keys::of("service", r.id));
}

template <typename Index>
const std::vector<const Service*>& services_in(const Index& index, const std::string& id) {
  static const std::vector<const Service*> none;
  auto it = index.find(id);
  return it == index.end() ? none : it->second;
}

}  // namespace

std::vector<std::vector<std::string>> page_dependencies(const RenderEnvironment& env,
                                                        const std::vector<PlannedPage>& pages) {
  const Model& m = env.model;
  std::vector<std::vector<std::string>> out(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PlannedPage& page = pages[i];
    std::vector<std::string>& d = out[i];
    switch (page.kind) {
      case PageKind::home:
        // The introduction, the areas' names, and the number of services.
        d = {keys::of("page", "index"), keys::every("locality"), keys::every("service")};
        break;
      case PageKind::services:
        // Every service's card, with its areas' names.
        d = {keys::every("service"), keys::every("locality")};
        break;
      case PageKind::service: {
        const Service& s = m.services[page.index];
        d.push_back(keys::of("service", s.id));
        for (const auto& l : s.localities) d.push_back(keys::of("locality", l.id));
        if (auto it = env.pathways_by_service.find(s.id); it != env.pathways_by_service.end())
          for (const Pathway* p : it->second) d.push_back(keys::of("pathway", p->id));
        break;
      }
      case PageKind::localities:
        // Every area with its number of services, and the figures of all.
        d = {keys::every("locality"), keys::every("service"), "figures"};
        break;
      case PageKind::locality: {
        // The area, its services' cards, and the figures of every area side by side.
        const Locality& l = m.localities[page.index];
        d = {keys::of("locality", l.id), keys::every("locality"), "figures"};
        add_services(d, services_in(env.services_by_locality, l.id));
        break;
      }
      case PageKind::categories:
        d = {keys::every("service")};  // the number of services in each
        break;
      case PageKind::category:
        d = {keys::every("locality")};  // the cards' areas
        add_services(d, services_in(env.services_by_category, m.site.categories[page.index].id));
        break;
      case PageKind::glossary: d = {"glossary"}; break;
      case PageKind::page: d = {keys::of("page", m.pages[page.index].id)}; break;
      case PageKind::not_found: break;
      case PageKind::pathways: d = {keys::every("pathway")}; break;
      case PageKind::pathway: {
        const Pathway& p = m.pathways[page.index];
        d.push_back(keys::of("pathway", p.id));
        for (const auto& step : p.steps) add_service_refs(d, step.services);
        break;
      }
      case PageKind::strategy: d = {keys::every("strategy")}; break;
      case PageKind::strategy_part: {
        const StrategyPart& part = m.strategy[page.index];
        d = {keys::of("strategy", part.id), keys::every("locality")};
        add_service_refs(d, part.services);
        break;
      }
      case PageKind::young_people: d = {keys::every("young-people")}; break;
      case PageKind::young_people_page: {
        const YoungPeoplePage& yp = m.young_people[page.index];
        d = {keys::of("young-people", yp.id), keys::every("locality")};
        add_service_refs(d, yp.services);
        break;
      }
    }
  }
  return out;
}

bool reads_any(const std::vector<std::string>& reads, const std::set<std::string, std::less<>>& changed) {
  for (const std::string& key : reads) {
    if (changed.count(key)) return true;
    // An output that reads "service:*" reads every "service:x".
    if (key.size() > 2 && key.compare(key.size() - 2, 2, ":*") == 0) {
      const std::string_view kind = std::string_view(key).substr(0, key.size() - 1);  // "service:"
      auto it = changed.lower_bound(kind);
      if (it != changed.end() && it->compare(0, kind.size(), kind) == 0) return true;
    }
  }
  return false;
}

}  // namespace og
