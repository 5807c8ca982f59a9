// The whole pipeline in one call: load -> validate -> model -> render -> write.
// The command-line tools, the preview server and the tests all come through here.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "core/diagnostic_format.hpp"
#include "core/timer.hpp"
#include "model/common.hpp"
#include "model/model.hpp"
#include "write/output.hpp"

namespace og {

struct RenderEnvironment;

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::filesystem::path templates_dir = "templates";
  std::optional<std::string> base_url;  // overrides site.yaml
  bool strict = false;                  // warnings count as errors
  unsigned jobs = 0;                    // 0: every core
  Date today;                           // for review-date warnings; empty: none
  bool documents = true;                // print the PDFs (build --no-documents: false)
};

// The biggest things a build makes: the model, and the environment the pages
// were rendered in (its lists and maps of every service).
struct BuildMade {
  BuildMade();
  ~BuildMade();
  Model model;
  std::unique_ptr<RenderEnvironment> env;
};

struct BuildResult {
  Diagnostics diagnostics;
  std::size_t pages = 0;      // HTML pages
  std::size_t documents = 0;  // PDFs and other documents
  std::size_t files = 0;      // everything written
  std::size_t bytes = 0;
  StageTimer timings;
  // What a successful build made, freed with the result.
  std::shared_ptr<BuildMade> made;
  bool ok() const { return !diagnostics.has_errors(); }
};

// Renders the site into `output`. Stops before rendering when the content has
// errors, and reports every problem found up to that point.
BuildResult run_pipeline(const BuildOptions& options, OutputSink& output);

// Builds into a staging folder beside `out_dir` and swaps it in only when the
// whole build succeeded. Throws std::runtime_error when the disk fails us.
BuildResult build_site(const BuildOptions& options, const std::filesystem::path& out_dir);

// Reads source lines from disk for diagnostics' excerpts.
SourceLineLookup disk_source_lookup();

// A folder as diagnostics name it: "content", "../other/templates".
std::string display_path(const std::filesystem::path& p);

}  // namespace og
