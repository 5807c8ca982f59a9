#include "serve/live_site.hpp"

#include <chrono>
#include <mutex>

#include "core/diagnostic_format.hpp"
#include "core/parallel.hpp"
#include "pipeline/site_files.hpp"
#include "render/dependencies.hpp"
#include "render/page_renderer.hpp"
#include "render/urls.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

using Rendered = std::vector<std::pair<std::string, std::shared_ptr<const std::string>>>;

std::string display(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

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
    case ContentSlot::services: changed.add("service", f.id()); break;
    case ContentSlot::localities: changed.add("locality", f.id()); break;
    case ContentSlot::pages: changed.add("page", f.id()); break;
    case ContentSlot::pathways: changed.add("pathway", f.id()); break;
    case ContentSlot::strategy: changed.add("strategy", f.id()); break;
    case ContentSlot::young_people: changed.add("young-people", f.id()); break;
    case ContentSlot::glossary: changed.add(keys::of("glossary", "")); break;
    case ContentSlot::figures: changed.add(keys::of("figures", "")); break;
    case ContentSlot::plan_on_a_page: changed.add(keys::of("plan-on-a-page", "")); break;
    case ContentSlot::site: changed.add(keys::site()); break;
  }
}

template <typename T>
T* find_by_id(std::vector<T>& items, const std::string& id) {
  for (auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

LiveSite::LiveSite(BuildOptions options)
    : options_(std::move(options)), jobs_(options_.jobs == 0 ? default_jobs() : options_.jobs) {
  content_display_ = display(options_.content_dir);
}

bool LiveSite::load_templates(Diagnostics& diagnostics) {
  const std::string tdir = display(options_.templates_dir);
  auto templates = TemplateSet::load(options_.templates_dir, tdir, required_templates(), diagnostics);
  std::vector<Asset> assets = load_assets(options_.templates_dir / "assets", tdir + "/assets", diagnostics);
  if (!templates) return false;
  templates_ = std::move(templates);
  assets_ = std::move(assets);
  return true;
}

RebuildReport LiveSite::build_all() {
  const auto start = std::chrono::steady_clock::now();
  RebuildReport report;
  report.full = true;
  report.timings.start("load");
  env_.reset();  // it refers to the model about to be replaced
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
    report.milliseconds = since(start);
    return finish(std::move(report), {}, false);
  }
  report.timings.start("render");
  pages_ = plan_pages(model_);
  env_ = std::make_unique<RenderEnvironment>(
      model_, Urls(options_.base_url ? *options_.base_url : model_.site.base_url), assets_, pages_, jobs_);
  Rendered rendered;
  render_pages(nullptr, page_dependencies(*env_, pages_), rendered);
  report.rendered = pages_.size();
  for (const auto& a : assets_) rendered.emplace_back(a.route.substr(1), std::make_shared<const std::string>(a.bytes));
  CollectOutput site_files(rendered);
  write_site_files(*env_, pages_, site_files);
  report.timings.start("publish");
  report = finish(std::move(report), std::move(rendered), true);
  report.timings.stop();
  report.milliseconds = since(start);
  return report;
}

void LiveSite::render_pages(const std::vector<std::size_t>* which, std::vector<std::vector<ContentKey>> reads,
                            Rendered& rendered) {
  const std::size_t n = which ? which->size() : pages_.size();
  std::vector<std::unique_ptr<PageRenderer>> renderers(std::max(1u, jobs_));
  std::vector<std::shared_ptr<const std::string>> html(n);
  std::vector<PageState> states(n);
  parallel_for_workers(n, jobs_, [&](std::size_t k, unsigned worker) {
    const PlannedPage& page = pages_[which ? (*which)[k] : k];
    auto& renderer = renderers[worker];
    if (!renderer) renderer = std::make_unique<PageRenderer>(*env_, *templates_);
    html[k] = std::make_shared<const std::string>(renderer->render(page, states[k].diagnostics));
    states[k].template_name = renderer->last_template();
  });
  // Every page's keys from the environment as it is now; rendered pages also
  // get their diagnostics and the template they used.
  page_state_.resize(pages_.size());
  for (std::size_t i = 0; i < pages_.size(); ++i) page_state_[i].reads = std::move(reads[i]);
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
  all.sort();
  return all;
}

RebuildReport LiveSite::finish(RebuildReport report, Rendered rendered, bool replace_all) {
  report.diagnostics = all_diagnostics();
  report.ok = !report.diagnostics.has_errors();
  std::string errors;
  if (!report.ok) {
    const SourceLineLookup lookup = disk_source_lookup();
    for (const auto& d : report.diagnostics.all()) errors += format_diagnostic(d, lookup);
    errors += format_summary(report.diagnostics.error_count(), report.diagnostics.warning_count()) + "\n";
    if (replace_all) publish_all_pending_ = true;
    for (const auto& [file, html] : rendered) pending_.insert(file);
  } else {
    publish_all_pending_ = false;
    pending_.clear();
  }
  std::unique_lock lock(published_mutex_);
  error_text_ = std::move(errors);
  if (!report.ok) return report;
  if (replace_all) published_.clear();
  for (auto& [file, html] : rendered) published_.insert_or_assign(std::move(file), std::move(html));
  return report;
}

std::shared_ptr<const std::string> LiveSite::file(std::string_view path) const {
  std::shared_lock lock(published_mutex_);
  auto it = published_.find(path);
  return it == published_.end() ? nullptr : it->second;
}

std::string LiveSite::error_text() const {
  std::shared_lock lock(published_mutex_);
  return error_text_;
}

bool LiveSite::apply_content(const ContentFile& file, ChangedKeys& changed, bool& stale_cards,
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
  const auto start = std::chrono::steady_clock::now();
  // Sort the changes; anything this cannot do piece by piece is a full rebuild.
  std::vector<ContentFile> content;
  bool templates_changed = false;
  bool full = !templates_ || !env_ || publish_all_pending_;
  for (const auto& path : changed_paths) {
    if (under(path, options_.content_dir)) {
      std::error_code ec;
      if (fs::is_directory(path, ec)) full = true;
      else if (auto f = classify_content_file(options_.content_dir, content_display_, path)) content.push_back(*f);
    } else if (under(path, options_.templates_dir)) {
      if (under(path, options_.templates_dir / "assets")) full = true;  // hashed names change everywhere
      else if (path.extension() == ".mustache") templates_changed = true;
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
  env_.reset();
  ChangedKeys changed;
  bool stale_cards = false;
  std::set<std::string> stale_services;
  for (const auto& f : content)
    if (!apply_content(f, changed, stale_cards, stale_services)) return build_all();

  if (templates_changed) {
    Diagnostics d;
    const std::map<std::string, std::string, std::less<>> before = templates_->expanded();
    if (!load_templates(d)) {
      // Nothing can be rendered until the templates load again.
      template_diagnostics_ = std::move(d);
      publish_all_pending_ = true;
      RebuildReport report;
      report.milliseconds = since(start);
      return finish(std::move(report), {}, false);
    }
    template_diagnostics_ = std::move(d);
    for (const auto& [name, text] : templates_->expanded()) {
      auto it = before.find(name);
      if (it == before.end() || it->second != text) changed.add(keys::of("template", name));
    }
  }

  report.timings.start("validate");
  const bool moved = order_model(model_, false);
  check_model(&stale_services);

  // The same pages as before (no file was added or removed), perhaps in
  // another order: a service that was renamed moves in the lists.
  std::vector<PlannedPage> pages = plan_pages(model_);
  if (pages.size() != pages_.size()) return build_all();
  bool same_order = true;
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
  report.timings.start("environment");
  // Cards are kept by position: when something moved, or an area's name
  // changed, they are all made again.
  if (stale_cards || moved) {
    reuse.cards.clear();
  } else {
    reuse.stale.assign(model_.services.size(), false);
    for (const auto& id : stale_services)
      if (const Service* s = model_.service(id)) reuse.stale[static_cast<std::size_t>(s - model_.services.data())] = true;
  }
  env_ = std::make_unique<RenderEnvironment>(
      model_, Urls(options_.base_url ? *options_.base_url : model_.site.base_url), assets_, pages_, jobs_,
      std::move(reuse));

  // Which pages read what changed, before the change or after it.
  report.timings.start("affected");
  const bool everything = changed.everything();
  std::vector<std::vector<ContentKey>> reads = page_dependencies(*env_, pages_);
  std::vector<std::size_t> affected;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    const std::string& file = pages_[i].file;
    const PageState& state = page_state_[i];
    if (everything || pending_.count(file) || changed.affects({keys::of("template", state.template_name)}) ||
        changed.affects(state.reads) || changed.affects(reads[i]))
      affected.push_back(i);
  }
  report.timings.start("render");
  Rendered rendered;
  render_pages(&affected, std::move(reads), rendered);
  report.rendered = affected.size();
  report.timings.start("publish");
  report = finish(std::move(report), std::move(rendered), false);
  report.timings.stop();
  report.milliseconds = since(start);
  return report;
}

}  // namespace og
