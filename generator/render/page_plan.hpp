// The list of pages a site has, decided from the model alone, before any
// rendering, with what each page reads (model/content_keys.hpp): the preview
// server renders a page again when one of those changed. A page builder that
// reads more than its plan says leaves the preview stale, and
// tests/e2e/serve_incremental_test.cpp fails.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/content_keys.hpp"
#include "model/model.hpp"

namespace og {

enum class PageKind {
  home,
  services,
  service,
  localities,
  locality,
  categories,
  category,
  glossary,
  page,
  not_found,
  pathways,
  pathway,
  strategy,
  strategy_part,
  young_people,
  young_people_page,
  plan_on_a_page,
  search,
  ages,
  age_band,
  levels,
  level
};

// Pages that link to a printable document, and so show its size: they are
// rendered after the documents are printed.
bool links_to_documents(PageKind kind);

struct PlannedPage {
  PageKind kind;
  std::size_t index = 0;  // into the model's vector for that kind
  std::string route;      // "/services/home-start/"
  std::string file;       // "services/home-start/index.html"
  std::vector<ContentKey> inputs;
};

std::vector<PlannedPage> plan_pages(const Model& model);

}  // namespace og
