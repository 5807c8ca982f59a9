#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/diagnostic_format.hpp"
#include "import/import_oruk.hpp"

namespace og::cli {

namespace fs = std::filesystem;

namespace {

struct ImportOrukCommand {
  ImportOptions options;

  bool usable() const {
    std::error_code ec;
    for (const std::string& feed : options.feeds) {
      if (!fs::exists(feed, ec)) {
        print_usage_error("the feed '" + feed + "' does not exist");
        return false;
      }
    }
    if (!fs::is_regular_file(fs::path(options.into) / "site.yaml", ec)) {
      print_usage_error("'" + options.into + "' is not a content folder: it has no site.yaml (use --into DIR)");
      return false;
    }
    if (options.map && !fs::is_regular_file(*options.map, ec)) {
      print_usage_error("the map '" + *options.map + "' does not exist");
      return false;
    }
    return true;
  }

  int run() const {
    if (!usable()) return usage_failure;
    const ImportResult result = import_oruk(options);
    std::cout << result.report;
    if (!result.diagnostics.empty()) {
      // A feed is often one long line: its excerpt is shown only when short.
      const SourceLineLookup disk = disk_source_lookup();
      const SourceLineLookup lookup = [&disk](const std::string& path, int line) -> std::optional<std::string> {
        auto text = disk(path, line);
        if (text && text->size() > 200) return std::nullopt;
        return text;
      };
      for (const auto& d : result.diagnostics.all()) std::cerr << format_diagnostic(d, lookup);
    }
    if (!result.imported) {
      std::cerr << "offergen: nothing was imported; " << options.into << " is as it was\n";
      return content_errors;
    }
    return success;
  }
};

}  // namespace

std::function<int()> add_import_command(CLI::App& app) {
  auto state = std::make_shared<ImportOrukCommand>();
  CLI::App* import = app.add_subcommand("import", "Import services from another directory's feed");
  import->require_subcommand(1);
  CLI::App* oruk = import->add_subcommand("oruk", "Import an Open Referral UK feed (v1 or v3 JSON) as service files");
  oruk->add_option("FEED", state->options.feeds, "JSON files, or folders of them")->required();
  oruk->add_option("--into", state->options.into, "The content folder (with site.yaml) to write services/ in")
      ->required();
  oruk->add_option("--map", state->options.map, "A YAML file mapping the feed's terms and areas (docs/import.md)");
  oruk->add_flag("--force", state->options.force, "Overwrite service files edited by hand since their import");
  return [state] { return state->run(); };
}

}  // namespace og::cli
