#include "serve/live_site.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>

#include "core/parallel.hpp"
#include "core/timer.hpp"
#include "export/open_referral.hpp"
#include "pipeline/site_files.hpp"
#include "print/print_module.hpp"
#include "render/dependencies.hpp"
#include "render/page_renderer.hpp"
#include "render/urls.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

using Rendered = RenderedFiles;

// site.yaml's files (robots.txt, sitemap.xml) into the list of outputs.
class CollectOutput : public OutputSink {
 public:
  explicit CollectOutput(Rendered& out) : out_(out) {}
  void write(std::string_view path, std::string_view bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    out_.emplace_back(std::string(path), std::make_shared<const std::string>(bytes));
    count(bytes.size());
  }

 private:
  Rendered& out_;
  std::mutex mutex_;
};

bool under(const fs::path& path, const fs::path& dir) {
  const fs::path rel = path.lexically_normal().lexically_relative(dir.lexically_normal());
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

// The content keys a changed file touches (render/dependencies.hpp).
void add_key(ChangedKeys& changed, const ContentFile& f) {
  switch (f.slot) {
    case ContentSlot::services:
      changed.add("service", f.id());
      break;
    case ContentSlot::localities:
      changed.add("locality", f.id());
      break;
    case ContentSlot::pages:
      changed.add("page", f.id());
      break;
    case ContentSlot::pathways:
      changed.add("pathway", f.id());
      break;
    case ContentSlot::strategy:
      changed.add("strategy", f.id());
      break;
    case ContentSlot::young_people:
      changed.add("young-people", f.id());
      break;
    case ContentSlot::glossary:
      changed.add(keys::of("glossary", ""));
      break;
    case ContentSlot::figures:
      changed.add(keys::of("figures", ""));
      break;
    case ContentSlot::plan_on_a_page:
      changed.add(keys::of("plan-on-a-page", ""));
      break;
    case ContentSlot::site:
      changed.add(keys::site());
      break;
  }
}

// Whether two services are in the same areas' and topics' lists.
bool same_lists(const Service& a, const Service& b) {
  auto same_ids = [](const std::vector<Ref>& x, const std::vector<Ref>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Ref& p, const Ref& q) { return p.id == q.id; });
  };
  return a.all_localities == b.all_localities && same_ids(a.localities, b.localities) &&
         same_ids(a.categories, b.categories);
}

// The pages that list services' cards: long on a large site.
bool lists_service_cards(PageKind kind) {
  return kind == PageKind::services || kind == PageKind::category || kind == PageKind::locality ||
         kind == PageKind::age_band || kind == PageKind::level;
}

