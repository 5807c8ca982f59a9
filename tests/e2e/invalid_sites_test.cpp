// One broken site per kind of content error (tests/sites/invalid/<case>/).
// Each case holds only the files that differ from tests/sites/basic, an
// optional remove.txt listing basic's files to delete, and expected.txt with
// the exact diagnostics, as `offergen check` prints them without excerpts.
#include <catch2/catch.hpp>

#include <sstream>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("every invalid fixture gives its exact diagnostics", "[invalid]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(sites_dir() / "invalid"))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 15);

  for (const auto& dir : cases) {
    const std::string name = dir.filename().string();
    DYNAMIC_SECTION(name) {
      TempDir tmp;
      copy_tree(sites_dir() / "basic" / "content", tmp / "content");
      copy_tree(default_templates(), tmp / "templates");
      if (fs::exists(dir / "content")) copy_tree(dir / "content", tmp / "content");
      if (fs::exists(dir / "templates")) copy_tree(dir / "templates", tmp / "templates");
      if (fs::exists(dir / "remove.txt")) {
        std::istringstream lines(read_file(dir / "remove.txt"));
        for (std::string line; std::getline(lines, line);)
          if (!line.empty()) fs::remove_all(tmp / line);
      }
      BuiltSite site;
      build_in_memory(options_for(tmp / "content", tmp / "templates"), site);
      std::string actual = diagnostics_text(site.result.diagnostics);
      actual = replace_all(actual, (tmp.path() / "").generic_string(), "");
      CHECK(actual == read_file(dir / "expected.txt"));
      CHECK_FALSE(site.result.ok());
    }
  }
}
