// Rules for the content that ships with offergen: no contact facts that the
// source documents do not give, and no partnership named in the generator or
// its default templates (both partnerships come from content alone).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

// Phone numbers, email addresses, web addresses and postcodes in `text`.
std::vector<std::string> contact_facts(const std::string& text) {
  static const std::regex patterns[] = {
      std::regex(R"((https?://|www\.)[^\s<>()\[\]"'`]+[^\s<>()\[\]"'`.,;:])"),
      std::regex(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)"),
      std::regex(R"((\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b)"),
      std::regex(R"(\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b)"),
  };
  std::vector<std::string> found;
  std::string rest = text;
  for (const auto& re : patterns) {
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), re); it != std::sregex_iterator(); ++it)
      found.push_back(it->str());
    rest = std::regex_replace(rest, re, " ");  // a web address is not also a postcode
  }
  return found;
}

// The facts of a list in tests/content/ ("allowed-contacts.txt").
std::set<std::string> contact_list(const char* name) {
  std::set<std::string> allowed;
  std::istringstream lines(read_file(source_dir() / "tests" / "content" / name));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != '#') allowed.insert(line);
  return allowed;
}

std::set<std::string> allowed_contacts() {
  return contact_list("allowed-contacts.txt");
}

// content/ and every examples/*/content/.
std::vector<fs::path> content_dirs() {
  std::vector<fs::path> dirs = {source_dir() / "content"};
  for (const auto& e : fs::directory_iterator(source_dir() / "examples"))
    if (fs::is_directory(e.path() / "content")) dirs.push_back(e.path() / "content");
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_CASE("the contact finder finds phone numbers, emails, web addresses and postcodes", "[content][contacts]") {
  struct Row {
    const char* text;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"Call 01484 221000 today.", {"01484 221000"}},
      {"Mobile 07813 104646 or +44 1484 221000", {"07813 104646", "+44 1484 221000"}},
      {"Write to name.surname@example.gov.uk.", {"name.surname@example.gov.uk"}},
      {"See [MST](http://www.mstuk.org/) or www.example.org/page.", {"http://www.mstuk.org/", "www.example.org/page"}},
      {"Civic Centre 3, High Street, Huddersfield HD1 2TG", {"HD1 2TG"}},
      {"32,757 children; 2018; CIN 1554; level 3; 6-9 months", {}},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(contact_facts(r.text) == r.expected);
  }
}

TEST_CASE("content gives only the contact facts that the source documents give", "[content][contacts]") {
  auto allowed = allowed_contacts();
  REQUIRE_FALSE(allowed.empty());
  // National helplines, which no partnership's documents need to give.
  allowed.merge(contact_list("national-helplines.txt"));
  for (const auto& dir : content_dirs()) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::istringstream lines(read_file(e.path()));
      int number = 0;
      for (std::string line; std::getline(lines, line);) {
        ++number;
        // "Exit this page" goes to a neutral site: a way out, not a contact.
        if (line.rfind("exit_url:", 0) == 0) continue;
        for (const auto& fact : contact_facts(line)) {
          INFO(fs::relative(e.path(), source_dir()).generic_string() << ":" << number << ": " << fact);
          CHECK(allowed.count(fact) == 1);
        }
      }
    }
  }
}

TEST_CASE("every allowed contact fact is in the source documents", "[content][contacts][seeds]") {
  // The documents are not part of the repository: CI runs on a clean clone
  // without them. Set OFFERGEN_SEEDS_DIR, or keep them at ../shared/seeds.
  const char* env = std::getenv("OFFERGEN_SEEDS_DIR");
  const fs::path seeds = env && *env ? fs::path(env) : source_dir() / ".." / "shared" / "seeds";
  if (!fs::is_directory(seeds)) {
    WARN("skipped: the source documents are not at " << seeds.string() << " (set OFFERGEN_SEEDS_DIR)");
    return;
  }
  std::string documents;
  for (const auto& e : fs::directory_iterator(seeds))
    if (e.path().extension() == ".txt") documents += read_file(e.path());
  REQUIRE_FALSE(documents.empty());
  for (const auto& fact : allowed_contacts()) {
    INFO(fact);
    CHECK(documents.find(fact) != std::string::npos);
  }
}

TEST_CASE("the generator and the default templates name no partnership", "[content][rules]") {
  std::vector<std::string> hits;
  std::size_t files = 0;
  for (const char* dir : {"generator", "templates"}) {
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / dir)) {
      if (!e.is_regular_file()) continue;
      ++files;
      std::istringstream lines(read_file(e.path()));
      int number = 0;
      for (std::string line; std::getline(lines, line);) {
        ++number;
        const std::string l = lower(line);
        if (l.find("kirklees") != std::string::npos || l.find("wakefield") != std::string::npos)
          hits.push_back(fs::relative(e.path(), source_dir()).generic_string() + ":" + std::to_string(number) + ": " +
                         line);
      }
    }
  }
  CHECK(files > 50);
  CHECK(hits == std::vector<std::string>{});
}
