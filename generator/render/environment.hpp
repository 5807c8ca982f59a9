// What every page builder may read while rendering: the frozen model, the URLs,
// the asset links and the set of routes for link checks. Shared by all threads,
// never written after construction.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "derive/markdown.hpp"
#include "derive/service_facts.hpp"
#include "derive/service_text.hpp"
#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "documents/locality_directory.hpp"
#include "model/model.hpp"
#include "render/assets.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"

namespace og {

struct RenderEnvironment {
  // Builds the indexes; the freeze step adds the cards and texts.
  RenderEnvironment(const Model& model, Urls urls, const std::vector<Asset>& assets,
                    const std::vector<PlannedPage>& pages);

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
  // The pathways each service is a step of, in the model's order.
  std::map<std::string, std::vector<const Pathway*>, std::less<>> pathways_by_service;
  // Each service's Markdown as HTML and plain text, in the model's order
  // (the freeze step's, pipeline/steps.hpp); empty, a service's page parses
  // its own (tests).
  ServiceTexts texts;

  // What was written for each document ("/downloads/plan-on-a-page.pdf"),
  // filled in by the pipeline after printing and before the pages that link
  // to documents are rendered (see links_to_documents).
  std::map<std::string, DownloadFacts, std::less<>> downloads;
  // A link to a document with its type and size, for a page: false when the
  // document was not printed.
  mustache::data download(std::string_view route, const std::string& text) const;

  // Each service's card (service_card()), in the model's order: built once,
  // and referred to, not copied, by every list that shows the service. Once
  // make_service_cards() has run it also holds "html", the card rendered.
  std::vector<std::shared_ptr<mustache::data>> cards;
  const mustache::data& card(const Service& s) const {
    return *cards[static_cast<std::size_t>(&s - model.services.data())];
  }

  std::string link(std::string_view route) const { return urls.link(route); }
  // The services of a locality or a category (none for an unknown id).
  const std::vector<const Service*>& services_in_locality(std::string_view id) const;
  const std::vector<const Service*>& services_in_category(std::string_view id) const;
  // Markdown rendered with the site's settings, headings starting at `heading_base`;
  // with `plain`, its plain text too (render_markdown()).
  std::string markdown(const Markdown& md, int heading_base, Diagnostics& diagnostics) const;
  MarkdownOptions markdown_options(int heading_base) const;
  // The page of the site whose link is closest to `path`, a link to no page,
  // in the same section; "" when none is close.
  std::string closest_route(std::string_view path) const;

 private:
  void make_lists();  // services_by_locality, services_by_category, directory_categories
};

// A card template, the card key its markup goes in, and what the card's
// `filterable` is set to while it is rendered (make_service_cards()).
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

// A list of `make(item)` for each of `items`.
template <typename Items, typename Make>
mustache::data list_of(const Items& items, Make&& make) {
  mustache::data list{mustache::data::type::list};
  for (const auto& item : items) list.push_back(make(item));
  return list;
}

// Small shared pieces of page data.
mustache::data text_list(const std::vector<std::string>& items);
mustache::data link_item(const std::string& title, const std::string& url);
std::string localities_text(const RenderEnvironment& env, const Service& s);  // "All areas"
mustache::data service_card(const RenderEnvironment& env, const Service& s);
// A list of the services' cards (references to env.cards).
mustache::data service_list(const RenderEnvironment& env, const std::vector<const Service*>& services);

}  // namespace og
