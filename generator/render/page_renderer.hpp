// Renders planned pages to HTML: the page builder's body inside the layout.
// One PageRenderer per worker thread; the environment is shared and read-only.
#pragma once

#include <functional>
#include <string>

#include "core/diagnostic.hpp"
#include "render/environment.hpp"
#include "render/page_data.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"

namespace og {

// The templates every site needs.
const std::vector<std::string>& required_templates();

// Sets env.cards: each service's card (service_card()) rendered with the card
// templates the templates have, on up to `jobs` threads: "service-card" into
// the card's "html" (the service lists) and, with `filterable` true, into its
// "filter_html" (the list the filters narrow, which alone needs each card's
// data-facets), and "area-card" into its "area_html" (an area's page). A list
// then copies each card instead of rendering it again. `cached(i)` gives a
// card made before for service i, or null. False, with an error, when a card
// template stopped at the render limits (mustache::RenderLimits).
bool make_service_cards(RenderEnvironment& env, const TemplateSet& templates, unsigned jobs, Diagnostics& diagnostics,
                        const std::function<std::shared_ptr<mustache::data>(std::size_t)>& cached = {});

class PageRenderer {
 public:
  PageRenderer(const RenderEnvironment& env, const TemplateSet& templates);
  std::string render(const PlannedPage& page, Diagnostics& diagnostics);
  // The body template the last render() used ("service"), for the preview
  // server's dependency map.
  const std::string& last_template() const { return last_template_; }

 private:
  PageData build(const PlannedPage& page, Diagnostics& diagnostics);
  void add_frame(const PlannedPage& page, PageData& data);
  // Which of sections_ a page is in (sections_.size(): none).
  std::size_t current_section(const std::string& route) const;

  const RenderEnvironment& env_;
  CompiledTemplates templates_;
  mustache::data footer_nav_;
  mustache::data assets_, colours_;
  std::string tracks_route_;           // the covering-your-tracks page's, "" without one
  std::vector<std::string> sections_;  // the main navigation's routes
  std::vector<mustache::data> navs_;   // with sections_[i] current, and with none
  std::string last_template_;
};

}  // namespace og