template <typename T>
T* find_by_id(std::vector<T>& items, const std::string& id) {
  for (auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

}  // namespace

bool LiveSite::load_templates(Diagnostics& diagnostics) {
  const std::string tdir = display_path(options_.templates_dir);
  auto templates = TemplateSet::load(options_.templates_dir, tdir, required_templates(), diagnostics);
  std::vector<Asset> assets = load_assets(options_.templates_dir / "assets", tdir + "/assets", diagnostics);
  if (!templates) return false;
  templates_ = std::move(templates);
  assets_ = std::move(assets);
  return true;
}

void LiveSite::release_retired() {
  retired_env_.reset();
  retired_files_.clear();
  retired_records_.reset();
}

RebuildReport LiveSite::build_all() {
  render_deferred();  // a page left deferred would keep a browser waiting if this build fails
  const auto start = std::chrono::steady_clock::now();
  RebuildReport report;
  report.full = true;
  report.timings.start("load");
  stop_background_print();  // its document's number may mean another document
  env_.reset();             // it refers to the model about to be replaced
  release_retired();
  scan_diagnostics_ = {};
  files_.clear();
  std::vector<LoadedFile> loaded;
  model_ = load_model(options_.content_dir, jobs_, scan_diagnostics_, &loaded);
  for (auto& f : loaded) {
    std::string key = f.file.display;
    files_.insert_or_assign(std::move(key), std::move(f));
  }
  report.timings.start("validate");
  order_model(model_);
  check_model(nullptr);
  report.timings.start("templates");
  template_diagnostics_ = {};
  page_state_.clear();
  pages_.clear();
  if (!load_templates(template_diagnostics_)) {
    publish_all_pending_ = true;
    report.milliseconds = milliseconds_since(start);
    return finish(std::move(report), {}, false);
  }
  report.timings.start("search");
  pages_ = plan_pages(model_);
  const Urls urls(options_.base_url ? *options_.base_url : model_.site.base_url);
  env_ = std::make_unique<RenderEnvironment>(model_, urls, assets_, pages_, jobs_);
  env_->service_keys = service_keys(model_);
  render_service_cards(*env_, *templates_, jobs_);
  index_for_search(nullptr);
  env_->search_index_route = search_route_;

  // Documents are printed after the pages (print_stale_documents() or in the
  // background): until then the pages have no download links.
  documents_ = plan_documents(model_);
  font_diagnostics_ = {};
  if (!documents_.empty() && !fonts_) fonts_ = load_document_fonts(font_diagnostics_);
  downloads_.clear();
  download_changes_ = {};
  env_->downloads = downloads_;
  document_state_.assign(documents_.size(), {});
  {
    auto reads = document_dependencies(*env_, documents_);
    for (std::size_t i = 0; i < documents_.size(); ++i) document_state_[i].reads = std::move(reads[i]);
  }

  report.timings.start("render");
  Rendered rendered;
  std::vector<std::vector<ContentKey>> reads = page_dependencies(*env_, pages_, jobs_);
  render_pages(nullptr, &reads, rendered);
  report.rendered = pages_.size();
  for (const auto& a : assets_) rendered.emplace_back(a.route.substr(1), std::make_shared<const std::string>(a.bytes));
  report.timings.start("exports");
  make_records(nullptr);
  robots_ = std::make_shared<const std::string>(robots_txt(*env_));
  sitemap_ = env_->urls.has_origin() ? std::make_shared<const std::string>(sitemap_xml(*env_, pages_)) : nullptr;
  feed_ = env_->urls.has_origin() ? std::make_shared<const std::string>(atom_feed(*env_)) : nullptr;
  report.timings.start("publish");
  report = finish(std::move(report), std::move(rendered), true);
  report.timings.stop();
  report.milliseconds = milliseconds_since(start);
  return report;
}

void LiveSite::index_for_search(const std::vector<std::size_t>* only) {
  if (!only) {
    search_ = std::make_unique<search::SearchIndexBuilder>(model_.terms, true);
    search_->add_all(model_, jobs_);
    search_sources_ = search::document_sources(model_);
  } else {
    for (const std::size_t i : *only) search_->replace(i, search::make_document(model_, search_sources_[i]));
  }
  if (!only) {
    search_reads_.resize(search_sources_.size());
    for (std::size_t i = 0; i < search_sources_.size(); ++i)
      search_reads_[i] = search::document_keys(model_, search_sources_[i]);
    search_digests_ = search::document_digests(model_, search_sources_, jobs_);
  } else {
    for (const std::size_t i : *only) {
      search_reads_[i] = search::document_keys(model_, search_sources_[i]);
      search_digests_[i] = search::document_digest(model_, search_sources_[i]);
    }
  }
  // Named as a build names it (search::table_route()), so both give the same site.
  const std::string route = search::table_route(search_digests_, model_.terms);
  search_files_ = search_->shared_files(route);
  search_route_ = route;
  search_link_ = std::make_shared<const std::string>(env_ ? env_->link(route) : route);
}

void LiveSite::make_records(const std::set<std::string>* only) {
  const Urls& urls = env_->urls;
  if (!only || records_.size() != model_.services.size()) {
    records_.assign(model_.services.size(), nullptr);
    record_ids_.clear();
    for (const auto& s : model_.services) record_ids_.push_back(s.id);
    parallel_for(model_.services.size(), jobs_, [&](std::size_t i) {
      records_[i] = std::make_shared<const std::string>(open_referral_record(model_, urls, model_.services[i]));
    });
    return;
  }
  for (const auto& id : *only)
    if (const Service* s = model_.service(id))
      records_[static_cast<std::size_t>(s - model_.services.data())] =
          std::make_shared<const std::string>(open_referral_record(model_, urls, *s));
}

void LiveSite::add_other_files(Rendered& out, bool with_sitemap) const {
  for (const auto& f : search_files_) out.emplace_back(f.path, f.bytes);
  if (robots_) out.emplace_back("robots.txt", robots_);
  if (with_sitemap && sitemap_) out.emplace_back("sitemap.xml", sitemap_);
  if (feed_) out.emplace_back("feed.xml", feed_);
  for (std::size_t i = 0; i < documents_.size(); ++i)
    if (document_state_[i].bytes) out.emplace_back(documents_[i].file, document_state_[i].bytes);
}

void LiveSite::render_pages(const std::vector<std::size_t>* which, std::vector<std::vector<ContentKey>>* reads,
                            Rendered& rendered) {
  const std::size_t n = which ? which->size() : pages_.size();
  std::vector<std::unique_ptr<PageRenderer>> renderers(std::max(1u, jobs_));
  std::vector<std::shared_ptr<const std::string>> html(n);
  std::vector<PageState> states(n);
  // The longest pages first (by their size when last published), so that no
  // core is left rendering a long one alone at the end: an edit of a service
  // in every area renders 4.5 MB of A to Z, lists of 1 to 2.5 MB and 32 area
  // pages of 0.5 MB. Only this thread changes published_.
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = k;
  if (which) {
    std::vector<std::size_t> size(n);
    for (std::size_t k = 0; k < n; ++k) size[k] = published_size(pages_[(*which)[k]].file);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  }
  parallel_for_workers(n, jobs_, [&](std::size_t j, unsigned worker) {
    const std::size_t k = order[j];
    const PlannedPage& page = pages_[which ? (*which)[k] : k];
    auto& renderer = renderers[worker];
    if (!renderer) renderer = std::make_unique<PageRenderer>(*env_, *templates_);
    html[k] = std::make_shared<const std::string>(renderer->render(page, states[k].diagnostics));
    states[k].template_name = renderer->last_template();
  });
  // Every page's keys from the environment as it is now; rendered pages also
  // get their diagnostics and the template they used.
  page_state_.resize(pages_.size());
  if (reads)
    for (std::size_t i = 0; i < pages_.size(); ++i) page_state_[i].reads = std::move((*reads)[i]);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = which ? (*which)[k] : k;
    PageState& state = page_state_[i];
    state.template_name = std::move(states[k].template_name);
    state.diagnostics = std::move(states[k].diagnostics);
    rendered.emplace_back(pages_[i].file, std::move(html[k]));
  }
}

