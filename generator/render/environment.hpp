// What every page builder may read while rendering: the frozen model, the URLs,
// the asset links and the set of routes for link checks. Shared by all threads,
// never written after construction.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "render/assets.hpp"
#include "render/markdown.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"

namespace og {

struct RenderEnvironment {
  RenderEnvironment(const Model& model, Urls urls, const std::vector<Asset>& assets,
                    const std::vector<PlannedPage>& pages);

  const Model& model;
  Urls urls;
  std::map<std::string, std::string> asset_links;  // "style_css" -> "/offer/assets/style.1a2b.css"
  std::set<std::string, std::less<>> routes;       // every page's route, for link checks
  // Services in each locality and category, in the model's order.
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_locality;
  std::map<std::string, std::vector<const Service*>, std::less<>> services_by_category;
  // The pathways each service is a step of, in the model's order.
  std::map<std::string, std::vector<const Pathway*>, std::less<>> pathways_by_service;

  std::string link(std::string_view route) const { return urls.link(route); }
  // Markdown rendered with the site's settings, headings starting at `heading_base`.
  std::string markdown(const Markdown& md, int heading_base, Diagnostics& diagnostics) const;
};

// Sets `key` to `value`, or to false when `value` is empty: Mustache (ours,
// like kainjow before it) treats an empty string as true in {{#section}}s.
void put(mustache::data& d, const std::string& key, const std::string& value);

// Small shared pieces of page data.
mustache::data link_item(const std::string& title, const std::string& url);
std::string age_range_text(const Service& s);            // "Ages 11 to 17"
std::string localities_text(const RenderEnvironment& env, const Service& s);  // "All areas"
mustache::data service_card(const RenderEnvironment& env, const Service& s);
mustache::data service_list(const RenderEnvironment& env, const std::vector<const Service*>& services);

}  // namespace og
