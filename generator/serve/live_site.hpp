// The site as the preview server holds it: built in memory, and rebuilt after
// each change to content/ or templates/ by redoing only what the change
// affects.
//
// How a change is applied (apply()):
// 1. Each changed file is sorted: a file of a content folder (a service, a
//    locality, a pathway ...), a single content file (glossary.yaml,
//    figures.yaml), a template, or something that changes everything
//    (site.yaml, an asset, a file added, removed or no longer readable).
//    The last kind, and only it, rebuilds the whole site.
// 2. A content file is read, parsed and validated on its own, and its entity
//    replaces the old one in the model; the model is then sorted, indexed and
//    its cross-references checked again (milliseconds: no file is re-read).
//    A template change reloads the templates and compares each page
//    template, with the partials it includes, with the one the pages were
//    rendered with.
// 3. The change names content keys (render/dependencies.hpp): "service:x",
//    "template:service", "nav" ... An output is rebuilt when it read one of
//    them before the change or reads one after it (a service that moves from
//    one category to another leaves one list and joins the other).
// 4. The affected pages are rendered on every core. When the content then
//    has no errors, they are published at once; when it has errors, the last
//    good pages stay published, the problems are shown over them, and the
//    pages are published with the next good rebuild.
//    With defer_long_lists(), an edit of services leaves the long lists of
//    services' cards it affects (the A to Z, a topic's or an area's page:
//    megabytes on a large site) to render_deferred(), which the server calls
//    just after telling open pages to reload: the author most often looks
//    at the service itself, and a browser that asks for a list before it is
//    ready waits for it (file()).
//
// The other stages join in the same way, each output with its keys:
// - the search index (search/): the documents whose keys changed are indexed
//   again and only the shards they touch are written again. Every page links
//   to the document table, whose name holds a hash of its bytes: rather than
//   render every page again when it changes, file() writes the new name into
//   a page rendered with an older one as it serves it (the bytes are those a
//   full build gives);
// - the exports: each service's Open Referral record is made again when its
//   keys change, and openreferral/services.json is put together from them
//   when it is asked for; feed.xml and sitemap.xml when what they list changed;
// - the printable documents (document_dependencies()): a change marks the
//   documents it affects stale. They take seconds on a large site, so they
//   are printed after the pages are published: print_stale_documents() on
//   every core (tests), or one at a time on a low-priority thread while the
//   server waits for changes (start_background_print()). When a document's
//   size or number of pages changed, the pages that link to it (they read
//   keys::download(route)) are rendered again once every stale document is
//   printed.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/build_site.hpp"
#include "print/print_module.hpp"
#include "render/assets.hpp"
#include "render/dependencies.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"
#include "search/index_builder.hpp"
#include "validate/validate.hpp"

namespace og {

struct RebuildReport {
  bool ok = false;           // the content has no errors; the new pages are published
  bool full = false;         // the whole site was rebuilt
  std::size_t rendered = 0;  // pages rendered
  std::size_t deferred = 0;  // long lists left for render_deferred()
  double milliseconds = 0;
  Diagnostics diagnostics;  // every problem of the site as it is now, sorted
  StageTimer timings;       // the rebuild's steps, for 'serve --timings'
};

// Files made by a rebuild: (path in the site, bytes).
using RenderedFiles = std::vector<std::pair<std::string, std::shared_ptr<const std::string>>>;

class LiveSite {
 public:
  explicit LiveSite(BuildOptions options);

  ~LiveSite();

  // Builds everything (the first time, and when a change needs it), except
  // the documents, which are all left stale.
  RebuildReport build_all();
  // Applies changes to these files (under the content or templates folder;
  // others are ignored), rebuilding only what they affect; the documents it
  // affects are left stale, and the long lists perhaps deferred.
  RebuildReport apply(const std::vector<std::filesystem::path>& changed);

