#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/diagnostic_format.hpp"
#include "print/print_pause.hpp"
#include "serve/live_site.hpp"
#include "serve/preview_server.hpp"
#include "serve/watcher.hpp"

namespace og::cli {

namespace {

// Ends the process now, for a document still printing at low priority: on
// a busy machine it may take seconds to reach its next page, and Ctrl-C does
// not wait for it (tests/load/ once saw the main thread wait 17 s). In ASan
// builds LeakSanitizer does not look at the heap then.
[[noreturn]] void exit_leaving_print(int code) {
  std::fflush(nullptr);
  std::_Exit(code);
}

struct ServeCommand {
  CommonOptions common;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool timings = false;

  // The problems printed last: the same list is not printed again after
  // every save, only when it changes.
  mutable std::string printed_;

  static std::string problems_of(const RebuildReport& r) {
    std::string problems;
    for (const auto& d : r.diagnostics.all()) problems += format_diagnostic(d, nullptr);
    return problems;
  }

  // Whether a document printed in the background changes what the browser
  // shows: pages that link to it were rendered again, or the problems are
  // new. While the content has errors the last good build is served and
  // nothing else changes, so open pages are not told to reload. No rebuild
  // (other documents are still to print) changes nothing: its empty list of
  // problems is not news ("No problems" was printed under the errors).
  bool worth_reload(const RebuildReport& printed) const {
    if (!printed.built) return false;
    return printed.rendered > 0 || (!printed.ok && problems_of(printed) != printed_);
  }

  // With --timings, each step of a rebuild, its name after `prefix`.
  void print_timings(const RebuildReport& r, const std::string& prefix = "") const {
    if (!timings) return;
    for (const auto& s : r.timings.stages())
      std::fprintf(stderr, "  %-12s %8.1f ms  (CPU %.0f ms)\n", (prefix + s.stage).c_str(), s.milliseconds,
                   s.cpu_milliseconds);
  }

  // `documents`: a report of documents printed in the background.
  void report(const RebuildReport& r, bool documents = false, bool first = false) const {
    std::string problems = problems_of(r);
    if (problems != printed_) {
      if (!r.diagnostics.empty())
        print_diagnostics(r.diagnostics);
      else
        std::fprintf(stderr, "No problems\n");
      printed_ = std::move(problems);
    }
    print_timings(r);
    if (r.ok && documents) {
      std::printf("Printed the documents: rebuilt %zu page%s that link to them\n", r.rendered,
                  r.rendered == 1 ? "" : "s");
    } else if (r.ok) {
      std::printf("%s %zu page%s in %.0f ms\n", first ? "Built" : "Rebuilt", r.rendered, r.rendered == 1 ? "" : "s",
                  r.milliseconds);
    } else {
      std::printf("The content has errors: still serving the last good build (the browser shows the problems)\n");
    }
    std::fflush(stdout);
  }

  int run() const {
    auto options = make_build_options(common);
    if (!options) return usage_failure;
    // Links start at the preview's root, whatever address the site is published at.
    options->base_url = "/";

    // SIGINT and SIGTERM are taken by this thread alone (sigwait below): every
    // thread started from here on inherits the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    LiveSite site(*options);
    PreviewServer server(site);
    const int bound = server.bind(host, port);
    if (bound < 0) {
      print_usage_error("cannot listen on " + host + ":" + std::to_string(port) +
                        " (is another server using it? choose another --port)");
      return usage_failure;
    }
    std::unique_ptr<Watcher> watcher;
    try {
      watcher =
          std::make_unique<Watcher>(std::vector<std::filesystem::path>{options->content_dir, options->templates_dir});
    } catch (const std::exception& e) {
      print_usage_error(e.what());
      return usage_failure;
    }
    report(site.build_all(), false, true);
    std::printf("Serving http://%s:%d/ (press Ctrl-C to stop)\n", host.c_str(), bound);
    std::fflush(stdout);

    std::thread http([&] { server.run(); });
    std::thread rebuild([&] {
      for (;;) {
        // Stale documents are printed one at a time, at low priority, while
        // nothing changes: a change is applied as soon as it is saved.
        const bool printing = site.start_background_print();
        const auto changed = watcher->wait(printing ? 50 : -1);
        if (watcher->stopped()) return;
        if (!changed.empty()) {
          // The document being printed waits at its next page until the
          // pages are rebuilt: the author is waiting for those.
          PrintHold hold;
          const RebuildReport r = site.apply(changed);
          if (r.built) {
            server.notify_reload();
            report(r);
          }
        }
        if (site.printing()) {
          const RebuildReport r = site.finish_background_print();
          if (worth_reload(r)) {
            report(r, true);
            server.notify_reload();
          }
        }
      }
    });

    int received = 0;
    sigwait(&signals, &received);
    std::printf("Stopping\n");
    std::fflush(stdout);
    watcher->stop();
    rebuild.join();
    server.stop();
    http.join();
    if (site.printing()) exit_leaving_print(success);
    return success;
  }
};

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
  auto state = std::make_shared<ServeCommand>();
  CLI::App* cmd = app.add_subcommand("serve", "Build the site in memory, serve it, and rebuild what changes");
  add_common_options(*cmd, state->common);
  cmd->add_option("--port", state->port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", state->host, "Address to listen on")->capture_default_str();
  cmd->add_flag("--timings", state->timings, "Print the time each step of each rebuild took");
  return [state] { return state->run(); };
}

}  // namespace og::cli
