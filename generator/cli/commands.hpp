// The commands of the offergen tool. Each only reads its options and calls
// the library; exit codes are decided here and nowhere else.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace og::cli {

enum Exit : int { success = 0, content_errors = 1, usage_failure = 2 };

// Each adds its subcommand to `app` and returns what to run when it was chosen.
std::function<int()> add_build_command(CLI::App& app);
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_serve_command(CLI::App& app);
std::function<int()> add_import_command(CLI::App& app);

}  // namespace og::cli
