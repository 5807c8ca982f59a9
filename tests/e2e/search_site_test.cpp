// Builds tests/sites/search and checks what search and browsing need: the
// browse pages by age and by level of need list the right services and are
// linked from the services index, every page has the header search box, and
// the search page points at an index that exists.
#include <catch2/catch.hpp>

#include <regex>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

const BuiltSite& search_site() {
  static BuiltSite site;
  static bool built = false;
  if (!built) {
    build_in_memory(options_for(sites_dir() / "search" / "content"), site);
    built = true;
  }
  return site;
}

// The services a listing page links to, in order.
std::vector<std::string> listed(const std::string& html) {
  std::vector<std::string> out;
  const std::regex re("<h3 class=\"card__title\"><a href=\"/services/([a-z0-9-]+)/\">");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the search site builds without problems", "[search-site]") {
  CHECK(diagnostics_text(search_site().result.diagnostics) == "0 errors, 0 warnings\n");
}

TEST_CASE("age band pages list the services for those ages, open-ended ranges included", "[search-site]") {
  const BuiltSite& site = search_site();
  for (const char* band : {"0-4", "5-10", "11-15", "16-18", "19-25"}) {
    INFO(band);
    CHECK(site.has(std::string("ages/") + band + "/index.html"));
  }
  const auto teens = listed(site.page("ages/11-15/index.html"));
  CHECK(contains(teens, "huddersfield-teen-space"));      // 13 to 17
  CHECK(contains(teens, "risk-and-vulnerability-team"));  // 10 to 18
  CHECK(contains(teens, "domestic-abuse-support"));       // no ages: all ages
  CHECK_FALSE(contains(teens, "health-visiting"));        // 0 to 5
  CHECK_FALSE(contains(teens, "two-year-old-childcare"));
  const auto young_adults = listed(site.page("ages/19-25/index.html"));
  CHECK(contains(young_adults, "send-local-offer"));  // up to 25
  CHECK(contains(young_adults, "school-nursing"));    // 5 to 19
  CHECK_FALSE(contains(young_adults, "kirklees-youth-council"));
  const std::string& index = site.page("ages/index.html");
  CHECK(index.find("<h1>Support by age</h1>") != std::string::npos);
  CHECK(index.find("<a href=\"/ages/0-4/\">Ages 0 to 4</a>") != std::string::npos);
}

TEST_CASE("level pages list the services at each level of need, named from site.yaml", "[search-site]") {
  const BuiltSite& site = search_site();
  const std::string& level4 = site.page("levels/4/index.html");
  CHECK(level4.find("<h1>Level 4: Specialist and statutory</h1>") != std::string::npos);
  const auto specialist = listed(level4);
  CHECK(contains(specialist, "multi-agency-safeguarding-hub"));
  CHECK(contains(specialist, "multi-systemic-therapy"));
  CHECK_FALSE(contains(specialist, "health-visiting"));
  CHECK(listed(site.page("levels/1/index.html")) ==
        std::vector<std::string>{"community-hubs", "two-year-old-childcare", "health-visiting",
                                 "kirklees-youth-council", "parenting-group-work", "rural-toddler-groups",
                                 "send-local-offer", "school-nursing", "huddersfield-teen-space",
                                 "thriving-kirklees"});  // A to Z by name
  CHECK(site.page("levels/index.html").find("<a href=\"/levels/2/\">Level 2: Early support</a>") != std::string::npos);
}

TEST_CASE("the services index links to every way of browsing and carries the filters", "[search-site]") {
  const std::string& html = search_site().page("services/index.html");
  for (const char* link : {"/categories/parenting/", "/localities/huddersfield/", "/ages/11-15/", "/levels/3/"}) {
    INFO(link);
    CHECK(html.find(std::string("href=\"") + link + "\"") != std::string::npos);
  }
  CHECK(html.find("<form class=\"filter-form\" action=\"/search/\" method=\"get\" data-filter-list>") !=
        std::string::npos);
  CHECK(html.find("<option value=\"huddersfield\">Huddersfield</option>") != std::string::npos);
  CHECK(html.find("<p class=\"filter-status\" id=\"filter-status\" role=\"status\" "
                  "aria-live=\"polite\"></p>") != std::string::npos);
  // Cards carry what the filters read, as JSON in a single-quoted attribute.
  CHECK(html.find("data-facets='{\"l\":[\"huddersfield\"],\"a\":[13,17],\"n\":[1,2],"
                  "\"c\":[\"young-people\",\"community\"],\"r\":1,\"f\":1}'") != std::string::npos);
  CHECK(std::regex_search(html, std::regex("<script src=\"/assets/search\\.[0-9a-f]+\\.js\" defer></script>")));
}

TEST_CASE("only the list the filters narrow carries each card's facets", "[search-site]") {
  // The topic, area, age and level pages have no filters: the facets there
  // would be bytes every visitor downloads for nothing.
  const BuiltSite& site = search_site();
  const std::string& index = site.page("services/index.html");
  CHECK(count(index, "<li class=\"card\" data-facets='{") == listed(index).size());
  for (const char* page : {"categories/parenting/index.html", "localities/huddersfield/index.html",
                           "ages/11-15/index.html", "levels/1/index.html"}) {
    INFO(page);
    const std::string& html = site.page(page);
    CHECK(count(html, "<li class=\"card\">") > 0);
    CHECK(html.find("data-facets") == std::string::npos);
  }
}

