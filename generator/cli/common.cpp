#include "cli/common.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "core/diagnostic_format.hpp"
#include "core/executable.hpp"
#include "validate/formats.hpp"

namespace og::cli {

namespace fs = std::filesystem;

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--content", options.content, "Folder of content to read")->capture_default_str();
  command
      .add_option("--templates", options.templates,
                  "Folder of templates and assets (if templates/ is missing: the installed ones)")
      ->capture_default_str()
      ->each([&options](const std::string&) { options.templates_given = true; });
  command.add_option("--jobs,-j", options.jobs, "Threads to use (default: every core)")->check(CLI::Range(1u, 1024u));
  command.add_option("--today", options.today, "Date for review checks, YYYY-MM-DD (default: today)");
}

void print_usage_error(const std::string& message) {
  std::cerr << "offergen: error: " << message << "\n";
}

Date today_or(const std::string& text) {
  if (auto d = parse_iso_date(text)) return *d;
  const auto now = std::chrono::system_clock::now();
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<BuildOptions> make_build_options(const CommonOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.content, ec)) {
    print_usage_error("the content folder '" + options.content + "' does not exist (use --content DIR)");
    return std::nullopt;
  }
  fs::path templates = options.templates;
  if (!options.templates_given && !fs::is_directory(templates, ec)) {
    // An installed offergen's own templates; OFFERGEN_TEMPLATES_DIR, relative
    // to <bindir>, comes from CMake, so any install prefix works.
    const fs::path installed = beside_executable(OFFERGEN_TEMPLATES_DIR);
    if (!installed.empty() && fs::is_directory(installed, ec)) templates = installed;
  }
  if (!fs::is_directory(templates, ec)) {
    print_usage_error("the templates folder '" + options.templates + "' does not exist (use --templates DIR)");
    return std::nullopt;
  }
  if (!options.today.empty() && !parse_iso_date(options.today)) {
    print_usage_error("--today must be a date written YYYY-MM-DD, not '" + options.today + "'");
    return std::nullopt;
  }
  BuildOptions build;
  build.content_dir = options.content;
  build.templates_dir = templates;
  build.jobs = options.jobs;
  build.today = today_or(options.today);
  return build;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  if (diagnostics.empty()) return;
  const SourceLineLookup lookup = disk_source_lookup();
  for (const auto& d : diagnostics.all()) std::cerr << format_diagnostic(d, lookup);
  std::cerr << format_summary(diagnostics.error_count(), diagnostics.warning_count()) << "\n";
}

}  // namespace og::cli
