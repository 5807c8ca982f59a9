#include "render/environment.hpp"

#include <algorithm>
#include <string_view>

#include "core/parallel.hpp"
#include "core/text.hpp"

namespace og {

RenderEnvironment::RenderEnvironment(const Model& m, Urls u, const std::vector<Asset>& assets,
                                     const std::vector<PlannedPage>& pages)
    : model(m), urls(std::move(u)) {
  for (const auto& a : assets) asset_links[a.key] = urls.link(a.route);
  for (const auto& p : pages) routes.insert(p.route);
  make_lists();
  for (const auto& p : model.pathways) {
    for (const auto& step : p.steps) {
      for (const auto& ref : step.services) {
        auto& list = pathways_by_service[ref.id];
        if (list.empty() || list.back() != &p) list.push_back(&p);
      }
    }
  }
}

void RenderEnvironment::make_lists() {
  for (const auto& l : model.localities) services_by_locality[l.id];
  std::map<std::string_view, std::size_t> category_index;
  for (std::size_t i = 0; i < model.site.categories.size(); ++i) {
    const Category& c = model.site.categories[i];
    services_by_category[c.id];
    category_index.emplace(c.id, i);  // the first of a repeated id, as directory_category() finds it
  }
  directory_categories.assign(model.services.size(), kNoCategory);
  for (const auto& s : model.services) {
    if (s.all_localities) {
      for (const auto& l : model.localities) services_by_locality[l.id].push_back(&s);
    } else {
      for (const auto& l : s.localities) services_by_locality[l.id].push_back(&s);
    }
    std::size_t& directory = directory_categories[static_cast<std::size_t>(&s - model.services.data())];
    for (const auto& c : s.categories) {
      services_by_category[c.id].push_back(&s);
      if (directory != kNoCategory) continue;
      if (auto it = category_index.find(c.id); it != category_index.end()) directory = it->second;
    }
  }
}

std::string RenderEnvironment::markdown(const Markdown& md, int heading_base, Diagnostics& diagnostics) const {
  return render_markdown(md, markdown_options(heading_base), diagnostics);
}

MarkdownOptions RenderEnvironment::markdown_options(int heading_base) const {
  MarkdownOptions options;
  options.allow_raw_html = model.site.allow_raw_html;
  options.heading_base = heading_base;
  options.base_path = urls.base_path();
  options.page_exists = [this](std::string_view path) {
    return routes.count(path) > 0 || (path.size() > 1 && routes.count(std::string(path) + "index.html") > 0);
  };
  options.closest_page = [this](std::string_view path) { return closest_route(path); };
  return options;
}

std::string RenderEnvironment::closest_route(std::string_view path) const {
  // Pages in the same section ("/services/"), as links write them: a
  // folder's index.html as the folder.
  // folder's index.html as the folder), as deep as `path`.
  const auto depth = [](std::string_view p) {
    return std::count(p.begin(), p.end() - (p.ends_with('/') ? 1 : 0), '/');
  };
  const std::size_t second = path.find('/', 1);
  const std::string_view section =
      second == std::string_view::npos || second + 1 == path.size() ? "/" : path.substr(0, second + 1);
  std::vector<std::string> links;
  for (auto it = routes.lower_bound(section); it != routes.end() && it->starts_with(section); ++it) {
    std::string_view route = *it;
    if (route.ends_with("/index.html")) route.remove_suffix(std::string_view("index.html").size());
    if (depth(route) == depth(path)) links.emplace_back(route);
  }
  const std::vector<std::string_view> candidates(links.begin(), links.end());
  return closest_match(path, candidates).value_or("");
}

const std::vector<const Service*>& RenderEnvironment::services_in_locality(std::string_view id) const {
  static const std::vector<const Service*> none;
  auto it = services_by_locality.find(id);
  return it == services_by_locality.end() ? none : it->second;
}

const std::vector<const Service*>& RenderEnvironment::services_in_category(std::string_view id) const {
  static const std::vector<const Service*> none;
  auto it = services_by_category.find(id);
  return it == services_by_category.end() ? none : it->second;
}

mustache::data RenderEnvironment::download(std::string_view route, const std::string& text) const {
  auto it = downloads.find(route);
  if (it == downloads.end()) return false;
  mustache::data d;
  d.set("text", text);
  d.set("url", link(route));
  d.set("meta", download_label(it->second));
  return d;
}

void put(mustache::data& d, const std::string& key, const std::string& value) {
  // false rather than absent, so that a list item without the key does not
  // pick up a key of the same name from the page around it.
  if (value.empty())
    d.set(key, false);
  else
    d.set(key, value);
}

namespace {

mustache::data extra_data(const Extra& extra) {
  switch (extra.kind) {
    case Extra::Kind::text:
      return extra.text.empty() ? mustache::data(false) : mustache::data(extra.text);
    case Extra::Kind::list:
      return list_of(extra.values, extra_data);
    case Extra::Kind::mapping:
      break;
  }
  mustache::data map;
  for (std::size_t i = 0; i < extra.keys.size(); ++i) map.set(extra.keys[i], extra_data(extra.values[i]));
  return map;
}

}  // namespace

void put_extra(mustache::data& d, const Extra& extra) {
  if (!extra.empty()) d.set("extra", extra_data(extra));
}

void put_service_count(mustache::data& d, std::size_t n) {
  d.set("count", std::to_string(n));
  d.set("count_text", count_phrase(n, "service", "services"));
  d.set("count_one", n == 1);
}

mustache::data text_list(const std::vector<std::string>& items) {
  return list_of(items, [](const std::string& item) { return mustache::data(item); });
}

mustache::data link_item(const std::string& title, const std::string& url) {
  mustache::data d;
  d.set("title", title);
  d.set("url", url);
  return d;
}

std::string localities_text(const RenderEnvironment& env, const Service& s) {
  if (s.all_localities) return "All areas";
  std::string out;
  for (std::size_t i = 0; i < s.localities.size(); ++i) {
    const Locality* l = env.model.locality(s.localities[i].id);
    if (!l) continue;
    if (!out.empty()) out += i + 1 == s.localities.size() ? " and " : ", ";
    out += l->name;
  }
  return out;
}

const std::vector<CardKind>& card_templates() {
  static const std::vector<CardKind> kinds = {
      {"service-card", "html", false}, {"service-card", "filter_html", true}, {"area-card", "area_html", false}};
  return kinds;
}

mustache::data service_card(const RenderEnvironment& env, const Service& s) {
  mustache::data d;
  d.reserve(12);
  // The markup make_service_cards() puts in, first: a list looks up one of
  // these for each of thousands of cards, and an object finds a key by
  // walking its keys in order. Until then false, which renders as a missing
  // key does.
  for (const auto& kind : card_templates()) d.set(kind.key, false);
  d.set("name", s.name);
  d.set("url", env.link(Urls::service(s.id)));
  put(d, "summary", s.summary);
  put(d, "ages", age_range_text(s));
  put(d, "areas", localities_text(env, s));
  d.set("free", s.free);
  std::string facets = service_facets_json(s);
  d.set("facets_attribute", single_quoted_attribute_json(facets));
  d.set("facets", std::move(facets));
  return d;
}

mustache::data service_list(const RenderEnvironment& env, const std::vector<const Service*>& services) {
  mustache::data list{mustache::data::type::list};
  list.reserve(services.size());
  for (const Service* s : services) list.push_back(mustache::data::ref(env.card(*s)));
  return list;
}

}  // namespace og
