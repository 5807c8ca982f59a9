#include "pipeline/build_site.hpp"

#include <fstream>
#include <memory>
#include <vector>

#include "core/parallel.hpp"
#include "documents/downloads.hpp"
#include "load/content_files.hpp"
#include "pipeline/search_and_export.hpp"
#include "pipeline/site_files.hpp"
#include "print/print_module.hpp"
#include "render/assets.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "render/page_renderer.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"
#include "search/documents.hpp"
#include "search/index_builder.hpp"
#include "validate/validate.hpp"
#include "write/staged_directory.hpp"

namespace og {

namespace fs = std::filesystem;

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

namespace {

void finish(BuildResult& result, const BuildOptions& options) {
  if (options.strict) result.diagnostics.promote_warnings();
  result.diagnostics.sort();
}

}  // namespace

BuildMade::BuildMade() = default;
BuildMade::~BuildMade() = default;

BuildResult run_pipeline(const BuildOptions& options, OutputSink& output) {
  BuildResult result;
  Diagnostics& diagnostics = result.diagnostics;
  const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;

  // Each file is read, parsed and turned into the model on a worker thread,
  // and its text and YAML tree dropped at once: the model is all that stays.
  result.timings.start("load");
  auto made = std::make_shared<BuildMade>();
  Model& model = made->model;
  model = load_model(options.content_dir, jobs, diagnostics);

  result.timings.start("validate");
  ValidateOptions vopts;
  vopts.today = options.today;
  finish_model(model, vopts, diagnostics);

  result.timings.start("templates");
  const std::string tdir = display_path(options.templates_dir);
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
  const Urls urls(options.base_url ? *options.base_url : model.site.base_url);
  const std::vector<PlannedPage> pages = plan_pages(model);
  const std::vector<PlannedDocument> documents =
      options.documents ? plan_documents(model) : std::vector<PlannedDocument>{};
  made->env = std::make_unique<RenderEnvironment>(model, urls, assets, pages, jobs);
  RenderEnvironment& env = *made->env;
  render_service_cards(env, *templates, jobs);
  // The pages link to the search index's document table, which is named by
  // what the index is made of, so they can be rendered before it is made.
  std::vector<ServiceText> service_texts;
  if (content_ok) {
    env.search_index_route =
        search::table_route(search::document_digests(model, search::document_sources(model), jobs), model.terms);
    service_texts.resize(model.services.size());
    env.service_texts = &service_texts;
  }

  // The print stage is loaded only when there is something to print.
  std::shared_ptr<const FontLibrary> fonts;
  if (!documents.empty()) fonts = load_document_fonts(diagnostics);
  const PrintEnvironment print_env(model, urls, fonts);

  // Documents are printed alongside the pages that do not link to them; the
  // pages that do are rendered afterwards, so that "PDF, 84 KB" is the size
  // of the bytes actually written.
  // A build with no errors renders the service pages last, a block at a time
  // with the search index and the export (pipeline/search_and_export.hpp).
  std::vector<std::size_t> first_pages, second_pages;
  std::vector<std::size_t> service_pages(content_ok ? model.services.size() : 0, pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (content_ok && pages[i].kind == PageKind::service)
      service_pages[pages[i].index] = i;
    else
      (links_to_documents(pages[i].kind) ? second_pages : first_pages).push_back(i);
  }
  const std::size_t printable = fonts ? documents.size() : 0;
  std::vector<std::unique_ptr<PageRenderer>> renderers(std::max(1u, jobs));
  std::vector<std::unique_ptr<Printer>> printers(std::max(1u, jobs));
  std::vector<Diagnostics> page_diagnostics(pages.size());
  std::vector<Diagnostics> document_diagnostics(documents.size());
  std::vector<DownloadFacts> printed(documents.size());
  auto render_page = [&](std::size_t i, unsigned worker) {
    auto& renderer = renderers[worker];
    if (!renderer) renderer = std::make_unique<PageRenderer>(env, *templates);
    sink.write(pages[i].file, renderer->render(pages[i], page_diagnostics[i]));
  };
  // The site's other files (assets, sitemap, feed, robots.txt) are one more
  // item beside the documents and pages, the last.
  parallel_for_workers(printable + first_pages.size() + 1, jobs, [&](std::size_t i, unsigned worker) {
    if (i == printable + first_pages.size()) {
      for (const auto& a : assets) sink.write(a.route.substr(1), a.bytes);
      return write_site_files(env, pages, sink);
    }
    if (i >= printable) return render_page(first_pages[i - printable], worker);
    auto& printer = printers[worker];
    if (!printer) {
      std::string error;
      printer = print_module(error)->new_printer(print_env);  // loaded: there are fonts
    }
    PrintedDocument doc = printer->print(documents[i], document_diagnostics[i]);
    if (doc.bytes.empty()) return;
    printed[i] = {doc.bytes.size(), doc.pages};
    sink.write(documents[i].file, std::move(doc.bytes));
  });
  printers.clear();
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (printed[i].bytes > 0) env.downloads[documents[i].route] = printed[i];
  parallel_for_workers(second_pages.size(), jobs,
                       [&](std::size_t i, unsigned worker) { render_page(second_pages[i], worker); });

  if (content_ok) {
    // The lists are done, and a service's page shows no cards: they go
    // before the blocks of services need room.
    std::vector<mustache::data>().swap(env.cards);
    result.timings.start("services");
    const auto render_services = [&](std::size_t from, std::size_t to) {
      parallel_for_workers(to - from, jobs, [&](std::size_t k, unsigned worker) {
        if (service_pages[from + k] < pages.size()) render_page(service_pages[from + k], worker);
      });
    };
    write_search_and_export(model, urls, render_services, service_texts, env.search_index_route, output, jobs);
  }
  for (const auto& d : document_diagnostics) diagnostics.append(d);
  for (const auto& d : page_diagnostics) diagnostics.append(d);
  if (!content_ok || diagnostics.has_errors()) {
    result.timings.stop();
    finish(result, options);
    return result;
  }
  for (const auto& p : printed) result.documents += p.bytes > 0 ? 1 : 0;
  result.pages = pages.size();

  result.timings.start("write");
  output.finish();  // the files still on their way to the disk
  result.timings.stop();

  result.files = output.files();
  result.bytes = output.bytes();
  finish(result, options);
  result.made = std::move(made);
  return result;
}

BuildResult build_site(const BuildOptions& options, const fs::path& out_dir) {
  StagedDirectory staged(out_dir);
  try {
    DiskOutput output(staged.path(), staged.earlier_build());
    BuildResult result = run_pipeline(options, output);
    if (result.ok()) {
      result.timings.start("swap");
      output.remove_unwritten({StagedDirectory::kMarker});
      staged.commit();
      result.timings.stop();
    }
    return result;
  } catch (...) {
    staged.give_up();  // a folder that could not be written is not kept for the next build
    throw;
  }
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
