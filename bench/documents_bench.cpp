// How long the printable documents take: every document, and the plan on a
// page alone, cold (font set-up included) and warm, on one thread and on all.
//
//   build/bench/documents_bench [CONTENT_DIR] [RUNS]
//
// Prints medians in milliseconds. Run it on a Release build.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parallel.hpp"
#include "documents/downloads.hpp"
#include "load/content_files.hpp"
#include "pipeline/build_site.hpp"
#include "print/printer.hpp"
#include "validate/validate.hpp"
#include "write/output.hpp"

using namespace og;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string content = argc > 1 ? argv[1] : "tests/sites/basic/content";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  Diagnostics diagnostics;
  Model model = load_model(content, 1, diagnostics);
  finish_model(model, {}, diagnostics);
  if (diagnostics.has_errors()) {
    std::fprintf(stderr, "%s has errors; run offergen check on it\n", content.c_str());
    return 1;
  }
  const std::vector<PlannedDocument> documents = plan_documents(model);
  std::printf("content: %s (%zu documents, %d runs)\n", content.c_str(), documents.size(), runs);

  // Cold: what one build pays before its first document.
  auto cold = Clock::now();
  std::string error;
  auto fonts = FontLibrary::load(kDocumentFontFamily, error);
  if (!fonts) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const PrintEnvironment env(model, Urls(model.site.base_url), fonts);
  Printer printer(env);
  const double setup = ms_since(cold);
  std::printf("%-50s %9.2f ms\n", "font and printer set-up (once a thread)", setup);

  auto time_one = [&](const PlannedDocument& d) {
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
      Diagnostics ignored;
      const auto start = Clock::now();
      const PrintedDocument doc = printer.print(d, ignored);
      t.push_back(ms_since(start));
      if (doc.bytes.empty()) std::fprintf(stderr, "warning: %s was not printed\n", d.file.c_str());
    }
    return median(t);
  };

  double sum = 0;
  for (const auto& d : documents) {
    const double t = time_one(d);
    sum += t;
    std::printf("%-50s %9.2f ms\n", d.file.c_str(), t);
  }
  std::printf("%-50s %9.2f ms\n", "all documents, one after another", sum);

  // The plan on a page alone, as a build that printed nothing else would pay:
  // fonts found, a printer set up, the page laid out, shrunk to fit and finished.
  for (const auto& d : documents) {
    if (d.kind != DocumentKind::plan_on_a_page) continue;
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
      const auto start = Clock::now();
      std::string e;
      auto f = FontLibrary::load(kDocumentFontFamily, e);
      const PrintEnvironment fresh_env(model, Urls(model.site.base_url), f);
      Printer fresh(fresh_env);
      Diagnostics ignored;
      fresh.print(d, ignored);
      t.push_back(ms_since(start));
    }
    std::printf("%-50s %9.2f ms\n", "plan on a page alone, cold (set-up included)", median(t));
  }

  // All documents on every core, as a build prints them, with fresh printers.
  const unsigned jobs = default_jobs();
  std::vector<double> parallel;
  for (int r = 0; r < runs; ++r) {
    std::vector<std::unique_ptr<Printer>> printers(jobs);
    const auto start = Clock::now();
    parallel_for_workers(documents.size(), jobs, [&](std::size_t i, unsigned w) {
      if (!printers[w]) printers[w] = std::make_unique<Printer>(env);
      Diagnostics ignored;
      printers[w]->print(documents[i], ignored);
    });
    parallel.push_back(ms_since(start));
  }
  std::printf("%-50s %9.2f ms\n", ("all documents on " + std::to_string(jobs) + " threads").c_str(), median(parallel));

  // The whole build into memory, for scale: pages and documents together.
  std::vector<double> builds;
  for (int r = 0; r < std::max(1, runs / 4); ++r) {
    BuildOptions options;
    options.content_dir = content;
    options.templates_dir = "templates";
    MemoryOutput out;
    const auto start = Clock::now();
    run_pipeline(options, out);
    builds.push_back(ms_since(start));
  }
  std::printf("%-50s %9.2f ms\n", "whole build into memory (pages + documents)", median(builds));
  return 0;
}
