#include "render/dependencies.hpp"

#include <algorithm>

#include "core/parallel.hpp"
#include "documents/downloads.hpp"
#include "documents/locality_directory.hpp"
#include "model/age_band.hpp"

namespace og {

namespace {

// FNV-1a, 64 bits, over "<kind>:<id>".
constexpr std::uint64_t kOffset = 14695981039346656037ull;
constexpr std::uint64_t kPrime = 1099511628211ull;

std::uint64_t mix(std::uint64_t h, std::string_view s) {
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * kPrime;
  return h;
}

}  // namespace

ContentKey keys::of(std::string_view kind, std::string_view id) {
  return mix(mix(mix(kOffset, kind), ":"), id);
}
ContentKey keys::every(std::string_view kind) {
  return of(kind, "*");
}
ContentKey keys::site() {
  return of("site", "");
}
ContentKey keys::nav() {
  return of("nav", "");
}
ContentKey keys::layout() {
  return of("template", "layout");
}
ContentKey keys::assets() {
  return of("assets", "");
}
ContentKey keys::download(std::string_view route) {
  return of("download", route);
}

bool keys::is_global(ContentKey key) {
  return key == site() || key == nav() || key == layout() || key == assets();
}

void ChangedKeys::add(std::string_view kind, std::string_view id) {
  add(keys::of(kind, id));
  add(keys::every(kind));
}

void ChangedKeys::add(ContentKey key) {
  if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) keys_.push_back(key);
}

bool ChangedKeys::everything() const {
  return std::any_of(keys_.begin(), keys_.end(), keys::is_global);
}

bool ChangedKeys::affects(const std::vector<ContentKey>& reads) const {
  for (const ContentKey key : reads)
    if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) return true;
  return false;
}

namespace {

// Every service's key, in the model's order: the environment's, or worked
// out once here; listed often.
struct ServiceKeys {
  const Model& model;
  std::vector<ContentKey> own;
  const std::vector<ContentKey>* keys;
  explicit ServiceKeys(const RenderEnvironment& env) : model(env.model), keys(&env.service_keys) {
    if (keys->size() == model.services.size()) return;
    own = service_keys(model);
    keys = &own;
  }
  ContentKey operator()(const Service* s) const { return (*keys)[static_cast<std::size_t>(s - model.services.data())]; }
};

void add_services(std::vector<ContentKey>& out, const std::vector<const Service*>& services, const ServiceKeys& key) {
  out.reserve(out.size() + services.size());
  for (const Service* s : services) out.push_back(key(s));
}

void add_service_refs(std::vector<ContentKey>& out, const std::vector<Ref>& refs) {
  for (const auto& r : refs) out.push_back(keys::of("service", r.id));
}

template <typename Index>
const std::vector<const Service*>& services_in(const Index& index, const std::string& id) {
  static const std::vector<const Service*> none;
  auto it = index.find(id);
  return it == index.end() ? none : it->second;
}

}  // namespace

std::vector<ContentKey> service_keys(const Model& model) {
  std::vector<ContentKey> out;
  out.reserve(model.services.size());
  for (const auto& s : model.services) out.push_back(keys::of("service", s.id));
  return out;
}

