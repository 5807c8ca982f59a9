// The search index and the Open Referral UK export: both read the text of
// every service's Markdown without its markup, so a build makes them
// together, a block of services at a time.
#pragma once

#include <string>

#include "model/model.hpp"
#include "render/urls.hpp"
#include "write/output.hpp"

namespace og {

// Writes search/ and openreferral/services.json to `output` on up to `jobs`
// threads; returns the address of the index's document table. Each block's
// plain text (Markdown::plain) is worked out once, read by both, and let go
// before the next block, so the build never holds all of it.
std::string write_search_and_export(Model& model, const Urls& urls, OutputSink& output, unsigned jobs);

}  // namespace og
