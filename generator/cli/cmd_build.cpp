#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/parallel.hpp"
#include "pipeline/build_site.hpp"
#include "validate/formats.hpp"
#include "write/staged_directory.hpp"

namespace og::cli {

namespace fs = std::filesystem;

namespace {

struct BuildCommand {
  CommonOptions common;
  std::string out = "site";
  std::string base_url;
  bool strict = false;
  bool no_documents = false;
  bool quiet = false;
  bool timings = false;

  int run() const {
    auto options = make_build_options(common);
    if (!options) return usage_failure;
    if (!base_url.empty()) {
      std::string why;
      if (base_url.front() != '/' && !is_web_address(base_url, why)) {
        print_usage_error(
            "--base-url must be a web address such as https://example.org/offer/ or a path such as /offer/");
        return usage_failure;
      }
      options->base_url = base_url;
    }
    options->strict = strict;
    options->documents = !no_documents;
    std::error_code ec;
    const fs::path out_path = fs::absolute(out).lexically_normal();
    for (const std::string& input : {options->content_dir.string(), options->templates_dir.string()}) {
      const fs::path in = fs::absolute(input).lexically_normal();
      if (!fs::relative(in, out_path, ec).empty() && fs::relative(in, out_path, ec).begin()->string() != "..") {
        print_usage_error("the output folder '" + out + "' holds '" + input + "'; choose another --out");
        return usage_failure;
      }
    }
    if (!StagedDirectory::replaceable(out)) {
      print_usage_error("'" + out + "' is not empty and was not made by offergen; choose another --out or empty it");
      return usage_failure;
    }

    BuildResult result;
    try {
      result = build_site(*options, out);
    } catch (const std::exception& e) {
      print_usage_error(std::string("the build could not be written: ") + e.what());
      return content_errors;
    }
    print_diagnostics(result.diagnostics);
    if (timings) {
      std::fprintf(stderr,
                   "Stages, on %u threads (CPU: the time all of them spent; cores: CPU / wall time; peak: the most "
                   "memory held so far):\n",
                   options->jobs == 0 ? default_jobs() : options->jobs);
      for (const auto& s : result.timings.stages())
        std::fprintf(stderr, "  %-10s %8.1f ms  (CPU %.0f ms, %.1f cores, peak %.0f MB)\n", s.stage.c_str(),
                     s.milliseconds, s.cpu_milliseconds, s.milliseconds > 0 ? s.cpu_milliseconds / s.milliseconds : 0.0,
                     s.peak_megabytes);
    }
    if (!result.ok()) {
      std::cerr << "offergen: the build failed; '" << out << "' was left as it was\n";
      return content_errors;
    }
    if (!quiet) {
      std::printf("Built %zu pages and %zu documents (%zu files, %.1f MB) in %.2f s into %s/\n", result.pages,
                  result.documents, result.files, static_cast<double>(result.bytes) / 1e6,
                  result.timings.total_milliseconds() / 1000.0, out.c_str());
    }
    return success;
  }
};

}  // namespace

std::function<int()> add_build_command(CLI::App& app) {
  auto state = std::make_shared<BuildCommand>();
  CLI::App* cmd = app.add_subcommand("build", "Check the content and write the website");
  add_common_options(*cmd, state->common);
  cmd->add_option("--out,-o", state->out, "Folder to write the site to")->capture_default_str();
  cmd->add_option("--base-url", state->base_url,
                  "Address the site is published at, such as https://example.org/offer/ (overrides site.yaml)");
  cmd->add_flag("--strict", state->strict, "Treat warnings as errors");
  cmd->add_flag("--no-documents", state->no_documents,
                "Leave out the printable PDFs (and the pages' links to them): a quicker build of the pages");
  cmd->add_flag("--quiet,-q", state->quiet, "Print only problems");
  cmd->add_flag("--timings", state->timings, "Print the time each stage took");
  return [state] { return state->run(); };
}

}  // namespace og::cli
