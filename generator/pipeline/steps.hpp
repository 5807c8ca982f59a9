// The steps of a build, in the order run_pipeline() (pipeline/build_site.cpp)
// runs them, and what they hand on to each other: a Build. Each step reads
// what the steps before it made and adds its own; after `validate` the model
// is only read, and after `freeze` so is everything computed from it.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "documents/downloads.hpp"
#include "pipeline/build_cache.hpp"
#include "pipeline/build_site.hpp"
#include "pipeline/digests.hpp"
#include "render/assets.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"

namespace og {

struct Build {
  Build(const BuildOptions& options, OutputSink& output, BuildCache* cache, BuildResult& result);

  const BuildOptions& options;
  const unsigned jobs;
  BuildCache* const cache;  // the preview server's, or null
  BuildResult& result;
  Diagnostics& diagnostics;

  std::shared_ptr<Model> shared_model;  // load, validate
  // The model as every step after `validate` sees it: read only. Only
  // load_step() and validate_step() write it, through shared_model.
  const Model& model;
  std::optional<TemplateSet> templates;  // templates
  std::vector<Asset> assets;
  std::vector<PlannedPage> pages;  // plan
  std::vector<PlannedDocument> documents;
  InputDigests digests;                        // plan, with a cache
  std::vector<std::uint64_t> service_digests;  // plan: what each service's card, record and search document read
  std::map<std::string, DownloadFacts, std::less<>> downloads;  // print
  std::unique_ptr<RenderEnvironment> env;                       // freeze: lists, cards, each service's text

  // Where the files go: nowhere while the content has errors (the pages are
  // still rendered, for the problems only rendering finds).
  OutputSink& output();
  bool content_ok() const;

 private:
  OutputSink& output_;
  NullOutput discard_;
};

// Each returns false when the build cannot go on.
bool load_step(Build& b);       // each content file into the model
bool validate_step(Build& b);   // sorted, indexed, cross-references and lints
bool templates_step(Build& b);  // the templates and assets
bool plan_step(Build& b);       // the pages and documents, with what each reads
bool print_step(Build& b);      // downloads/*.pdf
bool freeze_step(Build& b);     // each service's text and card, the lists
bool index_step(Build& b);      // search/
bool render_step(Build& b);     // the pages, sitemap.xml, feed.xml, robots.txt, the assets
bool export_step(Build& b);     // openreferral/
bool write_step(Build& b);      // everything on the disk

}  // namespace og
