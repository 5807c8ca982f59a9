#include "render/page_renderer.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "core/parallel.hpp"
#include "core/security_policy.hpp"

namespace og {

const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> names({"layout", "home", "services", "service", "localities", "locality",
                                               "categories", "category", "glossary", "page", "404", "pathways",
                                               "pathway", "strategy", "strategy-part", "young-people",
                                               "young-people-page", "plan-on-a-page", "search"});
  return names;
}

PageRenderer::PageRenderer(const RenderEnvironment& env, const TemplateSet& templates)
    : env_(env), templates_(templates.compile()) {
  std::vector<const Page*> footer;
  for (const auto& p : env.model.pages)
    if (p.nav_order > 0 && p.id != "index") footer.push_back(&p);
  std::stable_sort(footer.begin(), footer.end(),
                   [](const Page* a, const Page* b) { return a->nav_order < b->nav_order; });
  footer_nav_ = mustache::data{mustache::data::type::list};
  for (const Page* p : footer) footer_nav_.push_back(link_item(p->title, env.link(Urls::page(p->id))));

  for (const auto& [key, url] : env.asset_links) assets_.set(key, url);
  const Site& site = env.model.site;
  colours_.set("brand", site.colours.brand);
  colours_.set("accent", site.colours.accent);
  colours_.set("text", site.colours.text);
  colours_.set("background", site.colours.background);
  // "Exit this page" links to the page on covering your tracks online when
  // the content has one (docs/content.md).
  if (env.model.page(kTracksPage)) tracks_route_ = Urls::page(kTracksPage);

  // The main navigation, once with each section marked as the current one
  // and once with none. Sections without content (a site with no pathways)
  // are left out.
  const Model& m = env.model;
  const std::pair<const char*, std::string> all_sections[] = {
      {"Find support", Urls::services()},
      {"Areas", Urls::localities()},
      {"Step by step", m.pathways.empty() ? "" : Urls::pathways()},
      {"Young people", m.young_people.empty() ? "" : Urls::young_people()},
      {"Our strategy", m.strategy.empty() ? "" : Urls::strategy()},
      {"Glossary", Urls::glossary()}};
  for (const auto& section : all_sections)
    if (!section.second.empty()) sections_.push_back(section.second);
  navs_.resize(sections_.size() + 1);
  for (std::size_t current = 0; current < navs_.size(); ++current) {
    mustache::data nav{mustache::data::type::list};
    std::size_t shown = 0;
    for (const auto& [title, route] : all_sections) {
      if (route.empty()) continue;
      mustache::data item = link_item(title, env.link(route));
      item.set("current", shown++ == current);
      nav.push_back(item);
    }
    navs_[current] = std::move(nav);
  }
}

std::size_t PageRenderer::current_section(const std::string& route) const {
  for (std::size_t i = 0; i < sections_.size(); ++i) {
    const std::string& section = sections_[i];
    if (route.rfind(section, 0) == 0 ||
        (section == Urls::services() && (route.rfind(Urls::categories(), 0) == 0 || route.rfind(Urls::ages(), 0) == 0 ||
                                         route.rfind(Urls::levels(), 0) == 0)))
      return i;
  }
  return sections_.size();
}

PageData PageRenderer::build(const PlannedPage& page, Diagnostics& diagnostics) {
  const Model& m = env_.model;
  switch (page.kind) {
    case PageKind::home:
      return home_page(env_, diagnostics);
    case PageKind::services:
      return services_index_page(env_);
    case PageKind::service:
      return service_page(env_, m.services[page.index], diagnostics);
    case PageKind::localities:
      return localities_index_page(env_);
    case PageKind::locality:
      return locality_page(env_, m.localities[page.index], diagnostics);
    case PageKind::categories:
      return categories_index_page(env_);
    case PageKind::category:
      return category_page(env_, m.site.categories[page.index]);
    case PageKind::glossary:
      return glossary_page(env_);
    case PageKind::page:
      return free_page(env_, m.pages[page.index], diagnostics);
    case PageKind::not_found:
      return not_found_page(env_);
    case PageKind::pathways:
      return pathways_index_page(env_, diagnostics);
    case PageKind::pathway:
      return pathway_page(env_, m.pathways[page.index], diagnostics);
    case PageKind::strategy:
      return strategy_index_page(env_, diagnostics);
    case PageKind::strategy_part:
      return strategy_part_page(env_, m.strategy[page.index], diagnostics);
    case PageKind::young_people:
      return young_people_index_page(env_, diagnostics);
    case PageKind::young_people_page:
      return young_people_page(env_, m.young_people[page.index], diagnostics);
    case PageKind::plan_on_a_page:
      return plan_on_a_page_page(env_, diagnostics);
    case PageKind::search:
      return search_page(env_);
    case PageKind::ages:
      return ages_index_page(env_);
    case PageKind::age_band:
      return age_band_page(env_, age_bands()[page.index]);
    case PageKind::levels:
      return levels_index_page(env_);
    case PageKind::level:
      return level_page(env_, m.site.levels[page.index]);
  }
  return not_found_page(env_);
}

