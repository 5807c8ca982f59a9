#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/diagnostic_format.hpp"
#include "pipeline/build_site.hpp"

namespace og::cli {

namespace {

struct CheckCommand {
  CommonOptions common;
  std::string format = "text";
  bool strict = false;

  int run() const {
    auto options = make_build_options(common);
    if (!options) return usage_failure;
    options->strict = strict;
    NullOutput output;
    BuildResult result;
    try {
      result = run_pipeline(*options, output);
    } catch (const std::exception& e) {
      print_usage_error(e.what());
      return content_errors;
    }
    if (format == "json") {
      std::cout << format_json(result.diagnostics);
    } else {
      print_diagnostics(result.diagnostics);
      if (result.diagnostics.empty()) std::cout << "No problems found.\n";
    }
    return result.ok() ? success : content_errors;
  }
};

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto state = std::make_shared<CheckCommand>();
  CLI::App* cmd = app.add_subcommand("check", "Check the content and report every problem; write nothing");
  add_common_options(*cmd, state->common);
  cmd->add_option("--format", state->format, "How to print problems")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--strict", state->strict, "Treat warnings as errors");
  return [state] { return state->run(); };
}

}  // namespace og::cli
