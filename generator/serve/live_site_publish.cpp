// LiveSite's publishing: what a rebuild made goes in under the lock (or,
// while the content has errors, waits), the long lists an edit deferred
// follow the reload, and any thread reads the published files.
#include <algorithm>
#include <chrono>
#include <mutex>

#include "core/diagnostic_format.hpp"
#include "core/timer.hpp"
#include "export/open_referral.hpp"
#include "serve/live_site.hpp"

namespace og {

using Rendered = RenderedFiles;

RebuildReport LiveSite::finish(RebuildReport report, Rendered rendered, bool replace_all,
                               std::vector<std::size_t> deferred) {
  report.diagnostics = all_diagnostics();
  report.ok = !report.diagnostics.has_errors();
  std::string errors;
  if (!report.ok) {
    const SourceLineLookup lookup = disk_source_lookup();
    for (const auto& d : report.diagnostics.all()) errors += format_diagnostic(d, lookup);
    errors += format_summary(report.diagnostics.error_count(), report.diagnostics.warning_count()) + "\n";
    if (replace_all) publish_all_pending_ = true;
    for (const auto& [file, html] : rendered) pending_.insert(file);
    // Nothing is published now: the deferred pages are rendered with the
    // pending ones, when the content has no errors again.
    for (const std::size_t i : deferred) pending_.insert(pages_[i].file);
    report.deferred = 0;
  } else {
    publish_all_pending_ = false;
    pending_.clear();
  }
  Rendered others;
  if (report.ok && env_) add_other_files(others, true);
  auto records =
      report.ok && env_ ? std::make_shared<const std::vector<std::shared_ptr<const std::string>>>(records_) : nullptr;
  {
    std::unique_lock lock(published_mutex_);
    error_text_ = std::move(errors);
    if (report.ok) {
      publish(std::move(rendered), std::move(others), std::move(records), replace_all);
      // Served as they were no longer: file() waits for render_deferred().
      for (const std::size_t i : deferred)
        if (auto it = published_.find(pages_[i].file); it != published_.end()) it->second.deferred = true;
    }
  }
  published_changed_.notify_all();
  if (report.ok && !deferred.empty()) deferred_ = std::move(deferred);
  return report;
}

void LiveSite::publish(Rendered rendered, Rendered others,
                       std::shared_ptr<const std::vector<std::shared_ptr<const std::string>>> records,
                       bool replace_all) {
  if (replace_all) published_.clear();
  // The search index files and documents of the build before go (their names change).
  for (auto it = published_.begin(); it != published_.end();) {
    const std::string& f = it->first;
    const bool generated = (f.rfind("search/", 0) == 0 && f.size() > 5 && f.compare(f.size() - 5, 5, ".json") == 0) ||
                           f.rfind("downloads/", 0) == 0;
    it = generated ? published_.erase(it) : std::next(it);
  }
  publish_pages(std::move(rendered));
  for (auto& [file, bytes] : others) published_.insert_or_assign(std::move(file), Published{std::move(bytes), nullptr});
  if (!feed_) published_.erase("feed.xml");
  if (!sitemap_) published_.erase("sitemap.xml");
  published_link_ = search_link_;
  retired_records_ = std::move(published_records_);  // 10,000 references to let go of later
  published_records_ = std::move(records);
  records_file_.reset();
}

std::size_t LiveSite::published_size(const std::string& file) const {
  auto it = published_.find(file);
  return it != published_.end() && it->second.bytes ? it->second.bytes->size() : 0;
}

void LiveSite::publish_pages(Rendered rendered) {
  for (auto& [file, bytes] : rendered) {
    const bool page = file.size() > 5 && file.compare(file.size() - 5, 5, ".html") == 0;
    Published& slot = published_[std::move(file)];
    // The bytes it replaces are freed later (release_retired()): megabytes
    // for the lists of a large site.
    if (slot.bytes) retired_files_.push_back(std::move(slot.bytes));
    slot = Published{std::move(bytes), page ? search_link_ : nullptr};
  }
}

RebuildReport LiveSite::render_deferred() {
  RebuildReport report;
  if (deferred_.empty()) {
    report.ok = error_text().empty();
    return report;
  }
  const auto start = std::chrono::steady_clock::now();
  report.timings.start("render");
  const std::vector<std::size_t> which = std::move(deferred_);
  deferred_.clear();
  Rendered rendered;
  render_pages(&which, nullptr, rendered);
  report.rendered = which.size();
  report.timings.start("publish");
  // The rest of the site was published with no errors (else nothing is
  // deferred), so only these pages' own problems could change that.
  report.ok =
      std::none_of(which.begin(), which.end(), [&](std::size_t i) { return page_state_[i].diagnostics.has_errors(); });
  if (report.ok) {
    std::unique_lock lock(published_mutex_);
    publish_pages(std::move(rendered));
  } else {
    // Not expected (see defer_long_lists()): the browser gets the pages as
    // they were, with the problems over them.
    report = finish(std::move(report), std::move(rendered), false);
    std::unique_lock lock(published_mutex_);
    for (const std::size_t i : which)
      if (auto it = published_.find(pages_[i].file); it != published_.end()) it->second.deferred = false;
  }
  published_changed_.notify_all();
  report.timings.stop();
  report.milliseconds = milliseconds_since(start);
  return report;
}

std::shared_ptr<const std::string> LiveSite::file(std::string_view path) const {
  std::shared_lock lock(published_mutex_);
  if (path == "openreferral/services.json") {
    // Put together from the records when it is asked for: tens of megabytes
    // on a large site, which an edit of one service should not copy.
    if (!published_records_) return nullptr;
    std::lock_guard records_lock(records_mutex_);
    if (!records_file_) {
      const auto& records = *published_records_;
      records_file_ = std::make_shared<const std::string>(
          open_referral_page(records.size(), [&](std::size_t i) -> const std::string& { return *records[i]; }));
    }
    return records_file_;
  }
  auto it = published_.find(path);
  // A list an edit left for render_deferred(), which the server calls just
  // after telling pages to reload: the new page, not the old one. (Within
  // seconds: should that ever not come, the old one rather than no page.)
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (it != published_.end() && it->second.deferred &&
         published_changed_.wait_until(lock, give_up) == std::cv_status::no_timeout)
    it = published_.find(path);
  if (it == published_.end()) return nullptr;
  const Published& p = it->second;
  if (!p.search_link || !published_link_ || *p.search_link == *published_link_) return p.bytes;
  // A page rendered before the search index last changed: it links to the
  // document table by its old name (a hash of its bytes, so no text of the
  // site holds it by chance).
  std::string text = *p.bytes;
  const std::string& from = *p.search_link;
  const std::string& to = *published_link_;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return std::make_shared<const std::string>(std::move(text));
}

std::vector<std::string> LiveSite::published_paths() const {
  std::shared_lock lock(published_mutex_);
  std::vector<std::string> paths;
  for (const auto& [path, file] : published_) paths.push_back(path);
  if (published_records_) paths.push_back("openreferral/services.json");
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string LiveSite::error_text() const {
  std::shared_lock lock(published_mutex_);
  return error_text_;
}

}  // namespace og
