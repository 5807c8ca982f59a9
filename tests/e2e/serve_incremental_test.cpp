// The preview server's incremental rebuilds give, edit after edit, exactly
// what a full build of the same files gives: every page byte for byte and
// every diagnostic. This is what keeps the dependency map
// (render/dependencies.hpp) and the page builders from drifting apart: a page
// that reads something the map does not name is left stale and fails here.
#include <catch2/catch.hpp>

#include "serve/live_site.hpp"
#include "serve/preview_server.hpp"
#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const auto at = text.find(from);
  INFO(file.string() << " has no '" << from << "'");
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write_file(file, text);
}

BuildOptions preview_options(const TempDir& dir) {
  BuildOptions o = options_for(dir / "content", dir / "templates");
  o.base_url = "/";  // as 'offergen serve' builds
  return o;
}

// Every file of a full build is published with the same bytes, and the
// diagnostics are the same.
void check_same_as_full_build(const LiveSite& site, const RebuildReport& report, const BuildOptions& options) {
  BuiltSite full;
  build_in_memory(options, full);
  CHECK(diagnostics_text(report.diagnostics) == diagnostics_text(full.result.diagnostics));
  REQUIRE(full.result.ok());
  for (const auto& [path, bytes] : full.output.contents()) {
    INFO(path);
    auto published = site.file(path);
    REQUIRE(published);
    CHECK(*published == bytes);
  }
}

// How much an edit rebuilds: some pages, every page (but the content is not
// read again), or everything from the files.
enum class Scope { some, every_page, full };

struct Edit {
  const char* what;
  const char* file;  // under the temporary folder
  const char* from;
  const char* to;
  Scope scope;
};

}  // namespace

TEST_CASE("incremental rebuilds equal full builds, edit after edit", "[serve]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  copy_tree(default_templates(), dir / "templates");
  const BuildOptions options = preview_options(dir);
  LiveSite site(options);
  RebuildReport first = site.build_all();
  REQUIRE(first.ok);
  const std::size_t total = first.rendered;
  check_same_as_full_build(site, first, options);

  const Edit edits[] = {
      {"a service's name (it moves in every list)", "content/services/teen-support.yaml", "name: Teen support <team>",
       "name: Adolescent support", Scope::some},
      {"a service's areas (it leaves one area's list and joins another)", "content/services/safe-at-home.yaml",
       "localities: [north]", "localities: [south]", Scope::some},
      {"a service's topics", "content/services/parenting-group.yaml", "categories: [parenting]",
       "categories: [parenting, keeping-safe]", Scope::some},
      {"an area's name (every card that names it)", "content/localities/north.yaml", "name: North",
       "name: Northern towns", Scope::some},
      {"the services a pathway step names", "content/pathways/asking-for-help.md", "services: [teen-support]",
       "services: [safe-at-home]", Scope::some},
      {"a free page in the footer", "content/pages/about.md", "title: About us", "title: About the partnership",
       Scope::every_page},
      {"the glossary", "content/glossary.yaml", "Intensive help", "Very intensive help", Scope::some},
      {"the figures", "content/figures.yaml", "label: Children aged 0 to 18", "label: Children and young people",
       Scope::some},
      {"a strategy part", "content/strategy/vision.md", "title: Our vision", "title: What we want", Scope::some},
      {"a young people's page", "content/young-people/what-you-told-us.md", "services: [teen-support]",
       "services: [teen-support, parenting-group]", Scope::some},
      {"a partial", "templates/partials/service-list.mustache", "<ul class=\"card-list\">",
       "<ul class=\"card-list card-list--services\">", Scope::some},
      {"the layout", "templates/layout.mustache", "Skip to main content", "Skip to the content", Scope::every_page},
      {"site.yaml", "content/site.yaml", "title: Exampleshire early help", "title: Exampleshire support", Scope::full},
  };
  for (const Edit& e : edits) {
    INFO(e.what);
    replace_in(dir / e.file, e.from, e.to);
    const RebuildReport r = site.apply({dir / e.file});
    CHECK(r.full == (e.scope == Scope::full));
    if (e.scope == Scope::some) CHECK(r.rendered < total);
    if (e.scope == Scope::every_page) CHECK(r.rendered == total);
    check_same_as_full_build(site, r, options);
  }

  // A new service and a removed one change the pages a site has.
  write_file(dir / "content/services/new-service.yaml",
             "name: New service\nsummary: New.\ncategories: [parenting]\nlevels: [1]\nlocalities: all\n"
             "access: [drop-in]\ncontact:\n  phone: 01632 960002\nlast_reviewed: 2026-10-01\n");
  RebuildReport added = site.apply({dir / "content/services/new-service.yaml"});
  CHECK(added.full);
  check_same_as_full_build(site, added, options);
  CHECK(site.file("services/new-service/index.html"));
  fs::remove(dir / "content/services/new-service.yaml");
  RebuildReport removed = site.apply({dir / "content/services/new-service.yaml"});
  check_same_as_full_build(site, removed, options);
  CHECK_FALSE(site.file("services/new-service/index.html"));
}

