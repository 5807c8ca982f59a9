// Helpers shared by the tests: temporary folders, files, fixture sites, and a
// tiny HTML reader for the checks that look at built pages.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "pipeline/build_site.hpp"
#include "write/output.hpp"

namespace og::test {

namespace fs = std::filesystem;

// The repository's root, templates and tests/sites folders.
fs::path source_dir();
fs::path default_templates();
fs::path sites_dir();

// A fresh folder removed when it goes out of scope.
class TempDir {
 public:
  // A new, empty folder under `base`.
  explicit TempDir(const fs::path& base = fs::temp_directory_path());
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& file);
void write_file(const fs::path& file, std::string_view text);
// Every file under `dir`, relative, sorted, with its bytes.
std::map<std::string, std::string> read_tree(const fs::path& dir);
// Copies a folder tree.
void copy_tree(const fs::path& from, const fs::path& to);

struct BuiltSite {
  BuildResult result;
  MemoryOutput output;
  const std::string& page(const std::string& file) const;  // fails the test when missing
  bool has(const std::string& file) const;
  // The HTML pages: every .html file but the Open Referral API's lists,
  // which are JSON (export/open_referral.hpp).
  std::vector<std::string> pages() const;
};

// Builds `content` (with the default templates unless given) into memory.
// `today` keeps review-date warnings stable.
BuildOptions options_for(const fs::path& content, const fs::path& templates = default_templates());
void build_in_memory(const BuildOptions& options, BuiltSite& site);

// All diagnostics as the command line prints them, without source excerpts.
std::string diagnostics_text(const Diagnostics& diagnostics);

// Runs the offergen binary with `args` in `cwd`; returns its exit code and output.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult run_offergen(const std::vector<std::string>& args, const fs::path& cwd = source_dir());

// A YAML file read by parse_yaml(), as text: kind, position, flags and
// value of every node, then the diagnostics.
std::string parsed_yaml(const std::string& text, int first_line = 1);

// Very small HTML helpers: attribute values of a tag, heading levels, text.
std::vector<std::string> attribute_values(std::string_view html, std::string_view attribute);
std::vector<int> heading_levels(std::string_view html);
std::size_t count(std::string_view haystack, std::string_view needle);

}  // namespace og::test