  // From now on, when only services changed, apply() leaves to
  // render_deferred() the pages it affects that list services' cards and
  // were last published at `from_bytes` or more, unless the last rendering
  // of the page found problems. Such a page cannot have new ones: its cards
  // hold no Markdown, and its own text did not change. Until then file()
  // waits for it rather than serve it as it was.
  void defer_long_lists(std::size_t from_bytes) { defer_from_ = from_bytes; }
  // Renders and publishes the pages apply() deferred (none: nothing to do).
  // apply(), build_all() and the printing of documents call it first.
  RebuildReport render_deferred();

  // Whether a document waits to be printed again.
  bool documents_stale() const;
  // Prints every stale document on every core, publishes them and renders
  // again the pages whose download links changed.
  RebuildReport print_stale_documents();
  // Starts printing the first stale document on a thread of its own, at low
  // priority, when none is being printed; false when there is nothing to do.
  bool start_background_print();
  // Takes a document the background thread finished (waiting for it with
  // `wait`): publishes it and, once no document is stale, renders again the
  // pages whose download links changed. `rendered` is 0 when nothing changed.
  RebuildReport finish_background_print(bool wait = false);
  bool printing() const { return static_cast<bool>(job_); }
  // Frees what the last apply() replaced and left for later (the old
  // environment, pages and export records), so that it could publish sooner
  // (the server calls it after telling pages to reload).
  void release_retired();

  // The published file at `path` ("services/x/index.html"), or null.
  // Safe to call from any thread, also while a rebuild runs; waits for a
  // page that apply() deferred until render_deferred() publishes it.
  std::shared_ptr<const std::string> file(std::string_view path) const;
  // The problems of the last rebuild, formatted as the command line prints
  // them, when it had errors; empty otherwise. Any thread.
  std::string error_text() const;
  // Every published file's path, sorted (tests).
  std::vector<std::string> published_paths() const;

  const BuildOptions& options() const { return options_; }

 private:
  struct PageState {
    std::vector<ContentKey> reads;  // its content keys (render/dependencies.hpp)
    std::string template_name;
    Diagnostics diagnostics;  // problems found while rendering it
  };
  struct DocumentState {
    std::vector<ContentKey> reads;             // its content keys
    bool stale = true;                         // its content changed since it was printed
    std::uint64_t generation = 0;              // counts the changes, so that a print of older content is dropped
    std::shared_ptr<const std::string> bytes;  // as printed last; null when it could not be
    Diagnostics diagnostics;                   // problems found while printing it
  };
  // One document printed on a thread of its own (live_site_documents.cpp).
  struct PrintJob;
  struct Published {
    std::shared_ptr<const std::string> bytes;
    // The search index address the page was rendered with (pages only).
    std::shared_ptr<const std::string> search_link;
    bool deferred = false;  // out of date until render_deferred() publishes it
  };
  bool load_templates(Diagnostics& diagnostics);
  // Renders pages[i] for each i in `which` (all when null) into `rendered`;
  // `reads` are every page's keys now (null: as they were).
  void render_pages(const std::vector<std::size_t>* which, std::vector<std::vector<ContentKey>>* reads,
                    RenderedFiles& rendered);
  // Publishes `rendered` when the content has no errors; `deferred`: the
  // pages left for render_deferred().
  RebuildReport finish(RebuildReport report, RenderedFiles rendered, bool replace_all,
                       std::vector<std::size_t> deferred = {});
  // finish()'s part under the lock: the new files in, the ones they replace out.
  void publish(RenderedFiles rendered, RenderedFiles others,
               std::shared_ptr<const std::vector<std::shared_ptr<const std::string>>> records, bool replace_all);
  // The pages among them (under the lock).
  void publish_pages(RenderedFiles rendered);
  // The size of a file as last published, 0 when it is not (the rebuild
  // thread, the only one that changes published_, reads it without the lock).
  std::size_t published_size(const std::string& file) const;
  // The search index: every document again (`only` null), or those listed.
  void index_for_search(const std::vector<std::size_t>* only);
  // The records of the Open Referral export (all, or those of `only`).
  void make_records(const std::set<std::string>* only);
  // The files besides pages and documents: search index, exports.
  void add_other_files(RenderedFiles& out, bool sitemap) const;
  // Records what printing document i gave.
  void take_printed(std::size_t i, std::string bytes, int pages, Diagnostics diagnostics);
  // Renders the pages that link to documents whose label changed.
  RebuildReport render_download_pages(RebuildReport report);
  void stop_background_print();
  Diagnostics all_diagnostics() const;
  // Applies one content file; false when the change needs a full rebuild.
  // `stale_lists`: a service joined or left an area's or a topic's list.
  bool apply_content(const ContentFile& file, ChangedKeys& keys, bool& stale_cards, bool& stale_lists,
                     std::set<std::string>& stale_services);
  // Checks every service's references (or only `only`), the other
  // references and the lints, after order_model().
  void check_model(const std::set<std::string>* only);

