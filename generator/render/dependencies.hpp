// What each output of a build reads from the content: the dependency map
// that lets the preview server (serve/live_site.hpp) rebuild only what a
// change affects.
//
// The vocabulary is a set of content keys, one per piece of content a change
// can touch:
//
//   service:<id>  locality:<id>  pathway:<id>  strategy:<id>
//   young-people:<id>  page:<id>          one file in a content folder
//   glossary  figures  plan-on-a-page      the single files
//   template:<name>                        a page template (partials inlined)
//   <kind>:*                               "every <kind>": a page that lists,
//                                          counts or compares all of them
//
// and the global keys below, which every output reads. A change names the
// keys it touched (changed_keys() in serve/), and an output is rebuilt when
// one of its keys is among them. The keys of a page come from the same
// environment indexes the page builders use (services_by_category and so on),
// and tests/e2e/serve_incremental_test.cpp checks, edit by edit, that an
// incremental rebuild gives byte for byte what a full build gives, so that
// this map and the page builders cannot drift apart.
//
// Adding a page kind: list what its builder reads in page_dependencies().
// Adding a stage with outputs of its own (a search index, PDFs): give each
// output its keys the same way (a function beside the stage, from the same
// indexes the stage renders from), and have the preview server's LiveSite
// rebuild the outputs whose keys changed (see the README, "How the preview
// server rebuilds only what changed").
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/environment.hpp"
#include "render/page_plan.hpp"

namespace og {

namespace keys {

// Every output reads these: site.yaml (titles, colours, categories, levels),
// the footer navigation (the titles and order of free pages with 'nav'), the
// layout template, and the assets (their hashed names are in every page).
inline constexpr std::string_view site = "site";
inline constexpr std::string_view nav = "nav";
inline constexpr std::string_view layout = "template:layout";
inline constexpr std::string_view assets = "assets";
bool is_global(std::string_view key);

inline std::string of(std::string_view kind, std::string_view id) {
  return std::string(kind) + ":" + std::string(id);
}
inline std::string every(std::string_view kind) { return std::string(kind) + ":*"; }

}  // namespace keys

// The keys each planned page reads, in the order of `pages`.
std::vector<std::vector<std::string>> page_dependencies(const RenderEnvironment& env,
                                                        const std::vector<PlannedPage>& pages);

// Whether an output with dependencies `reads` is affected by `changed`
// ("service:x" also matches an output that reads "service:*").
bool reads_any(const std::vector<std::string>& reads, const std::set<std::string, std::less<>>& changed);

}  // namespace og
