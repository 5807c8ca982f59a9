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
//   template:<name>                        a page template (and its partials)
//   <kind>:*                               "every <kind>": a page that lists,
//                                          counts or compares all of them
//
// and the global keys below, which every output reads. A change names the
// keys it touched (LiveSite::apply() in serve/), and an output is rebuilt
// when one of its keys is among them. Keys are kept as 64-bit hashes of
// those names: a site of 10,000 services has some 60,000 of them, and
// comparing numbers keeps an edit's rebuild within milliseconds (two names
// with the same hash would only rebuild a page that did not need it). The keys of a page come from the same
// environment indexes the page builders use (services_by_category and so on),
// and tests/e2e/serve_incremental_test.cpp checks, edit by edit, that an
// incremental rebuild gives byte for byte what a full build gives, so that
// this map and the page builders cannot drift apart.
//
// Adding a page kind: list what its builder reads in page_dependencies().
// Adding a stage with outputs of its own (a search index, PDFs): give each
// output its keys the same way (a function beside the stage, from the same
// indexes the stage renders from), and have the preview server's LiveSite
// rebuild the outputs whose keys changed (see docs/architecture.md, "How the preview
// server rebuilds only what changed").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "documents/downloads.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"

namespace og {

using ContentKey = std::uint64_t;

namespace keys {

// The key "<kind>:<id>"; every("service") is "service:*".
ContentKey of(std::string_view kind, std::string_view id);
ContentKey every(std::string_view kind);

// Every output reads these: site.yaml (titles, colours, categories, levels),
// the footer navigation (the titles and order of free pages with 'nav'), the
// layout template, and the assets (their hashed names are in every page).
ContentKey site();
ContentKey nav();
ContentKey layout();
ContentKey assets();
bool is_global(ContentKey key);

// What was written for a printable document ("download:/downloads/x.pdf"):
// pages that link to it show its size and number of pages.
ContentKey download(std::string_view route);

}  // namespace keys

// What a change touched.
class ChangedKeys {
 public:
  // "<kind>:<id>" changed, and so did "<kind>:*" (every <kind>).
  void add(std::string_view kind, std::string_view id);
  // A key with no kind, such as keys::nav() or "glossary".
  void add(ContentKey key);
  bool everything() const;  // a global key changed
  bool empty() const { return keys_.empty(); }
  // Whether an output that reads `reads` is affected.
  bool affects(const std::vector<ContentKey>& reads) const;

 private:
  std::vector<ContentKey> keys_;
};

// keys::of("service", id) of every service, in the model's order. The
// functions below use RenderEnvironment::service_keys when it holds them
// (the preview server keeps them from one edit to the next) and work them
// out otherwise.
std::vector<ContentKey> service_keys(const Model& model);

// The keys each planned page reads, in the order of `pages`, worked out on up
// to `jobs` threads; with `only`, for the pages i where (*only)[i] is true,
// and left empty for the others.
std::vector<std::vector<ContentKey>> page_dependencies(const RenderEnvironment& env,
                                                       const std::vector<PlannedPage>& pages, unsigned jobs = 1,
                                                       const std::vector<bool>* only = nullptr);

// The keys each printable document reads, in the order of `documents`
// (documents/downloads.hpp). The pages that link to a document read
// keys::download(route): its size and number of pages.
std::vector<std::vector<ContentKey>> document_dependencies(const RenderEnvironment& env,
                                                           const std::vector<PlannedDocument>& documents);

}  // namespace og
