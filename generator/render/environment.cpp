#include "render/environment.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/parallel.hpp"
#include "core/text.hpp"

namespace og {

RenderEnvironment::RenderEnvironment(const Model& m, Urls u, const std::vector<Asset>& assets,
                                     const std::vector<PlannedPage>& pages, unsigned jobs, EnvironmentReuse reuse)
    : model(m), urls(std::move(u)) {
  for (const auto& a : assets) asset_links[a.key] = urls.link(a.route);
  if (reuse.routes)
    routes = std::move(*reuse.routes);
  else
    for (const auto& p : pages) routes.insert(p.route);
  if (reuse.lists) {
    services_by_locality = std::move(reuse.lists->services_by_locality);
    services_by_category = std::move(reuse.lists->services_by_category);
    directory_categories = std::move(reuse.lists->directory_categories);
  } else {
    make_lists();
  }
  for (const auto& p : model.pathways) {
    for (const auto& step : p.steps) {
      for (const auto& ref : step.services) {
        auto& list = pathways_by_service[ref.id];
        if (list.empty() || list.back() != &p) list.push_back(&p);
      }
    }
  }
  const std::size_t n = model.services.size();
  if (reuse.cards.size() == n && reuse.stale.size() == n) {
    cards = std::move(reuse.cards);
    for (std::size_t i = 0; i < n; ++i) {
      if (!reuse.stale[i]) continue;
      cards[i] = service_card(*this, model.services[i]);
      cards_made.push_back(i);
    }
    return;
  }
  cards.resize(n);
  cards_made.resize(n);
  for (std::size_t i = 0; i < n; ++i) cards_made[i] = i;
  parallel_for(n, jobs, [&](std::size_t i) { cards[i] = service_card(*this, model.services[i]); });
}

void RenderEnvironment::make_lists() {
  // Each known area's and topic's list found by one hash of its id, not a
  // walk down the ordered map for each of the services' tens of thousands of
  // references (the preview server builds these after every edit).
  std::unordered_map<std::string_view, std::vector<const Service*>*> by_locality, by_category;
  std::unordered_map<std::string_view, std::size_t> category_index;
  std::vector<std::vector<const Service*>*> every_locality;
  for (const auto& l : model.localities) {
    auto* list = &services_by_locality[l.id];
    by_locality.emplace(l.id, list);
    every_locality.push_back(list);
  }
  for (std::size_t i = 0; i < model.site.categories.size(); ++i) {
    const Category& c = model.site.categories[i];
    by_category.emplace(c.id, &services_by_category[c.id]);
    category_index.emplace(c.id, i);  // the first of a repeated id, as directory_category() finds it
  }
  auto list_of = [](auto& fast, auto& map, const std::string& id) {
    auto it = fast.find(id);
    return it != fast.end() ? it->second : &map[id];  // an id the checks report
  };
  directory_categories.assign(model.services.size(), kNoCategory);
  for (const auto& s : model.services) {
    if (s.all_localities) {
      for (auto* list : every_locality) list->push_back(&s);
    } else {
      for (const auto& l : s.localities) list_of(by_locality, services_by_locality, l.id)->push_back(&s);
    }
    std::size_t& directory = directory_categories[static_cast<std::size_t>(&s - model.services.data())];
    for (const auto& c : s.categories) {
      list_of(by_category, services_by_category, c.id)->push_back(&s);
      if (directory != kNoCategory) continue;
      if (auto it = category_index.find(c.id); it != category_index.end()) directory = it->second;
    }
  }
}

ServiceLists RenderEnvironment::take_lists() {
  return {std::move(services_by_locality), std::move(services_by_category), std::move(directory_categories)};
}

std::string RenderEnvironment::markdown(const Markdown& md, int heading_base, Diagnostics& diagnostics,
                                        std::string* plain) const {
  MarkdownOptions options;
  options.allow_raw_html = model.site.allow_raw_html;
  options.heading_base = heading_base;
  options.base_path = urls.base_path();
  options.page_exists = [this](std::string_view path) {
    return routes.count(path) > 0 || (path.size() > 1 && routes.count(std::string(path) + "index.html") > 0);
  };
  options.closest_page = [this](std::string_view path) { return closest_route(path); };
  return render_markdown(md, options, diagnostics, plain);
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

std::optional<mustache::data> RenderEnvironment::download(std::string_view route, const std::string& text) const {
  auto it = downloads.find(route);
  if (it == downloads.end()) return std::nullopt;
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
    case Extra::Kind::list: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : extra.values) list.push_back(extra_data(item));
      return list;
    }
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

mustache::data link_item(const std::string& title, const std::string& url) {
  mustache::data d;
  d.set("title", title);
  d.set("url", url);
  return d;
}

std::string age_range_text(const Service& s) {
  // No ages in the content means the documents do not say: show nothing
  // rather than a claim. "min_age: 0" without a maximum is "All ages".
  if (!s.min_age && !s.max_age) return {};
  const int lo = s.min_age.value_or(0);
  if (!s.max_age) return lo == 0 ? "All ages" : "Ages " + std::to_string(lo) + " and over";
  const int hi = *s.max_age;
  if (lo == 0) return hi == 0 ? "Babies under 1" : "From birth to " + std::to_string(hi);
  if (lo == hi) return "Age " + std::to_string(lo);
  return "Ages " + std::to_string(lo) + " to " + std::to_string(hi);
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
  // The markup render_service_cards() puts in, first: a list looks up one of
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

std::string single_quoted_attribute_json(std::string_view json) {
  // JSON's own escapes for the characters that could end or confuse a
  // single-quoted attribute value; a list of 10,000 cards then spends no
  // "&quot;" (six bytes) on each of the JSON's quotes.
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '\'':
        out += "\\u0027";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string service_facets_json(const Service& s) {
  // Ids are slugs and levels are numbers, so nothing here needs escaping.
  auto list = [](const auto& items, auto&& text) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + text(items[i]);
    return out + "]";
  };
  auto quoted = [](const Ref& r) { return "\"" + r.id + "\""; };
  std::string out = "{";
  if (!s.all_localities) out += "\"l\":" + list(s.localities, quoted) + ",";
  if (s.min_age || s.max_age) {
    out += "\"a\":[" + (s.min_age ? std::to_string(*s.min_age) : "null") + "," +
           (s.max_age ? std::to_string(*s.max_age) : "null") + "],";
  }
  out += "\"n\":" + list(s.levels, [](int n) { return std::to_string(n); });
  out += ",\"c\":" + list(s.categories, quoted);
  // "r": a family can go without a professional: refer themselves or drop in.
  const bool self = std::any_of(s.access.begin(), s.access.end(), [](AccessRoute r) {
    return r == AccessRoute::self_referral || r == AccessRoute::drop_in;
  });
  if (self) out += ",\"r\":1";
  if (s.free) out += ",\"f\":1";
  return out + "}";
}

mustache::data service_list(const RenderEnvironment& env, const std::vector<const Service*>& services) {
  mustache::data list{mustache::data::type::list};
  list.reserve(services.size());
  for (const Service* s : services) list.push_back(mustache::data::ref(env.card(*s)));
  return list;
}

}  // namespace og
