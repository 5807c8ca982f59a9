// LiveSite's printable documents: printed in the background one at a time
// between edits (or all at once for a build), and the pages that link to them
// rendered again once every document is printed.
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/parallel.hpp"
#include "core/timer.hpp"
#include "print/print_module.hpp"
#include "print/print_pause.hpp"
#include "render/dependencies.hpp"
#include "render/urls.hpp"
#include "serve/live_site.hpp"

namespace og {

using Rendered = RenderedFiles;

namespace {

// A printer, once fonts_ is set (so the print module is loaded).
std::unique_ptr<Printer> new_printer(const PrintEnvironment& env) {
  std::string error;
  return print_module(error)->new_printer(env);
}

}  // namespace

// One document printed on a thread of its own from a copy of what it reads.
struct LiveSite::PrintJob {
  std::size_t index = 0;
  std::uint64_t generation = 0;
  std::unique_ptr<Model> model;
  std::unique_ptr<PrintEnvironment> env;
  PrintedDocument printed;
  Diagnostics diagnostics;
  std::atomic<bool> done{false};
  std::thread thread;
};

// Here, where a PrintJob is complete.
LiveSite::LiveSite(BuildOptions options)
    : options_(std::move(options)), jobs_(options_.jobs == 0 ? default_jobs() : options_.jobs) {
  content_display_ = display_path(options_.content_dir);
}

LiveSite::~LiveSite() {
  stop_background_print();
}

void LiveSite::stop_background_print() {
  PrintDrain drain;  // a rebuild that holds printing may be the one waiting
  if (job_ && job_->thread.joinable()) job_->thread.join();
  job_.reset();
}

bool LiveSite::documents_stale() const {
  return std::any_of(document_state_.begin(), document_state_.end(), [](const DocumentState& d) { return d.stale; });
}

void LiveSite::take_printed(std::size_t i, std::string bytes, int pages, Diagnostics diagnostics) {
  DocumentState& state = document_state_[i];
  const std::string& route = documents_[i].route;
  state.stale = false;
  state.diagnostics = std::move(diagnostics);
  auto label = [&]() -> std::string {
    auto it = downloads_.find(route);
    return it == downloads_.end() ? std::string() : download_label(it->second);
  };
  const std::string before = label();
  if (bytes.empty()) {
    state.bytes = nullptr;
    downloads_.erase(route);
  } else {
    downloads_[route] = {bytes.size(), pages};
    state.bytes = std::make_shared<const std::string>(std::move(bytes));
  }
  if (label() != before) download_changes_.add(keys::download(route));
}

RebuildReport LiveSite::render_download_pages(RebuildReport report) {
  Rendered rendered;
  if (env_ && templates_ && !download_changes_.empty()) {
    env_->downloads = downloads_;
    std::vector<std::size_t> affected;
    for (std::size_t i = 0; i < pages_.size(); ++i)
      if (download_changes_.affects(page_state_[i].reads)) affected.push_back(i);
    render_pages(&affected, nullptr, rendered);
    report.rendered = affected.size();
  }
  download_changes_ = {};
  return finish(std::move(report), std::move(rendered), false);
}

RebuildReport LiveSite::print_stale_documents() {
  render_deferred();
  const auto start = std::chrono::steady_clock::now();
  stop_background_print();
  RebuildReport report;
  report.timings.start("print");
  std::vector<std::size_t> stale;
  for (std::size_t i = 0; i < documents_.size(); ++i)
    if (document_state_[i].stale) stale.push_back(i);
  std::vector<PrintedDocument> printed(stale.size());
  std::vector<Diagnostics> diagnostics(stale.size());
  if (fonts_) {
    const PrintEnvironment print_env(model_, Urls(options_.base_url ? *options_.base_url : model_.site.base_url),
                                     fonts_);
    std::vector<std::unique_ptr<Printer>> printers(std::max(1u, jobs_));
    parallel_for_workers(stale.size(), jobs_, [&](std::size_t k, unsigned worker) {
      auto& printer = printers[worker];
      if (!printer) printer = new_printer(print_env);
      printed[k] = printer->print(documents_[stale[k]], diagnostics[k]);
    });
  }
  for (std::size_t k = 0; k < stale.size(); ++k)
    take_printed(stale[k], std::move(printed[k].bytes), printed[k].pages, std::move(diagnostics[k]));
  report.timings.start("render");
  report = render_download_pages(std::move(report));
  report.timings.stop();
  report.milliseconds = milliseconds_since(start);
  return report;
}

bool LiveSite::start_background_print() {
  if (job_) return true;
  std::size_t i = 0;
  while (i < documents_.size() && !document_state_[i].stale) ++i;
  if (i == documents_.size()) return false;
  if (!fonts_) {
    // No font, no documents (the problem is reported): nothing to print.
    for (std::size_t k = 0; k < documents_.size(); ++k)
      if (document_state_[k].stale) take_printed(k, {}, 0, {});
    return false;
  }
  auto job = std::make_unique<PrintJob>();
  job->index = i;
  job->generation = document_state_[i].generation;
  // A copy of what the document reads: the model changes with the next edit.
  job->model = std::make_unique<Model>(document_model(model_, documents_[i]));
  job->env = std::make_unique<PrintEnvironment>(
      *job->model, Urls(options_.base_url ? *options_.base_url : model_.site.base_url), fonts_);
  PrintJob* raw = job.get();
  job->thread = std::thread([raw, document = documents_[i]] {
    // Below the rebuilds, which the author waits for: SCHED_IDLE runs only
    // on a core nothing else wants, and gives it up the moment a rebuild
    // wakes (nice 19 alone still takes its turn on a busy core); nice 19 is
    // what is left where SCHED_IDLE is not allowed.
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
    sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    raw->printed = new_printer(*raw->env)->print(document, raw->diagnostics);
    raw->done = true;
  });
  job_ = std::move(job);
  return true;
}

RebuildReport LiveSite::finish_background_print(bool wait) {
  const auto start = std::chrono::steady_clock::now();
  RebuildReport report;
  if (!job_ || (!wait && !job_->done)) {
    report.ok = error_text().empty();
    return report;
  }
  render_deferred();
  {
    PrintDrain drain;
    job_->thread.join();
  }
  std::unique_ptr<PrintJob> job = std::move(job_);
  // Dropped when its document changed again while it was printed.
  if (job->index < documents_.size() && document_state_[job->index].stale &&
      document_state_[job->index].generation == job->generation)
    take_printed(job->index, std::move(job->printed.bytes), job->printed.pages, std::move(job->diagnostics));
  // The pages that link to documents wait until every document is printed,
  // so that they are rendered (and reloaded) once.
  if (documents_stale()) {
    Rendered none;
    report = finish(std::move(report), std::move(none), false);
  } else {
    report = render_download_pages(std::move(report));
  }
  report.milliseconds = milliseconds_since(start);
  return report;
}

}  // namespace og