void LiveSite::check_model(const std::set<std::string>* only) {
  // A service's references depend on it alone once the set of categories,
  // localities and levels is fixed, and changing that set is a full rebuild.
  if (!only) {
    service_checks_.clear();
    for (const auto& s : model_.services) check_service_references(model_, s, service_checks_[s.id]);
  } else {
    for (const auto& id : *only) {
      Diagnostics& d = service_checks_[id] = {};
      if (const Service* s = model_.service(id)) check_service_references(model_, *s, d);
    }
  }
  ValidateOptions vopts;
  vopts.today = options_.today;
  model_diagnostics_ = {};
  check_other_references(model_, model_diagnostics_);
  check_health(model_, vopts, model_diagnostics_);
}

Diagnostics LiveSite::all_diagnostics() const {
  Diagnostics all;
  all.append(scan_diagnostics_);
  for (const auto& [path, f] : files_) all.append(f.diagnostics);
  for (const auto& [id, d] : service_checks_) all.append(d);
  all.append(model_diagnostics_);
  all.append(template_diagnostics_);
  for (const auto& state : page_state_) all.append(state.diagnostics);
  all.append(font_diagnostics_);
  for (const auto& state : document_state_) all.append(state.diagnostics);
  all.sort();
  return all;
}

bool LiveSite::apply_content(const ContentFile& file, ChangedKeys& changed, bool& stale_cards, bool& stale_lists,
                             std::set<std::string>& stale_services) {
  auto known = files_.find(file.display);
  std::error_code ec;
  const bool exists = fs::is_regular_file(file.file, ec);
  if (known == files_.end() || !exists) return false;  // a file added or removed
  if (file.slot == ContentSlot::site) return false;    // everything reads site.yaml

  ParsedFile parsed = parse_content_file(file);
  LoadedFile updated{file, std::move(parsed.diagnostics), parsed.unreadable()};
  if (updated.unreadable != known->second.unreadable) return false;  // a page appears or goes
  add_key(changed, file);
  if (file.folder().empty()) {
    read_single_file(file, parsed, model_, updated.diagnostics);
    known->second = std::move(updated);
    return true;
  }
  if (updated.unreadable) {  // still unreadable: only its problems changed
    known->second = std::move(updated);
    return true;
  }
  ContentEntity entity = read_entity(file, parsed, updated.diagnostics);
  bool ok = std::visit(
      [&](auto&& e) -> bool {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, Service>) {
          Service* old = find_by_id(model_.services, e.id);
          if (!old) return false;
          stale_services.insert(e.id);
          if (!same_lists(*old, e)) stale_lists = true;
          *old = std::move(e);
        } else if constexpr (std::is_same_v<T, Locality>) {
          Locality* old = find_by_id(model_.localities, e.id);
          if (!old) return false;
          if (old->name != e.name) stale_cards = true;  // cards name their areas
          *old = std::move(e);
        } else if constexpr (std::is_same_v<T, Page>) {
          Page* old = find_by_id(model_.pages, e.id);
          if (!old) return false;
          // Pages with 'nav' are in every page's footer.
          if ((old->nav_order > 0 || e.nav_order > 0) && (old->title != e.title || old->nav_order != e.nav_order))
            changed.add(keys::nav());
          *old = std::move(e);
        } else if constexpr (std::is_same_v<T, Pathway>) {
          Pathway* old = find_by_id(model_.pathways, e.id);
          if (!old) return false;
          *old = std::move(e);
        } else if constexpr (std::is_same_v<T, StrategyPart>) {
          StrategyPart* old = find_by_id(model_.strategy, e.id);
          if (!old) return false;
          *old = std::move(e);
        } else if constexpr (std::is_same_v<T, YoungPeoplePage>) {
          YoungPeoplePage* old = find_by_id(model_.young_people, e.id);
          if (!old) return false;
          *old = std::move(e);
        } else {
          return false;
        }
        return true;
      },
      std::move(entity));
  if (ok) known->second = std::move(updated);
  return ok;
}

