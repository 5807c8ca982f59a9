#include "serve/live_site.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "core/diagnostic_format.hpp"
#include "core/parallel.hpp"
#include "core/timer.hpp"
#include "load/content_files.hpp"
#include "print/print_pause.hpp"
#include "print/printing.hpp"

namespace og {

namespace {

// Keeps what a build writes, sharing the bytes the cache holds.
class SharedOutput : public OutputSink {
 public:
  using OutputSink::write;
  void write(std::string_view path, std::string_view bytes) override {
    write_shared(std::string(path), std::make_shared<const std::string>(bytes));
  }
  void write(std::string path, std::string&& bytes) override {
    write_shared(path, std::make_shared<const std::string>(std::move(bytes)));
  }
  void write_shared(const std::string& path, const std::shared_ptr<const std::string>& bytes) override {
    std::lock_guard lock(mutex_);
    count(bytes->size(), files_.insert_or_assign(path, bytes).second);
  }
  std::map<std::string, SharedBytes, std::less<>> take() { return std::move(files_); }

 private:
  std::mutex mutex_;
  std::map<std::string, SharedBytes, std::less<>> files_;
};

CachedDocument printed_document(PrintedDocument doc, Diagnostics diagnostics) {
  CachedDocument out;
  out.diagnostics = std::move(diagnostics);
  if (doc.bytes.empty()) return out;
  out.facts = {doc.bytes.size(), doc.pages};
  out.bytes = std::make_shared<const std::string>(std::move(doc.bytes));
  return out;
}

}  // namespace

// One document printed on a thread of its own.
struct LiveSite::PrintJob {
  PlannedDocument document;
  std::uint64_t digest = 0;
  std::unique_ptr<Model> model;
  std::unique_ptr<PrintEnvironment> env;
  PrintedDocument printed;
  Diagnostics diagnostics;
  std::atomic<bool> done{false};
  std::thread thread;
};

LiveSite::LiveSite(BuildOptions options)
    : options_(std::move(options)), jobs_(options_.jobs == 0 ? default_jobs() : options_.jobs) {}

LiveSite::~LiveSite() {
  stop_background_print();
}

RebuildReport LiveSite::rebuild() {
  const auto start = std::chrono::steady_clock::now();
  SharedOutput output;
  BuildResult result = run_pipeline(options_, output, &cache_);
  RebuildReport report;
  report.built = true;
  report.ok = result.ok();
  report.rendered = result.rendered;
  report.timings = std::move(result.timings);
  std::string errors;
  if (!report.ok) {
    const SourceLineLookup lookup = disk_source_lookup();
    for (const auto& d : result.diagnostics.all()) errors += format_diagnostic(d, lookup);
    errors += format_summary(result.diagnostics.error_count(), result.diagnostics.warning_count()) + "\n";
  }
  auto files = report.ok ? std::make_shared<const Files>(output.take()) : nullptr;
  {
    std::unique_lock lock(mutex_);
    error_text_ = std::move(errors);
    if (files) std::swap(published_, files);
  }
  report.diagnostics = std::move(result.diagnostics);
  report.milliseconds = milliseconds_since(start);
  return report;  // the build before is freed here, outside the lock
}

RebuildReport LiveSite::build_all() {
  stop_background_print();
  cache_ = BuildCache{};
  return rebuild();
}

RebuildReport LiveSite::apply(const std::vector<std::filesystem::path>& changed) {
  // Editors' backups and hidden files change nothing.
  bool any = false;
  for (const auto& path : changed) {
    const auto rel = path.lexically_normal().lexically_relative(options_.templates_dir.lexically_normal());
    if (!noticed_content_path(options_.content_dir, path) && (rel.empty() || *rel.begin() == "..")) continue;
    cache_.load.changed.insert(display_path(path));
    any = true;
  }
  if (any) return rebuild();
  RebuildReport nothing;
  nothing.ok = error_text().empty();
  return nothing;
}

std::vector<std::size_t> LiveSite::stale_documents() const {
  std::vector<std::size_t> stale;
  for (std::size_t i = 0; i < cache_.documents.size() && i < cache_.document_digests.size(); ++i) {
    auto it = cache_.printed.find(cache_.documents[i].route);
    if (it == cache_.printed.end() || it->second.digest != cache_.document_digests[i]) stale.push_back(i);
  }
  return stale;
}

bool LiveSite::documents_stale() const {
  return !stale_documents().empty();
}

void LiveSite::take_printed(const PlannedDocument& document, std::uint64_t digest, CachedDocument printed) {
  cache_.printed[document.route] = {digest, std::move(printed)};
}

RebuildReport LiveSite::print_stale_documents() {
  stop_background_print();
  const std::vector<std::size_t> stale = stale_documents();
  std::vector<PrintedDocument> printed(stale.size());
  std::vector<Diagnostics> diagnostics(stale.size());
  if (cache_.fonts && cache_.load.model && !stale.empty()) {
    const Model& model = *cache_.load.model;
    const PrintEnvironment env(model, options_.urls(model), cache_.fonts);
    std::vector<std::unique_ptr<Printer>> printers(std::max(1u, jobs_));
    parallel_for_workers(stale.size(), jobs_, [&](std::size_t k, unsigned worker) {
      if (!printers[worker]) printers[worker] = std::make_unique<Printer>(env);
      printed[k] = printers[worker]->print(cache_.documents[stale[k]], diagnostics[k]);
    });
  }
  for (std::size_t k = 0; k < stale.size(); ++k)
    take_printed(cache_.documents[stale[k]], cache_.document_digests[stale[k]],
                 printed_document(std::move(printed[k]), std::move(diagnostics[k])));
  return rebuild();
}

bool LiveSite::start_background_print() {
  if (job_) return true;
  const std::vector<std::size_t> stale = stale_documents();
  if (stale.empty()) return false;
  if (!cache_.fonts || !cache_.load.model) {
    // No font, no documents (the problem is reported): nothing to print.
    for (const std::size_t i : stale) take_printed(cache_.documents[i], cache_.document_digests[i], {});
    return false;
  }
  auto job = std::make_unique<PrintJob>();
  job->document = cache_.documents[stale.front()];
  job->digest = cache_.document_digests[stale.front()];
  // A copy of what the document reads: the next build moves the model's
  // entities into its own.
  job->model = std::make_unique<Model>(document_model(*cache_.load.model, job->document));
  job->env = std::make_unique<PrintEnvironment>(*job->model, options_.urls(*job->model), cache_.fonts);
  PrintJob* raw = job.get();
  job->thread = std::thread([raw] {
    // Below the rebuilds, which the author waits for (and which hold it at
    // its next page, print/print_pause.hpp). Not SCHED_IDLE: on a busy
    // machine such a thread waits seconds for a turn, and whatever waits for
    // it waits too (its lock, its join, the process's exit: Ctrl-C took
    // 9 to 12 s with both cores busy, tests/browser/serve.test.js).
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
    raw->printed = Printer(*raw->env).print(raw->document, raw->diagnostics);
    raw->done = true;
  });
  job_ = std::move(job);
  return true;
}

void LiveSite::stop_background_print() {
  PrintDrain drain;  // a rebuild that holds printing may be the one waiting
  if (job_ && job_->thread.joinable()) job_->thread.join();
  job_.reset();
}

RebuildReport LiveSite::finish_background_print(bool wait) {
  RebuildReport nothing;
  nothing.ok = error_text().empty();
  if (!job_ || (!wait && !job_->done)) return nothing;
  {
    PrintDrain drain;
    job_->thread.join();
  }
  std::unique_ptr<PrintJob> job = std::move(job_);
  // Kept with the digest of what it was printed from: printed again if that
  // changed meanwhile.
  take_printed(job->document, job->digest, printed_document(std::move(job->printed), std::move(job->diagnostics)));
  // The pages that show documents are built again once every document is
  // printed, so that they reload once.
  return documents_stale() ? nothing : rebuild();
}

std::shared_ptr<const std::string> LiveSite::file(std::string_view path) const {
  std::shared_lock lock(mutex_);
  if (!published_) return nullptr;
  auto it = published_->find(path);
  return it == published_->end() ? nullptr : it->second;
}

std::vector<std::string> LiveSite::published_paths() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> paths;
  if (published_)
    for (const auto& [path, bytes] : *published_) paths.push_back(path);
  return paths;
}

std::string LiveSite::error_text() const {
  std::shared_lock lock(mutex_);
  return error_text_;
}

}  // namespace og