std::vector<std::vector<ContentKey>> page_dependencies(const RenderEnvironment& env,
                                                       const std::vector<PlannedPage>& pages, unsigned jobs,
                                                       const std::vector<bool>* only) {
  const Model& m = env.model;
  const ContentKey every_service = keys::every("service"), every_locality = keys::every("locality");
  const ContentKey figures = keys::of("figures", "");
  const ServiceKeys service_keys(env);
  std::vector<std::vector<ContentKey>> out(pages.size());
  parallel_for(pages.size(), jobs, [&](std::size_t i) {
    if (only && !(*only)[i]) return;
    const PlannedPage& page = pages[i];
    std::vector<ContentKey>& d = out[i];
    switch (page.kind) {
      case PageKind::home:
        // The introduction, the areas' names, and the number of services.
        d = {keys::of("page", "index"), every_locality, every_service};
        break;
      case PageKind::services:
        // Every service's card, with its areas' names.
        d = {every_service, every_locality};
        break;
      case PageKind::service: {
        const Service& s = m.services[page.index];
        d.push_back(service_keys(&s));
        // Its areas' names (every area's for a service in all of them).
        if (s.all_localities)
          for (const auto& l : m.localities) d.push_back(keys::of("locality", l.id));
        for (const auto& l : s.localities) d.push_back(keys::of("locality", l.id));
        if (auto it = env.pathways_by_service.find(s.id); it != env.pathways_by_service.end())
          for (const Pathway* p : it->second) d.push_back(keys::of("pathway", p->id));
        break;
      }
      case PageKind::localities:
        // Every area with its number of services, and the figures of all.
        d = {every_locality, every_service, figures};
        break;
      case PageKind::locality: {
        // The area, its services' cards, and the figures of every area side by side.
        const Locality& l = m.localities[page.index];
        d = {every_locality, figures, keys::download(locality_directory_route(l.id))};
        add_services(d, services_in(env.services_by_locality, l.id), service_keys);
        break;
      }
      case PageKind::categories:
        d = {every_service};  // the number of services in each
        break;
      case PageKind::category:
        d = {every_locality};  // the cards' areas
        add_services(d, services_in(env.services_by_category, m.site.categories[page.index].id), service_keys);
        break;
      case PageKind::glossary:
        d = {keys::of("glossary", "")};
        break;
      case PageKind::page:
        d = {keys::of("page", m.pages[page.index].id)};
        break;
      case PageKind::not_found:
        break;
      case PageKind::plan_on_a_page:
        d = {keys::of("plan-on-a-page", ""), keys::every("strategy"), keys::download(plan_on_a_page_route())};
        break;
      case PageKind::search:
        d = {every_locality};
        break;  // the area filter
      case PageKind::ages:
      case PageKind::levels:
        d = {every_service};
        break;  // the number of services in each
      case PageKind::age_band: {
        const AgeBand& band = age_bands()[page.index];
        d = {every_locality};
        for (const auto& s : m.services)
          if (serves_ages(s, band.min, band.max)) d.push_back(service_keys(&s));
        break;
      }
      case PageKind::level: {
        const int level = m.site.levels[page.index].number;
        d = {every_locality};
        for (const auto& s : m.services)
          if (std::find(s.levels.begin(), s.levels.end(), level) != s.levels.end()) d.push_back(service_keys(&s));
        break;
      }
      case PageKind::pathways:
        d = {keys::every("pathway")};
        break;
      case PageKind::pathway: {
        const Pathway& p = m.pathways[page.index];
        // Its steps' services, the glossary terms it uses, and its guide's size.
        d = {keys::of("pathway", p.id), keys::of("glossary", ""), keys::download(pathway_guide_route(p.id))};
        for (const auto& step : p.steps) add_service_refs(d, step.services);
        break;
      }
      case PageKind::strategy:
        // With the plan on a page's title and the size of its PDF.
        d = {keys::every("strategy"), keys::of("plan-on-a-page", ""), keys::download(plan_on_a_page_route())};
        break;
      case PageKind::strategy_part: {
        const StrategyPart& part = m.strategy[page.index];
        d = {keys::of("strategy", part.id), every_locality};
        add_service_refs(d, part.services);
        break;
      }
      case PageKind::young_people:
        d = {keys::every("young-people")};
        break;
      case PageKind::young_people_page: {
        const YoungPeoplePage& yp = m.young_people[page.index];
        d = {keys::of("young-people", yp.id), every_locality};
        add_service_refs(d, yp.services);
        break;
      }
    }
  });
  return out;
}

std::vector<std::vector<ContentKey>> document_dependencies(const RenderEnvironment& env,
                                                           const std::vector<PlannedDocument>& documents) {
  const Model& m = env.model;
  const ServiceKeys service_keys(env);
  std::vector<std::vector<ContentKey>> out(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const PlannedDocument& doc = documents[i];
    std::vector<ContentKey>& d = out[i];
    switch (doc.kind) {
      case DocumentKind::plan_on_a_page:
        // Its boxes' parts, and the newest review date of every part.
        d = {keys::of("plan-on-a-page", ""), keys::every("strategy")};
        break;
      case DocumentKind::pathway_guide: {
        // The steps, their services, and the glossary terms the guide uses.
        const Pathway& p = m.pathways[doc.index];
        d = {keys::of("pathway", p.id), keys::of("glossary", "")};
        for (const auto& step : p.steps) add_service_refs(d, step.services);
        break;
      }
      case DocumentKind::locality_directory: {
        // The area, and the services in it (grouped by the categories of site.yaml).
        const Locality& l = m.localities[doc.index];
        d = {keys::of("locality", l.id)};
        add_services(d, services_in(env.services_by_locality, l.id), service_keys);
        break;
      }
    }
  }
  return out;
}

}  // namespace og