RebuildReport LiveSite::apply(const std::vector<fs::path>& changed_paths) {
  render_deferred();  // when the caller has not (the server has, after the last reload)
  release_retired();  // the same
  const auto start = std::chrono::steady_clock::now();
  // Sort the changes; anything this cannot do piece by piece is a full rebuild.
  std::vector<ContentFile> content;
  bool templates_changed = false;
  bool full = !templates_ || !env_ || publish_all_pending_;
  for (const auto& path : changed_paths) {
    if (under(path, options_.content_dir)) {
      std::error_code ec;
      if (fs::is_directory(path, ec))
        full = true;
      else if (auto f = classify_content_file(options_.content_dir, content_display_, path))
        content.push_back(*f);
      else if (noticed_content_path(options_.content_dir, path))
        full = true;  // reported by the scan
    } else if (under(path, options_.templates_dir)) {
      if (under(path, options_.templates_dir / "assets"))
        full = true;  // hashed names change everywhere
      else if (path.extension() == ".mustache")
        templates_changed = true;
    }
  }
  if (!full && content.empty() && !templates_changed) {
    RebuildReport nothing;
    nothing.ok = error_text().empty();
    nothing.diagnostics = all_diagnostics();
    return nothing;
  }
  for (const auto& f : content) {
    std::error_code ec;
    if (f.slot == ContentSlot::site || files_.count(f.display) == 0 || !fs::is_regular_file(f.file, ec)) full = true;
  }
  if (full) return build_all();

  // From here the model changes: the environment, which points into it, goes
  // first, keeping what the next one can reuse.
  RebuildReport report;
  report.timings.start("read");
  EnvironmentReuse reuse;
  reuse.cards = std::move(env_->cards);
  reuse.routes = std::move(env_->routes);
  reuse.lists = env_->take_lists();
  std::vector<ContentKey> kept_keys = std::move(env_->service_keys);
  // Its indexes are freed after the pages are published (release_retired()):
  // they hold nothing the author waits for.
  retired_env_ = std::move(env_);
  ChangedKeys changed;
  bool stale_cards = false, stale_lists = false;
  std::set<std::string> stale_services;
  for (const auto& f : content)
    if (!apply_content(f, changed, stale_cards, stale_lists, stale_services)) return build_all();

  if (templates_changed) {
    Diagnostics d;
    const std::map<std::string, std::string, std::less<>> before = templates_->sources();
    if (!load_templates(d)) {
      // Nothing can be rendered until the templates load again.
      template_diagnostics_ = std::move(d);
      publish_all_pending_ = true;
      RebuildReport report;
      report.milliseconds = milliseconds_since(start);
      return finish(std::move(report), {}, false);
    }
    template_diagnostics_ = std::move(d);
    for (const auto& [name, text] : templates_->sources()) {
      auto it = before.find(name);
      if (it == before.end() || it->second != text) {
        // Every list shows the cards: all of them, and every list, again.
        for (const auto& card : card_templates())
          if (name == card.name) return build_all();
        changed.add(keys::of("template", name));
      }
    }
  }

  report.timings.start("validate");
  const bool moved = order_model(model_, false);
  check_model(&stale_services);

  // The same pages as before (no file was added or removed), perhaps in
  // another order: a service that was renamed moves in the lists. The pages
  // follow the model's order and ids, so only a move, or the plan on a page
  // (it has a page only when it can be read), can change them.
  bool same_order = true;
  if (moved || changed.affects({keys::of("plan-on-a-page", "")})) {
    std::vector<PlannedPage> pages = plan_pages(model_);
    if (pages.size() != pages_.size()) return build_all();
    for (std::size_t i = 0; i < pages.size() && same_order; ++i) same_order = pages[i].route == pages_[i].route;
    if (!same_order) {
      // A renamed service moved: move the pages' states along with them.
      std::unordered_map<std::string_view, std::size_t> old_position;
      for (std::size_t i = 0; i < pages_.size(); ++i) old_position.emplace(pages_[i].route, i);
      std::vector<PageState> moved(pages.size());
      for (std::size_t i = 0; i < pages.size(); ++i) {
        auto it = old_position.find(pages[i].route);
        if (it == old_position.end()) return build_all();
        moved[i] = std::move(page_state_[it->second]);
      }
      page_state_ = std::move(moved);
    }
    pages_ = std::move(pages);
  }
  report.timings.start("environment");
  // Cards and lists are kept by position: when something moved, or an
  // area's name changed, the cards are all made again; the areas' and
  // topics' lists when something moved or a service joined or left one.
  if (stale_lists || moved) reuse.lists.reset();
  if (stale_cards || moved) {
    reuse.cards.clear();
  } else {
    reuse.stale.assign(model_.services.size(), false);
    for (const auto& id : stale_services)
      if (const Service* s = model_.service(id))
        reuse.stale[static_cast<std::size_t>(s - model_.services.data())] = true;
  }
  env_ =
      std::make_unique<RenderEnvironment>(model_, Urls(options_.base_url ? *options_.base_url : model_.site.base_url),
                                          assets_, pages_, jobs_, std::move(reuse));
  env_->downloads = downloads_;
  env_->service_keys = moved ? service_keys(model_) : std::move(kept_keys);  // ids are file names
  render_service_cards(*env_, *templates_, jobs_);

  // The search index: the documents that read what changed (each reads its
  // own key, so the keys from before the change name them all). When
  // anything moved, the documents' numbers change: all of them again.
  report.timings.start("search");
  if (moved || changed.affects({keys::of("glossary", "")})) {
    index_for_search(nullptr);
  } else {
    std::vector<std::size_t> documents;
    for (std::size_t i = 0; i < search_sources_.size(); ++i)
      if (changed.affects(search_reads_[i])) documents.push_back(i);
    if (!documents.empty()) index_for_search(&documents);
  }
  env_->search_index_route = search_route_;

  // The documents that read what changed, before or after, are printed again.
  report.timings.start("documents");
  std::vector<PlannedDocument> documents = plan_documents(model_);
  if (documents.size() != documents_.size()) return build_all();
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].route == documents_[i].route) continue;
    // A renamed area or pathway moved: its document's state moves with it.
    std::vector<DocumentState> states(documents.size());
    for (std::size_t j = 0; j < documents.size(); ++j) {
      auto it = std::find_if(documents_.begin(), documents_.end(),
                             [&](const PlannedDocument& d) { return d.route == documents[j].route; });
      if (it == documents_.end()) return build_all();
      states[j] = std::move(document_state_[static_cast<std::size_t>(it - documents_.begin())]);
    }
    document_state_ = std::move(states);
    stop_background_print();  // it knows the document by its number
    break;
  }
  documents_ = std::move(documents);
  {
    std::vector<std::vector<ContentKey>> reads = document_dependencies(*env_, documents_);
    for (std::size_t i = 0; i < documents_.size(); ++i) {
      DocumentState& state = document_state_[i];
      if (changed.affects(state.reads) || changed.affects(reads[i])) {
        state.stale = true;
        ++state.generation;
      }
      state.reads = std::move(reads[i]);
    }
  }

  // The exports: the records of the services whose keys changed (a search
  // document's keys are its service's), and the feed when what it lists did.
  report.timings.start("exports");
  if (moved) {
    std::unordered_map<std::string_view, std::shared_ptr<const std::string>> by_id;
    for (std::size_t i = 0; i < records_.size() && i < record_ids_.size(); ++i)
      by_id.emplace(record_ids_[i], records_[i]);
    std::vector<std::shared_ptr<const std::string>> records(model_.services.size());
    for (std::size_t i = 0; i < model_.services.size(); ++i) {
      auto it = by_id.find(model_.services[i].id);
      if (it != by_id.end()) records[i] = it->second;
    }
    records_ = std::move(records);
    record_ids_.clear();
    for (const auto& s : model_.services) record_ids_.push_back(s.id);
  }
  {
    std::set<std::string> services;
    for (std::size_t i = 0; i < model_.services.size(); ++i)
      if (!records_[i] || changed.affects(search_reads_[i])) services.insert(model_.services[i].id);
    if (!services.empty()) make_records(&services);
  }
  if (env_->urls.has_origin()) {
    if (changed.affects({keys::every("service"), keys::every("pathway"), keys::every("strategy"), keys::every("page")}))
      feed_ = std::make_shared<const std::string>(atom_feed(*env_));
    if (!same_order) sitemap_ = std::make_shared<const std::string>(sitemap_xml(*env_, pages_));
  }

  // Which pages read what changed, before the change or after it. A
  // service's page reads its service, its areas and the pathways it is a
  // step of, so its keys change only with the service (which it reads) or a
  // pathway; the other pages' keys are worked out again, as they list,
  // count or name other content.
  report.timings.start("affected");
  const bool everything = changed.everything();
  const bool pathways_changed = changed.affects({keys::every("pathway")});
  std::vector<bool> read_before(pages_.size()), again(pages_.size());
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    read_before[i] = changed.affects(page_state_[i].reads);
    again[i] = moved || pathways_changed || pages_[i].kind != PageKind::service || read_before[i];
  }
  std::vector<std::vector<ContentKey>> reads = page_dependencies(*env_, pages_, jobs_, &again);
  std::vector<std::size_t> affected;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    PageState& state = page_state_[i];
    if (everything || read_before[i] || pending_.count(pages_[i].file) ||
        (templates_changed && changed.affects({keys::of("template", state.template_name)})) ||
        (again[i] && changed.affects(reads[i])))
      affected.push_back(i);
    if (!again[i]) reads[i] = std::move(state.reads);  // the same as before
  }
  // Only services changed: the long lists of their cards can wait until
  // open pages have been told to reload (defer_long_lists()).
  std::vector<std::size_t> deferred;
  const bool only_services =
      std::all_of(content.begin(), content.end(), [](const ContentFile& f) { return f.slot == ContentSlot::services; });
  if (defer_from_ != SIZE_MAX && only_services && !templates_changed && !everything && pending_.empty()) {
    std::vector<std::size_t> now;
    for (const std::size_t i : affected) {
      const bool long_list = lists_service_cards(pages_[i].kind) && page_state_[i].diagnostics.empty() &&
                             published_size(pages_[i].file) >= defer_from_;
      (long_list ? deferred : now).push_back(i);
    }
    affected = std::move(now);
  }
  report.timings.start("render");
  Rendered rendered;
  render_pages(&affected, &reads, rendered);
  report.rendered = affected.size();
  report.deferred = deferred.size();
  report.timings.start("publish");
  report = finish(std::move(report), std::move(rendered), false, std::move(deferred));
  report.timings.stop();
  report.milliseconds = milliseconds_since(start);
  return report;
}

}  // namespace og
