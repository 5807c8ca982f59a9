// The site as the preview server holds it: built in memory by the same steps
// as `offergen build` (pipeline/build_site.hpp), with a BuildCache, so that
// after an edit only what the edit changed is made again: the files named as
// changed are read again, and each page, search document, export record and
// document is made again when the digest of what it reads changed
// (pipeline/digests.hpp). A request always gets the newest good build whole.
//
// The printable documents take seconds on a large site, so a build here
// prints none: it publishes each document as last printed (none at first),
// and the server prints the stale ones between edits, one at a time, on a
// low-priority thread (start_background_print()); tests print them all at
// once (print_stale_documents()). Once none is stale, the site is built again
// (from the cache: the pages that show a document's size and pages change).
//
// While the content has errors the last good build stays published, and
// error_text() holds the problems for the page overlay.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/build_cache.hpp"
#include "pipeline/build_site.hpp"

namespace og {

struct RebuildReport {
  bool built = false;        // the site was built (not when nothing it reads changed)
  bool ok = false;           // the content has no errors; the new build is published
  std::size_t rendered = 0;  // pages rendered
  double milliseconds = 0;
  Diagnostics diagnostics;  // every problem of the site as it is now, sorted
  StageTimer timings;       // the build's steps, for 'serve --timings'
};

class LiveSite {
 public:
  explicit LiveSite(BuildOptions options);
  ~LiveSite();

  // Builds everything, reading every file.
  RebuildReport build_all();
  // Builds again after these files changed (under the content or templates
  // folder), reading only them again; nothing when none is a file offergen
  // reads or reports (editors' backups, hidden files).
  RebuildReport apply(const std::vector<std::filesystem::path>& changed);

  // Whether a document waits to be printed again.
  bool documents_stale() const;
  // Prints every stale document on every core, then builds again.
  RebuildReport print_stale_documents();
  // Starts printing the first stale document on a thread of its own, at low
  // priority, when none is being printed; false when there is nothing to do.
  bool start_background_print();
  // Takes the document the background thread printed (waiting for it with
  // `wait`), and once none is stale builds again. `rendered` is 0 when
  // nothing changed.
  RebuildReport finish_background_print(bool wait = false);
  bool printing() const { return static_cast<bool>(job_); }

  // The published file at `path` ("services/x/index.html"), or null. Any thread.
  std::shared_ptr<const std::string> file(std::string_view path) const;
  // The problems of the last build, formatted as the command line prints
  // them, when it had errors; empty otherwise. Any thread.
  std::string error_text() const;
  // Every published file's path, sorted (tests).
  std::vector<std::string> published_paths() const;

  const BuildOptions& options() const { return options_; }

 private:
  using Files = std::map<std::string, SharedBytes, std::less<>>;
  struct PrintJob;
  RebuildReport rebuild();
  // The documents whose last print is not of what they read now.
  std::vector<std::size_t> stale_documents() const;
  void take_printed(const PlannedDocument& document, std::uint64_t digest, CachedDocument printed);
  void stop_background_print();

  BuildOptions options_;
  unsigned jobs_;
  BuildCache cache_;
  std::unique_ptr<PrintJob> job_;

  mutable std::shared_mutex mutex_;  // guards the two below
  std::shared_ptr<const Files> published_;
  std::string error_text_;
};

}  // namespace og
