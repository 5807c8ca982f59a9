// The service pages, the search index and the Open Referral UK export. The
// index and the export read the text of each service's Markdown without its
// markup, which the service's page works out from the same parse that renders
// it (RenderEnvironment::service_texts), so a build makes all three together,
// a block of services at a time, and never holds every service's plain text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "render/environment.hpp"
#include "render/urls.hpp"
#include "write/output.hpp"

namespace og {

// Renders the services' pages with `render_services(from, to)`, a block of
// services [from, to) at a time, which leave their plain text in `texts` (one
// per service; a service without one is parsed again); then indexes and
// exports the block, and lets its plain text go. Writes search/ and
// openreferral/services.json to `output` on up to `jobs` threads, the index's
// document table under `docs_route` (search::table_route(), which the pages
// link to).
void write_search_and_export(Model& model, const Urls& urls,
                             const std::function<void(std::size_t, std::size_t)>& render_services,
                             std::vector<ServiceText>& texts, const std::string& docs_route, OutputSink& output,
                             unsigned jobs);

}  // namespace og
