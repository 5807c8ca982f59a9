// Options and output shared by the commands.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/diagnostic.hpp"
#include "model/common.hpp"
#include "pipeline/build_site.hpp"

namespace og::cli {

struct CommonOptions {
  std::string content = "content";
  std::string templates = "templates";
  bool templates_given = false;  // --templates was on the command line: no fallback
  std::string today;             // YYYY-MM-DD, for review checks
  unsigned jobs = 0;
};

void add_common_options(CLI::App& command, CommonOptions& options);

// Checks the folders exist and fills BuildOptions; prints a usage error and
// returns nullopt when they do not. Without --templates and without a
// templates/ folder, the templates installed with offergen are used.
std::optional<BuildOptions> make_build_options(const CommonOptions& options);

// Prints every diagnostic (with the source line and a caret) and the summary.
void print_diagnostics(const Diagnostics& diagnostics);

Date today_or(const std::string& text);
void print_usage_error(const std::string& message);

}  // namespace og::cli
