#include "pipeline/build_site.hpp"

#include <fstream>
#include <memory>
#include <vector>

#include "core/parallel.hpp"
#include "load/content_files.hpp"
#include "render/assets.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "render/page_renderer.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"
#include "validate/validate.hpp"
#include "pipeline/site_files.hpp"
#include "write/staged_directory.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

std::string display(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

void finish(BuildResult& result, const BuildOptions& options) {
  if (options.strict) result.diagnostics.promote_warnings();
  result.diagnostics.sort();
}

}  // namespace

BuildResult run_pipeline(const BuildOptions& options, OutputSink& output) {
  BuildResult result;
  Diagnostics& diagnostics = result.diagnostics;
  const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;

  // Each file is read, parsed and turned into the model on a worker thread,
  // and its text and YAML tree dropped at once: the model is all that stays.
  result.timings.start("load");
  Model model = load_model(options.content_dir, jobs, diagnostics);

  result.timings.start("validate");
  ValidateOptions vopts;
  vopts.today = options.today;
  finish_model(model, vopts, diagnostics);

  result.timings.start("templates");
  const std::string tdir = display(options.templates_dir);
  auto templates = TemplateSet::load(options.templates_dir, tdir, required_templates(), diagnostics);
  std::vector<Asset> assets = load_assets(options.templates_dir / "assets", tdir + "/assets", diagnostics);

  if (!templates) {
    result.timings.stop();
    finish(result, options);
    return result;
  }

  // Pages are rendered even when the content has errors, into nothing, so that
  // problems only rendering finds (Markdown headings, broken links) are
  // reported in the same run as the rest.
  const bool content_ok = !diagnostics.has_errors() && !(options.strict && !diagnostics.empty());
  NullOutput discard;
  OutputSink& sink = content_ok ? output : discard;

  result.timings.start("render");
  const std::vector<PlannedPage> pages = plan_pages(model);
  const RenderEnvironment env(model, Urls(options.base_url ? *options.base_url : model.site.base_url), assets, pages, jobs);
  std::vector<std::unique_ptr<PageRenderer>> renderers(std::max(1u, jobs));
  std::vector<Diagnostics> page_diagnostics(pages.size());
  parallel_for_workers(pages.size(), jobs, [&](std::size_t i, unsigned worker) {
    auto& renderer = renderers[worker];
    if (!renderer) renderer = std::make_unique<PageRenderer>(env, *templates);
    sink.write(pages[i].file, renderer->render(pages[i], page_diagnostics[i]));
  });
  for (const auto& d : page_diagnostics) diagnostics.append(d);
  if (!content_ok) {
    result.timings.stop();
    finish(result, options);
    return result;
  }
  result.pages = pages.size();

  result.timings.start("write");
  for (const auto& a : assets) output.write(a.route.substr(1), a.bytes);
  write_site_files(env, pages, output);
  output.finish();  // the pages still on their way to the disk
  result.timings.stop();

  result.files = output.files();
  result.bytes = output.bytes();
  finish(result, options);
  return result;
}

BuildResult build_site(const BuildOptions& options, const fs::path& out_dir) {
  StagedDirectory staged(out_dir);
  DiskOutput output(staged.path());
  BuildResult result = run_pipeline(options, output);
  if (result.ok()) {
    result.timings.start("swap");
    staged.commit();
    result.timings.stop();
  }
  return result;
}

SourceLineLookup disk_source_lookup() {
  return [](const std::string& path, int line) -> std::optional<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    for (int i = 1; std::getline(in, text); ++i) {
      if (i == line) {
        if (i == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        return text;
      }
    }
    return std::nullopt;
  };
}

}  // namespace og
