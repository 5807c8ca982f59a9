// offergen: builds a partnership's offer of early support into a website.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

#ifndef OFFERGEN_VERSION
#define OFFERGEN_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace og::cli;
  CLI::App app{"offergen: turns a partnership's content into an accessible website and printable documents"};
  app.set_version_flag("--version", "offergen " OFFERGEN_VERSION);
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* command, const CLI::Error& e) {
    std::string out = "offergen: error: " + std::string(e.what()) + "\n";
    out += "Run '" + command->get_name() + " --help' for the options.\n";
    return out;
  });

  const auto build = add_build_command(app);
  const auto check = add_check_command(app);
  const auto serve = add_serve_command(app);
  const auto import = add_import_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? success : usage_failure;
  }
  try {
    if (app.got_subcommand("build")) return build();
    if (app.got_subcommand("check")) return check();
    if (app.got_subcommand("serve")) return serve();
    if (app.got_subcommand("import")) return import();
  } catch (const std::exception& e) {
    std::cerr << "offergen: internal error: " << e.what() << "\n";
    return content_errors;
  }
  return usage_failure;
}