void PageRenderer::add_frame(const PlannedPage& page, PageData& p) {
  const Site& site = env_.model.site;
  mustache::data& d = p.data;
  d.set("lang", site.language);
  d.set("site_title", site.title);
  d.set("partnership", site.partnership);
  d.set("title", p.title);
  d.set("head_title", page.kind == PageKind::home ? site.title : p.title + " - " + site.title);
  put(d, "meta_description", p.description);
  put(d, "canonical", page.kind == PageKind::not_found ? std::string() : env_.urls.absolute(page.route));
  d.set("home_url", env_.link(Urls::home()));
  d.set("search_url", env_.link(Urls::search()));
  put(d, "search_index", env_.link(Urls::search_index()));
  d.set("base_path", env_.urls.base_path());
  // What every page has the same, made once by the constructor and shared.
  d.set("assets", mustache::data::ref(assets_));
  d.set("colours", mustache::data::ref(colours_));
  d.set("nav", mustache::data::ref(navs_[current_section(page.route)]));
  d.set("footer_nav", mustache::data::ref(footer_nav_));

  mustache::data crumbs{mustache::data::type::list};
  for (const auto& [title, route] : p.breadcrumbs) crumbs.push_back(link_item(title, env_.link(route)));
  d.set("breadcrumbs", crumbs);
  d.set("has_breadcrumbs", !p.breadcrumbs.empty());
  d.set("sensitive", p.sensitive);
  d.set("step_by_step", p.step_by_step);
  d.set("exit_url", site.exit_url);
  // Not on the covering-your-tracks page itself.
  put(d, "tracks_url",
      tracks_route_.empty() || page.route.starts_with(tracks_route_) ? std::string() : env_.link(tracks_route_));
  d.set("security_policy", std::string(kPageSecurityPolicy));
  if (!site.updated.empty()) d.set("updated", site.updated.long_form());
  put(d, "contact_email", site.contact.email);
  put(d, "contact_phone", site.contact.phone);
}

bool make_service_cards(RenderEnvironment& env, const TemplateSet& templates, unsigned jobs, Diagnostics& diagnostics,
                        const std::function<std::shared_ptr<mustache::data>(std::size_t)>& cached) {
  const CompiledTemplates compiled = templates.compile();
  // Each card template the templates have, and the key its markup goes in.
  std::vector<CardKind> kinds;
  for (const auto& kind : card_templates())
    if (compiled.has(kind.name)) kinds.push_back(kind);
  env.cards.assign(env.model.services.size(), nullptr);
  // The first card (by service) whose template stopped at the engine's
  // limits, and that template: reported once, whatever the threads. Cards
  // after it are left empty (the build fails), not rendered to the limit.
  std::mutex stopped_mutex;
  std::pair<std::size_t, std::string> stopped{env.cards.size(), {}};
  std::atomic<std::size_t> first_stopped{env.cards.size()};
  parallel_for(env.cards.size(), jobs, [&](std::size_t k) {
    if (cached && (env.cards[k] = cached(k))) return;
    env.cards[k] = std::make_shared<mustache::data>(service_card(env, env.model.services[k]));
    mustache::data& card = *env.cards[k];
    bool too_much = false;
    for (const auto& [name, key, filterable] : kinds) {
      card.set("filterable", filterable);
      if (too_much || k > first_stopped) continue;  // left false (no markup): the build fails
      std::string html = compiled.render(name, card, &too_much);
      if (too_much) {  // not kept either: the lists would copy all of it
        std::lock_guard lock(stopped_mutex);
        if (k < stopped.first) stopped = {k, name};
        first_stopped = stopped.first;
        continue;
      }
      // A list puts each card on a line of its own.
      if (!html.empty() && html.back() == '\n') html.pop_back();
      card.set(key, std::move(html));
    }
  });
  if (stopped.first == env.cards.size()) return true;
  compiled.report_stopped(stopped.second, "the card of service '" + env.model.services[stopped.first].id + "'",
                          diagnostics);
  return false;
}

std::string PageRenderer::render(const PlannedPage& page, Diagnostics& diagnostics) {
  PageData p = build(page, diagnostics);
  add_frame(page, p);
  last_template_ = p.template_name;
  bool stopped = false;
  p.data.set("content", templates_.render(p.template_name, p.data, &stopped));
  if (stopped) templates_.report_stopped(p.template_name, "the page " + page.route, diagnostics);
  stopped = false;
  std::string html = templates_.render("layout", p.data, &stopped);
  if (stopped) templates_.report_stopped("layout", "the page " + page.route, diagnostics);
  return html;
}

}  // namespace og
