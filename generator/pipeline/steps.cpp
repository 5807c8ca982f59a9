#include "pipeline/steps.hpp"

#include "core/hash.hpp"
#include "core/parallel.hpp"
#include "export/open_referral.hpp"
#include "load/content_files.hpp"
#include "pipeline/site_files.hpp"
#include "print/printing.hpp"
#include "render/page_renderer.hpp"
#include "search/documents.hpp"
#include "search/index_builder.hpp"
#include "validate/validate.hpp"

namespace og {

Build::Build(const BuildOptions& o, OutputSink& out, BuildCache* c, BuildResult& r)
    : options(o),
      jobs(o.jobs == 0 ? default_jobs() : o.jobs),
      cache(c),
      result(r),
      diagnostics(r.diagnostics),
      shared_model(std::make_shared<Model>()),
      model(*shared_model),
      output_(out) {}

bool Build::content_ok() const {
  return !diagnostics.has_errors() && !(options.strict && !diagnostics.empty());
}

OutputSink& Build::output() {
  return content_ok() ? output_ : discard_;
}

bool load_step(Build& b) {
  // Each file is read, parsed and turned into the model on a worker thread,
  // and its text and YAML tree dropped at once: the model is all that stays.
  *b.shared_model = load_model(b.options.content_dir, b.jobs, b.diagnostics, b.cache ? &b.cache->load : nullptr);
  return true;
}

bool validate_step(Build& b) {
  ValidateOptions options;
  options.today = b.options.today;
  finish_model(*b.shared_model, options, b.diagnostics);
  return true;
}

bool templates_step(Build& b) {
  const std::string dir = display_path(b.options.templates_dir);
  b.templates = TemplateSet::load(b.options.templates_dir, dir, required_templates(), b.diagnostics);
  b.assets = load_assets(b.options.templates_dir / "assets", dir + "/assets", b.diagnostics);
  b.assets.push_back(theme_asset(b.model.site, b.options.urls(b.model).origin()));
  return b.templates.has_value();
}

bool plan_step(Build& b) {
  b.pages = plan_pages(b.model);
  if (b.options.documents) b.documents = plan_documents(b.model);
  if (!b.cache) return true;
  b.digests = InputDigests(b.cache->load, b.model, b.pages, b.options.urls(b.model), b.assets, *b.templates);
  // A service's card, record and search document read the service and its areas' names.
  for (const auto& s : b.model.services)
    b.service_digests.push_back(b.digests.of({keys::of("service", s.id), keys::every("locality")}));
  return true;
}

namespace {

// Each service's Markdown, parsed once for its page, the index and the export.
ServiceTexts service_texts(Build& b, const RenderEnvironment& env) {
  const MarkdownOptions options = env.markdown_options(3);
  ServiceTexts texts(b.model.services.size());
  std::vector<std::uint64_t> digests(texts.size());
  parallel_for(texts.size(), b.jobs, [&](std::size_t i) {
    const Service& s = b.model.services[i];
    if (b.cache) {
      // Its file and the links it may check (site() holds the set of pages).
      digests[i] = b.digests.of({keys::of("service", s.id)});
      if (const auto* text = b.cache->texts.find(s.id, digests[i])) {
        texts[i] = *text;
        return;
      }
    }
    texts[i] = std::make_shared<const ServiceText>(service_text(s, options));
  });
  if (b.cache) b.cache->texts.keep(b.model, digests, texts);
  for (const auto& t : texts) b.diagnostics.append(t->diagnostics);
  return texts;
}

}  // namespace

bool freeze_step(Build& b) {
  b.env = std::make_unique<RenderEnvironment>(b.model, b.options.urls(b.model), b.assets, b.pages);
  RenderEnvironment& env = *b.env;
  env.downloads = std::move(b.downloads);
  env.texts = service_texts(b, env);
  if (!b.cache) {
    make_service_cards(env, *b.templates, b.jobs, b.diagnostics);
    return true;
  }
  const bool whole = make_service_cards(env, *b.templates, b.jobs, b.diagnostics, [&](std::size_t i) {
    const auto* card = b.cache->cards.find(b.model.services[i].id, b.service_digests[i]);
    return card ? *card : nullptr;
  });
  // Cards cut short are not kept: the next build would take them without their error.
  if (whole) b.cache->cards.keep(b.model, b.service_digests, env.cards);
  return true;
}

namespace {

// Prints every planned document on every core (a build).
void print_all(Build& b) {
  if (b.documents.empty()) return;
  std::shared_ptr<const FontLibrary> fonts = load_document_fonts(b.diagnostics);
  if (!fonts) return;
  const PrintEnvironment env(b.model, b.options.urls(b.model), fonts);
  std::vector<std::unique_ptr<Printer>> printers(std::max(1u, b.jobs));
  std::vector<Diagnostics> diagnostics(b.documents.size());
  std::vector<DownloadFacts> facts(b.documents.size());
  parallel_for_workers(b.documents.size(), b.jobs, [&](std::size_t i, unsigned worker) {
    auto& printer = printers[worker];
    if (!printer) printer = std::make_unique<Printer>(env);
    PrintedDocument doc = printer->print(b.documents[i], diagnostics[i]);
    if (doc.bytes.empty()) return;
    facts[i] = {doc.bytes.size(), doc.pages};
    b.output().write(b.documents[i].file, std::move(doc.bytes));
  });
  for (std::size_t i = 0; i < b.documents.size(); ++i) {
    b.diagnostics.append(diagnostics[i]);
    if (facts[i].bytes == 0) continue;
    b.downloads[b.documents[i].route] = facts[i];
    ++b.result.documents;
  }
}

// The last print of each document (the preview server prints them in the
// background, serve/live_site.hpp), and which are stale.
void take_printed(Build& b) {
  BuildCache& cache = *b.cache;
  if (!b.documents.empty() && !cache.fonts && cache.font_diagnostics.empty())
    cache.fonts = load_document_fonts(cache.font_diagnostics);
  b.diagnostics.append(cache.font_diagnostics);
  cache.document_digests.clear();
  if (cache.printed.size() > b.documents.size()) {  // documents the site no longer has
    decltype(cache.printed) kept;
    for (const auto& doc : b.documents)
      if (auto it = cache.printed.find(doc.route); it != cache.printed.end()) kept.insert(cache.printed.extract(it));
    cache.printed = std::move(kept);
  }
  for (const auto& doc : b.documents) {
    cache.document_digests.push_back(b.digests.of(doc.inputs));
    auto it = cache.printed.find(doc.route);
    if (it == cache.printed.end()) continue;
    const CachedDocument& printed = it->second.value;
    b.diagnostics.append(printed.diagnostics);
    if (!printed.bytes) continue;
    b.downloads[doc.route] = printed.facts;
    b.output().write_shared(doc.file, printed.bytes);
  }
}

}  // namespace

bool print_step(Build& b) {
  if (b.cache)
    take_printed(b);
  else
    print_all(b);
  if (b.cache) b.digests.add_downloads(b.downloads);
  return true;
}

namespace {

// What a search document reads: its file, and a service its areas' names too
// (and every document the site as a whole, site()).
std::uint64_t search_digest(const Build& b, const search::DocumentSource& source) {
  const Model& m = b.model;
  switch (source.kind) {
    case 's':
      return b.service_digests[source.index];
    case 'p':
      return b.digests.of({keys::of("pathway", m.pathways[source.index].id)});
    case 'y':
      return b.digests.of({keys::of("young-people", m.young_people[source.index].id)});
    case 'g':
      return b.digests.of({keys::of("strategy", m.strategy[source.index].id)});
    case 'l':
      return b.digests.of({keys::of("locality", m.localities[source.index].id)});
    case 'f':
      return b.digests.of({keys::of("page", m.pages[source.index].id)});
    default:  // 't'
      return b.digests.of({keys::of("glossary", "")});
  }
}

}  // namespace

bool index_step(Build& b) {
  if (!b.content_ok()) return true;
  const Model& m = b.model;
  if (!b.cache) {
    search::SearchIndexBuilder index(m.terms, false);
    index.add_all(m, b.env->texts, b.jobs);
    for (auto& f : std::move(index).take_files().files) b.output().write(std::move(f.path), std::move(f.bytes));
    return true;
  }
  // The preview: the documents whose digest changed are indexed again, or all
  // of them when the glossary's synonyms or the documents' order changed.
  BuildCache& cache = *b.cache;
  const std::vector<search::DocumentSource> sources = search::document_sources(m);
  std::vector<std::uint64_t> digests;
  for (const auto& source : sources) digests.push_back(search_digest(b, source));
  const std::uint64_t terms = b.digests.of(keys::of("glossary", ""));
  bool same = cache.search && cache.search_terms == terms && cache.search_digests.size() == digests.size();
  for (std::size_t i = 0; same && i < sources.size(); ++i)
    same = sources[i].kind == (i < cache.search_kinds.size() ? cache.search_kinds[i] : 0);
  if (!same) {
    cache.search = std::make_unique<search::SearchIndexBuilder>(m.terms, true);
    cache.search->add_all(m, b.env->texts, b.jobs);
  } else {
    for (std::size_t i = 0; i < sources.size(); ++i)
      if (digests[i] != cache.search_digests[i])
        cache.search->replace(i, search::make_document(m, b.env->texts, sources[i]));
  }
  cache.search_digests = std::move(digests);
  cache.search_terms = terms;
  cache.search_kinds.clear();
  for (const auto& source : sources) cache.search_kinds.push_back(source.kind);
  for (const auto& f : cache.search->shared_files()) b.output().write_shared(f.path, f.bytes);
  return true;
}

namespace {

// The pages (all of them, or those the cache has not) on every core.
void render_pages(Build& b, const std::vector<std::size_t>& which, std::vector<CachedPage>& made) {
  std::vector<std::unique_ptr<PageRenderer>> renderers(std::max(1u, b.jobs));
  made.assign(which.size(), {});
  parallel_for_workers(which.size(), b.jobs, [&](std::size_t k, unsigned worker) {
    auto& renderer = renderers[worker];
    if (!renderer) renderer = std::make_unique<PageRenderer>(*b.env, *b.templates);
    const PlannedPage& page = b.pages[which[k]];
    std::string html = renderer->render(page, made[k].diagnostics);
    made[k].template_name = renderer->last_template();
    if (b.cache)
      made[k].bytes = std::make_shared<const std::string>(std::move(html));
    else
      b.output().write(page.file, std::move(html));
  });
}

}  // namespace

bool render_step(Build& b) {
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < b.pages.size(); ++i) {
    if (b.cache) {
      auto it = b.cache->pages.find(b.pages[i].file);
      if (it != b.cache->pages.end() &&
          it->second.digest == b.digests.page(b.pages[i].inputs, it->second.value.template_name))
        continue;
    }
    which.push_back(i);
  }
  std::vector<CachedPage> made;
  render_pages(b, which, made);
  b.result.rendered = which.size();
  b.result.pages = b.pages.size();
  if (b.cache) {
    for (std::size_t k = 0; k < which.size(); ++k) {
      const PlannedPage& page = b.pages[which[k]];
      b.cache->pages[page.file] = {b.digests.page(page.inputs, made[k].template_name), std::move(made[k])};
    }
    for (const auto& page : b.pages) {
      const CachedPage& p = b.cache->pages.at(page.file).value;
      b.diagnostics.append(p.diagnostics);
      b.output().write_shared(page.file, p.bytes);
    }
    if (b.cache->pages.size() > b.pages.size()) {  // pages the site no longer has
      decltype(b.cache->pages) kept;
      for (const auto& page : b.pages) kept.insert(b.cache->pages.extract(page.file));
      b.cache->pages = std::move(kept);
    }
  } else {
    for (const auto& page : made) b.diagnostics.append(page.diagnostics);
  }
  for (const auto& a : b.assets) b.output().write(a.route.substr(1), a.bytes);
  write_site_files(*b.env, b.pages, b.output());
  return b.content_ok();
}

bool export_step(Build& b) {
  const Model& m = b.model;
  const Urls& urls = b.env->urls;
  const ServiceTexts& texts = b.env->texts;
  auto make = [&](std::size_t i) {
    const ServiceText& t = *texts[i];
    return std::make_shared<const std::string>(
        open_referral_record(m, urls, m.services[i], {t.description.plain, t.how_to_access.plain}));
  };
  if (!b.cache) {
    write_open_referral(m, make, b.output(), b.jobs);
    return true;
  }
  // The preview: the records of the services whose digest changed.
  std::vector<SharedBytes> records(m.services.size());
  parallel_for(records.size(), b.jobs, [&](std::size_t i) {
    const SharedBytes* record = b.cache->records.find(m.services[i].id, b.service_digests[i]);
    records[i] = record ? *record : make(i);
  });
  b.cache->records.keep(m, b.service_digests, records);
  write_open_referral(m, records, b.output());
  return true;
}

bool write_step(Build& b) {
  b.output().finish();  // the files still on their way to the disk
  return true;
}

}  // namespace og
