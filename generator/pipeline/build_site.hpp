// The whole pipeline in one call: a list of named steps (load, validate,
// templates, plan, print, freeze, index, render, export, write), each timed,
// in pipeline/build_site.cpp. The command-line tools, the preview server and
// the tests all come through here; the preview server passes a BuildCache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "core/diagnostic_format.hpp"
#include "core/timer.hpp"
#include "derive/urls.hpp"
#include "model/common.hpp"
#include "model/model.hpp"
#include "write/output.hpp"

namespace og {

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::filesystem::path templates_dir = "templates";
  std::optional<std::string> base_url;  // overrides site.yaml
  bool strict = false;                  // warnings count as errors
  unsigned jobs = 0;                    // 0: every core
  Date today;                           // for review-date warnings; empty: none
  bool documents = true;                // print the PDFs (build --no-documents: false)

  // The site's addresses: base_url, else site.yaml's.
  Urls urls(const Model& model) const { return Urls(base_url ? *base_url : model.site.base_url); }
};

struct BuildCache;

struct BuildResult {
  Diagnostics diagnostics;
  std::size_t pages = 0;      // HTML pages
  std::size_t documents = 0;  // PDFs and other documents
  std::size_t files = 0;      // everything written
  std::size_t bytes = 0;
  StageTimer timings;
  std::size_t rendered = 0;  // pages rendered, not taken from the cache
  bool ok() const { return !diagnostics.has_errors(); }
};

// Builds the site into `output`. When the content has errors, still renders
// the pages (into nothing) to find every problem, then stops before the
// export and the write. With `cache`, redoes only what changed since the
// build that filled it.
BuildResult run_pipeline(const BuildOptions& options, OutputSink& output, BuildCache* cache = nullptr);

// Builds into a staging folder beside `out_dir` and swaps it in only when the
// whole build succeeded. Throws std::runtime_error when the disk fails us.
BuildResult build_site(const BuildOptions& options, const std::filesystem::path& out_dir);

// Reads source lines from disk for diagnostics' excerpts.
SourceLineLookup disk_source_lookup();

// A folder as diagnostics name it: "content", "../other/templates".
std::string display_path(const std::filesystem::path& p);

}  // namespace og
