// What every page builder may read while rendering: the frozen model, the URLs,
// the asset links and the set of routes for link checks. Shared by all threads,
// never written after construction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "documents/downloads.hpp"
#include "documents/locality_directory.hpp"
#include "model/model.hpp"
#include "render/assets.hpp"
#include "render/markdown.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"

namespace og {

// Which services each area and each topic lists (RenderEnvironment's
// fields of the same names).
struct ServiceLists {
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_locality;
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_category;
  std::vector<std::size_t> directory_categories;
};

// What a new environment may take over from the one before it, when the
// preview server rebuilds after a small edit (everything else is rebuilt).
struct EnvironmentReuse {
  // The lists, when the services are in the same order and none joined or
  // left an area or a topic.
  std::optional<ServiceLists> lists;
  // The routes, when the edit added or removed no page.
  std::optional<std::set<std::string, std::less<>>> routes;
  // The previous environment's cards, when the services are in the same
  // order; cards[i] is rebuilt where stale[i] is true.
  std::vector<mustache::data> cards;
  std::vector<bool> stale;
};

// A service's Markdown without markup (render_markdown()'s `plain`).
struct ServiceText {
  std::string description, how_to_access;
};

struct RenderEnvironment {
  // Builds the indexes and every service's card, on up to `jobs` threads.
  RenderEnvironment(const Model& model, Urls urls, const std::vector<Asset>& assets,
                    const std::vector<PlannedPage>& pages, unsigned jobs = 1, EnvironmentReuse reuse = {});

  const Model& model;
  Urls urls;
  std::map<std::string, std::string> asset_links;  // "style_css" -> "/offer/assets/style.1a2b.css"
  std::set<std::string, std::less<>> routes;       // every page's route, for link checks
  // Services in each locality and category, in the model's order (a
  // service that names an area twice is in its list twice).
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_locality;
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_category;
  // Each service's directory_category(), in the model's order: an area's
  // page groups its services by it.
  std::vector<std::size_t> directory_categories;
  // Hands the lists above to the next environment (EnvironmentReuse), leaving these empty.
  ServiceLists take_lists();
  // The pathways each service is a step of, in the model's order.
  std::map<std::string, std::vector<const Pathway*>, std::less<>> pathways_by_service;
  // Each service's content key (render/dependencies.hpp), in the model's
  // order, when the preview server has set them; empty otherwise.
  std::vector<std::uint64_t> service_keys;
  // The search index's document table, "/search/docs.1a2b.json" (set by the pipeline), or "".
  std::string search_index_route;
  // Where a build's service pages leave the plain text of their Markdown, for
  // the search index and the export made after the pages, so that each
  // description is parsed once: one slot per service, in the model's order,
  // each written only by its own page. Unset (the preview), nothing is kept.
  std::vector<ServiceText>* service_texts = nullptr;

  // What was written for each document ("/downloads/plan-on-a-page.pdf"),
  // filled in by the pipeline after printing and before the pages that link
  // to documents are rendered (see links_to_documents).
  std::map<std::string, DownloadFacts, std::less<>> downloads;
  // A link to a document with its type and size, for a page: nullopt when the
  // document was not printed.
  std::optional<mustache::data> download(std::string_view route, const std::string& text) const;

  // Each service's card (service_card()), in the model's order: built once,
  // and referred to, not copied, by every list that shows the service. Once
  // render_service_cards() has run it also holds "html", the card rendered.
  std::vector<mustache::data> cards;
  const mustache::data& card(const Service& s) const {
    return cards[static_cast<std::size_t>(&s - model.services.data())];
  }
  // The positions of the cards this environment made (all, or the stale
  // ones of EnvironmentReuse): render_service_cards() renders these.
  std::vector<std::size_t> cards_made;

  std::string link(std::string_view route) const { return urls.link(route); }
  // Markdown rendered with the site's settings, headings starting at `heading_base`;
  // with `plain`, its plain text too (render_markdown()).
  std::string markdown(const Markdown& md, int heading_base, Diagnostics& diagnostics,
                       std::string* plain = nullptr) const;
  // The page of the site whose link is closest to `path`, a link to no page,
  // in the same section; "" when none is close.
  std::string closest_route(std::string_view path) const;

 private:
  void make_lists();  // services_by_locality, services_by_category, directory_categories
};

// A card template, the card key its markup goes in, and what the card's
// `filterable` is set to while it is rendered (render_service_cards()).
struct CardKind {
  const char* name;
  const char* key;
  bool filterable;
};
const std::vector<CardKind>& card_templates();

// Sets `key` to `value`, or to false when `value` is empty: Mustache (ours,
// like kainjow before it) treats an empty string as true in {{#section}}s.
void put(mustache::data& d, const std::string& key, const std::string& value);
// Sets "extra" to an item's free-form 'extra:' data, when it has any.
void put_extra(mustache::data& d, const Extra& extra);

// A number of services for a page or a card: `count` (the number),
// `count_text` ("One service", "2 services", "No services") and `count_one`
// (true for exactly one, for the verb: "One service works", "2 services work").
void put_service_count(mustache::data& d, std::size_t n);

// Small shared pieces of page data.
mustache::data link_item(const std::string& title, const std::string& url);
std::string age_range_text(const Service& s);                                 // "Ages 11 to 17"; "" when not known
std::string localities_text(const RenderEnvironment& env, const Service& s);  // "All areas"
mustache::data service_card(const RenderEnvironment& env, const Service& s);
// What the filters read about a service, as compact JSON, the same in the
// search index and on the cards of the services index:
// {"l":[area ids, left out for all areas],"a":[min age|null,max age|null],
//  "n":[levels],"c":[category ids],"r":1 when you can refer yourself or drop in,"f":1 when free}
std::string service_facets_json(const Service& s);
// `json` with ' & < > written as JSON escapes (\u0027 and so on): safe to
// insert unescaped ({{{facets_attribute}}}) in a single-quoted attribute, and
// the same data when the attribute is read and parsed.
std::string single_quoted_attribute_json(std::string_view json);
// A list of the services' cards (references to env.cards).
mustache::data service_list(const RenderEnvironment& env, const std::vector<const Service*>& services);

}  // namespace og
