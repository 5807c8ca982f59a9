#include "validate/validate.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/hash.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::ranges::sort(items, [](const T& a, const T& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); });
}

template <typename T>
void sort_by_order(std::vector<T>& items) {
  std::ranges::sort(items, [](const T& a, const T& b) { return std::tie(a.order, a.id) < std::tie(b.order, b.id); });
}

// The position of T among ContentEntity's types (its index() when it holds a T).
template <typename T, std::size_t I = 0>
constexpr std::size_t entity_index() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, ContentEntity>, T>)
    return I;
  else
    return entity_index<T, I + 1>();
}

void add_entity(Model& model, ContentEntity&& entity) {
  std::visit(
      [&](auto&& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, Service>)
          model.services.push_back(std::move(e));
        else if constexpr (std::is_same_v<T, Locality>)
          model.localities.push_back(std::move(e));
        else if constexpr (std::is_same_v<T, Page>)
          model.pages.push_back(std::move(e));
        else if constexpr (std::is_same_v<T, Pathway>)
          model.pathways.push_back(std::move(e));
        else if constexpr (std::is_same_v<T, StrategyPart>)
          model.strategy.push_back(std::move(e));
        else if constexpr (std::is_same_v<T, YoungPeoplePage>)
          model.young_people.push_back(std::move(e));
      },
      std::move(entity));
}

void note_unreadable(Model& model, const ContentFile& file) {
  if (file.slot == ContentSlot::services) model.unreadable_services.insert(file.id());
  if (file.slot == ContentSlot::localities) model.unreadable_localities.insert(file.id());
}

void report_missing_site(const std::string& dir, Diagnostics& diagnostics) {
  diagnostics.error({dir + "/site.yaml", 0, 0}, "the content has no site.yaml",
                    "every content folder needs a site.yaml with at least a title, partnership, categories and levels");
}

// What one file in a folder of content (services/, localities/, pages/,
// pathways/, strategy/, young-people/) adds to the model; monostate when it
// could not be read or is a single file (site.yaml, glossary.yaml ...).
ContentEntity read_entity(const ContentFile& file, const ParsedFile& parsed, Diagnostics& diagnostics) {
  if (!parsed.markdown) return {};
  const MarkdownDocument& doc = *parsed.markdown;
  switch (file.slot) {
    case ContentSlot::services:
      return read_service(doc, diagnostics);
    case ContentSlot::localities:
      return read_locality(doc, diagnostics);
    case ContentSlot::pages:
      return read_page(doc, diagnostics);
    case ContentSlot::pathways:
      return read_pathway(doc, diagnostics);
    case ContentSlot::strategy:
      return read_strategy_part(doc, diagnostics);
    case ContentSlot::young_people:
      return read_young_people_page(doc, diagnostics);
    default:
      return {};
  }
}

// Reads a single file (site.yaml, glossary.yaml, figures.yaml) into `model`,
// replacing what it held before. Does nothing for other files.
void read_single_file(const ContentFile& file, const ParsedFile& parsed, Model& model, Diagnostics& diagnostics) {
  switch (file.slot) {
    case ContentSlot::site:
      model.site = parsed.yaml ? read_site(*parsed.yaml, diagnostics) : Site{};
      model.site_loaded = parsed.yaml.has_value();
      break;
    case ContentSlot::glossary:
      model.terms = parsed.yaml ? read_glossary(*parsed.yaml, diagnostics) : std::vector<Term>{};
      break;
    case ContentSlot::figures:
      model.figures.clear();
      model.figure_groups.clear();
      model.figures_loaded = parsed.yaml.has_value();
      if (parsed.yaml) read_figures(*parsed.yaml, model, diagnostics);
      break;
    case ContentSlot::plan_on_a_page:
      model.plan_on_a_page.reset();
      if (parsed.yaml) model.plan_on_a_page = read_plan_on_a_page(*parsed.yaml, diagnostics);
      break;
    default:
      break;
  }
}

// One file read into what the model takes from it.
struct FileModel {
  Diagnostics diagnostics;
  ContentEntity entity;
  ParsedFile single;
  bool unreadable = false;
  std::uint64_t digest = 0;
};

FileModel read_file_model(const ContentFile& file) {
  FileModel r;
  ParsedFile parsed = parse_content_file(file);
  r.diagnostics = std::move(parsed.diagnostics);
  r.unreadable = parsed.unreadable();
  if (parsed.source) r.digest = content_hash(parsed.source->text);
  if (file.single())
    r.single = std::move(parsed);
  else
    r.entity = read_entity(file, parsed, r.diagnostics);
  return r;
}

// Whether the content folder must be listed again: a changed path in it that
// the last listing does not have, or that is no longer a file.
bool listing_changed(const LoadCache& cache) {
  if (!cache.model) return true;
  for (const auto& path : cache.changed) {
    if (!path.starts_with(cache.display_dir + "/")) continue;  // a template
    std::error_code ec;
    if (!cache.where.count(path) || !std::filesystem::is_regular_file(path, ec)) return true;
  }
  return false;
}