  BuildOptions options_;
  unsigned jobs_;
  std::string content_display_;

  // The model and what it was made from.
  Model model_;
  Diagnostics scan_diagnostics_;                          // the content folder's listing
  std::map<std::string, LoadedFile, std::less<>> files_;  // by display path
  Diagnostics model_diagnostics_;                         // cross-references and health
  std::optional<TemplateSet> templates_;                  // the last set that loaded
  Diagnostics template_diagnostics_;
  std::vector<Asset> assets_;

  // What was rendered from it.
  std::vector<PlannedPage> pages_;
  std::unique_ptr<RenderEnvironment> env_;
  // What the last apply() replaced, not yet freed (release_retired()).
  std::unique_ptr<RenderEnvironment> retired_env_;
  std::vector<std::shared_ptr<const std::string>> retired_files_;
  std::shared_ptr<const std::vector<std::shared_ptr<const std::string>>> retired_records_;
  std::vector<PageState> page_state_;                            // beside pages_
  std::unordered_map<std::string, Diagnostics> service_checks_;  // each service's references, by id
  std::set<std::string> pending_;      // rendered while the content had errors, not yet published
  std::size_t defer_from_ = SIZE_MAX;  // defer_long_lists()
  std::vector<std::size_t> deferred_;  // pages waiting for render_deferred()
  bool publish_all_pending_ = false;

  // The search index, and what each of its documents reads.
  std::unique_ptr<search::SearchIndexBuilder> search_;
  std::vector<search::DocumentSource> search_sources_;
  std::vector<std::vector<ContentKey>> search_reads_;
  std::vector<std::uint64_t> search_digests_;       // search::document_digest() of each
  std::string search_route_;                        // "/search/docs.1a2b.json"
  std::shared_ptr<const std::string> search_link_;  // the same as pages link to it
  std::vector<search::SearchIndexBuilder::SharedFile> search_files_;

  // The exports: each service's Open Referral record (in the model's order).
  std::vector<std::shared_ptr<const std::string>> records_;
  std::vector<std::string> record_ids_;  // the services' ids, beside records_
  std::shared_ptr<const std::string> feed_, sitemap_, robots_;

  // The printable documents.
  std::vector<PlannedDocument> documents_;
  std::vector<DocumentState> document_state_;  // beside documents_
  std::shared_ptr<const FontLibrary> fonts_;
  Diagnostics font_diagnostics_;
  std::map<std::string, DownloadFacts, std::less<>> downloads_;  // what the pages show
  ChangedKeys download_changes_;                                 // labels changed since pages were rendered
  std::unique_ptr<PrintJob> job_;

  // What the server serves: the last good build.
  mutable std::shared_mutex published_mutex_;
  mutable std::condition_variable_any published_changed_;  // for file(), waiting for a deferred page
  std::map<std::string, Published, std::less<>> published_;
  std::shared_ptr<const std::string> published_link_;  // the search index address now
  // openreferral/services.json, put together from these when asked for.
  std::shared_ptr<const std::vector<std::shared_ptr<const std::string>>> published_records_;
  mutable std::shared_ptr<const std::string> records_file_;  // made from them, or null
  mutable std::mutex records_mutex_;
  std::string error_text_;
};

}  // namespace og