TEST_CASE("a rebuild with errors keeps the last good pages and shows the problems", "[serve]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  copy_tree(default_templates(), dir / "templates");
  const BuildOptions options = preview_options(dir);
  LiveSite site(options);
  REQUIRE(site.build_all().ok);
  const std::string before = *site.file("services/teen-support/index.html");
  const fs::path service = dir / "content/services/teen-support.yaml";

  // A reference to a locality that does not exist, and a new name: the page
  // is not published with the new name while the content has an error.
  replace_in(service, "localities: all", "localities: [nowhere]");
  replace_in(service, "name: Teen support <team>", "name: Renamed");
  RebuildReport broken = site.apply({service});
  CHECK_FALSE(broken.ok);
  CHECK_FALSE(broken.full);
  CHECK(*site.file("services/teen-support/index.html") == before);
  CHECK(site.error_text() ==
        service.string() + ":10:14: error: unknown locality 'nowhere' (see localities/ for the ones there are)\n"
                           "  localities: [nowhere]\n"
                           "               ^\n"
                           "1 error, 0 warnings\n");
  const std::string injected = preview_injection(site.error_text(), 7);
  CHECK_THAT(injected, Catch::Contains("unknown locality &#39;nowhere&#39;"));
  CHECK_THAT(injected, Catch::Contains("/__offergen/events?since=7"));

  // A YAML syntax error makes the file unreadable: still the last good pages.
  write_file(service, "name: [unclosed\n");
  RebuildReport unreadable = site.apply({service});
  CHECK_FALSE(unreadable.ok);
  CHECK(*site.file("services/teen-support/index.html") == before);

  // Fixed: the renamed page is published and the problems are gone.
  copy_tree(sites_dir() / "basic" / "content" / "services", dir / "content" / "services");
  replace_in(service, "name: Teen support <team>", "name: Renamed");
  RebuildReport fixed = site.apply({service});
  CHECK(fixed.ok);
  CHECK(site.error_text().empty());
  CHECK_THAT(*site.file("services/teen-support/index.html"), Catch::Contains("<h1>Renamed</h1>"));
  check_same_as_full_build(site, fixed, options);
}

TEST_CASE("request paths map to site files and never leave the site", "[serve]") {
  CHECK(site_file_for("/") == "index.html");
  CHECK(site_file_for("/services/x/") == "services/x/index.html");
  CHECK(site_file_for("/assets/style.1a2b.css") == "assets/style.1a2b.css");
  CHECK_FALSE(site_file_for("/../etc/passwd"));
  CHECK_FALSE(site_file_for("/services/../../etc/passwd"));
  CHECK_FALSE(site_file_for("/./index.html"));
  CHECK_FALSE(site_file_for("/a\\..\\b"));
  CHECK_FALSE(site_file_for("relative"));
}