TEST_CASE("every page has the search box in its header, and the script that enhances it", "[search-site]") {
  const std::regex form(
      "<form class=\"site-search\" action=\"/search/\" method=\"get\" role=\"search\" "
      "aria-label=\"Site\" data-search=\"/search/docs\\.json\" data-base=\"/\">\n"
      "<label class=\"visually-hidden\" for=\"site-search-q\">Search this site</label>\n"
      "<input class=\"site-search__input\" type=\"search\" id=\"site-search-q\" name=\"q\" "
      "autocomplete=\"off\">\n"
      "<button class=\"site-search__button\" type=\"submit\">Search</button>\n</form>");
  const std::regex script("<script src=\"/assets/search\\.[0-9a-f]+\\.js\" defer></script>");
  std::size_t pages = 0;
  for (const auto& path : search_site().pages()) {
    const std::string& html = search_site().page(path);
    INFO(path);
    CHECK(std::regex_search(html, form));
    CHECK(std::regex_search(html, script));
    ++pages;
  }
  CHECK(pages == search_site().result.pages);
}

TEST_CASE("the search page points at the index, which lists its shards", "[search-site]") {
  const BuiltSite& site = search_site();
  const std::string& html = site.page("search/index.html");
  std::smatch m;
  REQUIRE(std::regex_search(html, m, std::regex("data-search=\"/(search/docs\\.json)\" data-base=\"/\"")));
  const std::string& table = site.page(m[1].str());
  for (const char* shard : {"\"p\":\"p.", "\"m\":\"m."}) CHECK(table.find(shard) != std::string::npos);
  const std::regex shard_name("\"([a-z0-9_])\":\"(\\1\\.[0-9a-f]{10}\\.json)\"");
  std::size_t shards = 0;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), shard_name); it != std::sregex_iterator(); ++it) {
    INFO((*it)[2].str());
    CHECK(site.has("search/" + (*it)[2].str()));
    ++shards;
  }
  CHECK(shards > 20);
  CHECK(html.find("Search as you type needs JavaScript") != std::string::npos);
}

TEST_CASE("the search index is the same whatever the number of threads", "[search-site]") {
  BuildOptions one = options_for(sites_dir() / "search" / "content");
  one.jobs = 1;
  BuiltSite a;
  build_in_memory(one, a);
  std::size_t compared = 0;
  for (const auto& [path, bytes] : search_site().output.contents()) {
    if (path.rfind("search/", 0) != 0) continue;
    INFO(path);
    CHECK(a.page(path) == bytes);
    ++compared;
  }
  CHECK(compared > 20);
}

TEST_CASE("under a sub-path, the search page and header box use the base path", "[search-site]") {
  BuildOptions options = options_for(sites_dir() / "search" / "content");
  options.base_url = "https://example.org/offer/";
  BuiltSite site;
  build_in_memory(options, site);
  const std::string& html = site.page("search/index.html");
  CHECK(std::regex_search(html, std::regex("data-search=\"/offer/search/docs\\.json\" data-base=\"/offer/\"")));
  CHECK(html.find("<form class=\"site-search\" action=\"/offer/search/\"") != std::string::npos);
  CHECK(site.page("services/index.html").find("href=\"/offer/ages/0-4/\"") != std::string::npos);
}

namespace {

// The document table the pages link to: "search/docs.json".
std::string linked_table(const BuiltSite& site) {
  std::smatch m;
  const std::string& html = site.page("services/index.html");
  if (!std::regex_search(html, m, std::regex("data-search=\"/(search/docs\\.json)\""))) return {};
  return m[1].str();
}

}  // namespace

TEST_CASE("the pages link to the table the build wrote, which changes with what the index reads", "[search-site]") {
  // The table keeps its address (search.js asks whether it changed); its
  // bytes, and the names of the shards it lists, follow what the index reads.
  TempDir dir;
  copy_tree(sites_dir() / "search" / "content", dir / "content");
  const BuildOptions options = options_for(dir / "content");
  auto table = [&](const char* what) {
    INFO(what);
    BuiltSite site;
    build_in_memory(options, site);
    REQUIRE(site.result.ok());
    REQUIRE(linked_table(site) == "search/docs.json");
    REQUIRE(site.has("search/docs.json"));
    return site.page("search/docs.json");
  };
  const std::string first = table("as it was");
  CHECK(first == search_site().page("search/docs.json"));

  // A description's words (only its plain text reaches the index).
  const fs::path camhs = dir / "content/services/camhs.md";
  const std::string text = read_file(camhs);
  std::string edited = text;
  edited.replace(edited.find("eating disorder"), 15, "sleep problems");
  write_file(camhs, edited);
  CHECK(table("a description edited") != first);

  // Back as it was: the same bytes. Then a blank line, which the index does not read.
  write_file(camhs, text);
  CHECK(table("as it was again") == first);
  const fs::path glossary = dir / "content/glossary.yaml";
  const std::string terms = read_file(glossary);
  write_file(glossary, terms + "\n");
  CHECK(table("a blank line added") == first);

  // Another spelling of a glossary term, which changes how words are indexed.
  const std::string camhs_term = "    stands_for: Child and Adolescent Mental Health Services\n";
  REQUIRE(terms.find(camhs_term) != std::string::npos);
  std::string more = terms;
  more.insert(more.find(camhs_term) + camhs_term.size(), "    also: [children's mental health team]\n");
  write_file(glossary, more);
  CHECK(table("a synonym added") != first);
}
