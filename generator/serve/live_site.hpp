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
//    template, partials inlined, with the one the pages were rendered with.
// 3. The change names content keys (render/dependencies.hpp): "service:x",
//    "template:service", "nav" ... An output is rebuilt when it read one of
//    them before the change or reads one after it (a service that moves from
//    one category to another leaves one list and joins the other).
// 4. The affected pages are rendered on every core. When the content then
//    has no errors, they are published at once; when it has errors, the last
//    good pages stay published, the problems are shown over them, and the
//    pages are published with the next good rebuild.
//
// Another stage (the search index, PDFs) joins in by giving its outputs
// their keys and being rebuilt for them in rebuild_outputs().
#pragma once

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
#include "render/assets.hpp"
#include "render/dependencies.hpp"
#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"
#include "validate/validate.hpp"

namespace og {

struct RebuildReport {
  bool ok = false;            // the content has no errors; the new pages are published
  bool full = false;          // the whole site was rebuilt
  std::size_t rendered = 0;   // pages rendered
  double milliseconds = 0;
  Diagnostics diagnostics;    // every problem of the site as it is now, sorted
  StageTimer timings;         // the rebuild's steps, for 'serve --timings'
};

class LiveSite {
 public:
  explicit LiveSite(BuildOptions options);

  // Builds everything (the first time, and when a change needs it).
  RebuildReport build_all();
  // Applies changes to these files (under the content or templates folder;
  // others are ignored), rebuilding only what they affect.
  RebuildReport apply(const std::vector<std::filesystem::path>& changed);

  // The published file at `path` ("services/x/index.html"), or null.
  // Safe to call from any thread, also while a rebuild runs.
  std::shared_ptr<const std::string> file(std::string_view path) const;
  // The problems of the last rebuild, formatted as the command line prints
  // them, when it had errors; empty otherwise. Any thread.
  std::string error_text() const;

  const BuildOptions& options() const { return options_; }

 private:
  struct PageState {
    std::vector<ContentKey> reads;   // its content keys (render/dependencies.hpp)
    std::string template_name;
    Diagnostics diagnostics;         // problems found while rendering it
  };
  bool load_templates(Diagnostics& diagnostics);
  // Renders pages[i] for each i in `which` (all when null) into `rendered`;
  // `reads` are every page's keys now.
  void render_pages(const std::vector<std::size_t>* which, std::vector<std::vector<ContentKey>> reads,
                    std::vector<std::pair<std::string, std::shared_ptr<const std::string>>>& rendered);
  RebuildReport finish(RebuildReport report, std::vector<std::pair<std::string, std::shared_ptr<const std::string>>> rendered,
                       bool replace_all);
  Diagnostics all_diagnostics() const;
  // Applies one content file; false when the change needs a full rebuild.
  bool apply_content(const ContentFile& file, ChangedKeys& keys, bool& stale_cards,
                     std::set<std::string>& stale_services);
  // Checks every service's references (or only `only`), the other
  // references and the lints, after order_model().
  void check_model(const std::set<std::string>* only);

  BuildOptions options_;
  unsigned jobs_;
  std::string content_display_;

  // The model and what it was made from.
  Model model_;
  Diagnostics scan_diagnostics_;                  // the content folder's listing
  std::map<std::string, LoadedFile, std::less<>> files_;  // by display path
  Diagnostics model_diagnostics_;                 // cross-references and health
  std::optional<TemplateSet> templates_;          // the last set that loaded
  Diagnostics template_diagnostics_;
  std::vector<Asset> assets_;

  // What was rendered from it.
  std::vector<PlannedPage> pages_;
  std::unique_ptr<RenderEnvironment> env_;
  std::vector<PageState> page_state_;  // beside pages_
  std::unordered_map<std::string, Diagnostics> service_checks_;  // each service's references, by id
  std::set<std::string> pending_;  // rendered while the content had errors, not yet published
  bool publish_all_pending_ = false;

  // What the server serves: the last good build.
  mutable std::shared_mutex published_mutex_;
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> published_;
  std::string error_text_;
};

}  // namespace og
