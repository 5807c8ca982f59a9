// What a page builder hands to the layout: the body template and its data,
// and the facts the layout needs (title, breadcrumbs, whether it is sensitive).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/age_band.hpp"
#include "render/environment.hpp"

namespace og {

struct PageData {
  std::string template_name;
  mustache::data data;
  std::string title;                                             // <title> and <h1>
  std::string description;                                       // <meta name="description">
  std::vector<std::pair<std::string, std::string>> breadcrumbs;  // (title, route), home first
  bool sensitive = false;                                        // shows "exit this page"
  bool step_by_step = false;                                     // loads the step-by-step script (show and hide steps)
};

PageData home_page(const RenderEnvironment& env, Diagnostics& diagnostics);
PageData free_page(const RenderEnvironment& env, const Page& page, Diagnostics& diagnostics);
PageData not_found_page(const RenderEnvironment& env);
PageData services_index_page(const RenderEnvironment& env);
PageData service_page(const RenderEnvironment& env, const Service& service, Diagnostics& diagnostics);
PageData localities_index_page(const RenderEnvironment& env);
PageData locality_page(const RenderEnvironment& env, const Locality& locality, Diagnostics& diagnostics);
PageData categories_index_page(const RenderEnvironment& env);
PageData category_page(const RenderEnvironment& env, const Category& category);
PageData glossary_page(const RenderEnvironment& env);
PageData pathways_index_page(const RenderEnvironment& env, Diagnostics& diagnostics);
PageData pathway_page(const RenderEnvironment& env, const Pathway& pathway, Diagnostics& diagnostics);
PageData strategy_index_page(const RenderEnvironment& env, Diagnostics& diagnostics);
PageData strategy_part_page(const RenderEnvironment& env, const StrategyPart& part, Diagnostics& diagnostics);
PageData young_people_index_page(const RenderEnvironment& env, Diagnostics& diagnostics);
PageData plan_on_a_page_page(const RenderEnvironment& env, Diagnostics& diagnostics);
PageData young_people_page(const RenderEnvironment& env, const YoungPeoplePage& page, Diagnostics& diagnostics);
PageData search_page(const RenderEnvironment& env);
PageData ages_index_page(const RenderEnvironment& env);
PageData age_band_page(const RenderEnvironment& env, const AgeBand& band);
PageData levels_index_page(const RenderEnvironment& env);
PageData level_page(const RenderEnvironment& env, const Level& level);
// The filter form's choices (areas, topics, levels), shared by the services index and the search page.
mustache::data filter_choices(const RenderEnvironment& env);

}  // namespace og