// The entities of the model the last load made, found by their files and
// moved out of it.
class EntityShelf {
 public:
  explicit EntityShelf(Model* model) : model_(model) {
    if (!model) return;
    index(ContentSlot::services, model->services);
    index(ContentSlot::localities, model->localities);
    index(ContentSlot::pages, model->pages);
    index(ContentSlot::pathways, model->pathways);
    index(ContentSlot::strategy, model->strategy);
    index(ContentSlot::young_people, model->young_people);
  }
  // Where the entity `file` made is; -1 when it made none.
  std::ptrdiff_t find(const ContentFile& file) const {
    auto kind = where_.find(file.slot);
    if (kind == where_.end()) return -1;
    auto it = kind->second.find(file.id());
    return it == kind->second.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
  }
  // The entity find() found, moved out (each once).
  ContentEntity take(ContentSlot slot, std::ptrdiff_t at) {
    const auto i = static_cast<std::size_t>(at);
    switch (slot) {
      case ContentSlot::services:
        return std::move(model_->services[i]);
      case ContentSlot::localities:
        return std::move(model_->localities[i]);
      case ContentSlot::pages:
        return std::move(model_->pages[i]);
      case ContentSlot::pathways:
        return std::move(model_->pathways[i]);
      case ContentSlot::strategy:
        return std::move(model_->strategy[i]);
      default:
        return std::move(model_->young_people[i]);
    }
  }

 private:
  template <typename T>
  void index(ContentSlot slot, const std::vector<T>& items) {
    auto& ids = where_[slot];
    ids.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) ids.emplace(items[i].id, i);
  }
  Model* model_;
  std::map<ContentSlot, std::unordered_map<std::string, std::size_t>> where_;
};

}  // namespace

void finish_model(Model& model, const ValidateOptions& options, Diagnostics& diagnostics) {
  sort_by_name(model.services);
  sort_by_name(model.localities);
  // The glossary reads A to Z whatever the capitals: "ACEs" before "Adoption".
  std::ranges::sort(model.terms, [](const Term& a, const Term& b) {
    const std::string la = to_lower_ascii(a.term), lb = to_lower_ascii(b.term);
    return std::tie(la, a.id) < std::tie(lb, b.id);
  });
  std::ranges::sort(model.pages, [](const Page& a, const Page& b) { return a.id < b.id; });
  sort_by_order(model.pathways);
  sort_by_order(model.strategy);
  sort_by_order(model.young_people);
  model.index();
  check_references(model, diagnostics);
  check_health(model, options, diagnostics);
}

Model load_model(const std::filesystem::path& dir, unsigned jobs, Diagnostics& diagnostics, LoadCache* cache) {
  LoadCache none;
  LoadCache& c = cache ? *cache : none;
  const bool relist = listing_changed(c);
  std::vector<ContentFile> listed;
  Diagnostics listing_diagnostics;
  if (relist) listed = find_content_files(dir, c.display_dir, listing_diagnostics);
  const std::vector<ContentFile>& files = relist ? listed : c.listing;
  diagnostics.append(relist ? listing_diagnostics : c.listing_diagnostics);

  // Which files were read last time and did not change.
  std::vector<const CachedFile*> cached(files.size());
  if (c.model) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].single() || c.changed.count(files[i].display)) continue;
      auto it = relist ? c.where.find(files[i].display) : c.where.end();
      cached[i] = !relist ? &c.files[i] : it != c.where.end() ? &c.files[it->second] : nullptr;
    }
  }
  // Each file becomes its entity on a worker; only single files (site.yaml
  // and the like, a handful) keep their parse for the pass below.
  std::vector<FileModel> results(files.size());
  EntityShelf shelf(c.model.get());
  std::vector<std::ptrdiff_t> at(files.size(), -1);
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    if (cached[i]) at[i] = shelf.find(files[i]);
  });
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    if (!cached[i]) {
      results[i] = read_file_model(files[i]);
      return;
    }
    results[i] = {cached[i]->diagnostics, {}, {}, cached[i]->unreadable, cached[i]->digest};
    if (at[i] >= 0) results[i].entity = shelf.take(files[i].slot, at[i]);
  });
  c.model.reset();  // moved from: every file is read if this build stops

  Model model;
  // Each vector at its final size at once: a Service is a kilobyte, and
  // doubling a vector of ten thousand of them holds both copies for a while.
  std::size_t counts[std::variant_size_v<ContentEntity>] = {};
  for (const FileModel& r : results) ++counts[r.entity.index()];
  model.services.reserve(counts[entity_index<Service>()]);
  model.localities.reserve(counts[entity_index<Locality>()]);
  model.pages.reserve(counts[entity_index<Page>()]);
  model.pathways.reserve(counts[entity_index<Pathway>()]);
  model.strategy.reserve(counts[entity_index<StrategyPart>()]);
  model.young_people.reserve(counts[entity_index<YoungPeoplePage>()]);
  std::vector<CachedFile> now(files.size());
  bool has_site = false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    FileModel& r = results[i];
    if (r.unreadable) note_unreadable(model, files[i]);
    if (files[i].slot == ContentSlot::site) has_site = has_site || r.single.yaml.has_value();
    if (files[i].single())
      read_single_file(files[i], r.single, model, r.diagnostics);
    else
      add_entity(model, std::move(r.entity));
    diagnostics.append(r.diagnostics);
    now[i] = {std::move(r.diagnostics), r.unreadable, r.digest};
    r = FileModel{};
  }
  if (!has_site) report_missing_site(c.display_dir, diagnostics);
  if (cache) {
    cache->files = std::move(now);
    if (relist) {
      cache->listing = std::move(listed);
      cache->listing_diagnostics = std::move(listing_diagnostics);
      cache->where.clear();
      for (std::size_t i = 0; i < cache->listing.size(); ++i) cache->where.emplace(cache->listing[i].display, i);
    }
    cache->changed.clear();
  }
  return model;
}

}  // namespace og
