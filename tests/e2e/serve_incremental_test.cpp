// The preview server's incremental rebuilds give, edit after edit, exactly
// what a full build of the same files gives: every page byte for byte and
// every diagnostic. This is what keeps the page plan's inputs
// (render/page_plan.hpp) and the page builders from drifting apart: a page
// that reads something its plan does not name is left stale and fails here.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <future>

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

// Every file of a full build is published with the same bytes (pages, the
// search index, the documents, the exports), no other file is, and the
// diagnostics are the same.
void check_same_as_full_build(const LiveSite& site, const RebuildReport& report, const BuildOptions& options) {
  BuiltSite full;
  build_in_memory(options, full);
  CHECK(diagnostics_text(report.diagnostics) == diagnostics_text(full.result.diagnostics));
  REQUIRE(full.result.ok());
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : full.output.contents()) {
    paths.push_back(path);
    INFO(path);
    auto published = site.file(path);
    REQUIRE(published);
    CHECK(*published == bytes);
  }
  CHECK(site.published_paths() == paths);
}

// Prints the documents an edit left stale, as the server does between
// changes, then compares with a full build.
void check_after_printing(LiveSite& site, const BuildOptions& options) {
  const RebuildReport printed = site.print_stale_documents();
  CHECK_FALSE(site.documents_stale());
  check_same_as_full_build(site, printed, options);
}

// How much an edit renders again: some pages, or every page.
enum class Scope { some, every_page };

struct Edit {
  const char* what;
  const char* file;  // under the temporary folder
  const char* from;
  const char* to;
  Scope scope;
};

}  // namespace

namespace {

// The basic site's content and the default templates in `dir`, to be edited.
void copy_basic_site(const TempDir& dir) {
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  copy_tree(default_templates(), dir / "templates");
}

// Edits of every kind, one after another; after each, the pages the edit
// affects are rendered (not all of them), and once the stale documents are
// printed everything equals a full build.
void check_edits(const std::string& base_url) {
  TempDir dir;
  copy_basic_site(dir);
  BuildOptions options = preview_options(dir);
  options.base_url = base_url;
  LiveSite site(options);
  RebuildReport first = site.build_all();
  REQUIRE(first.ok);
  const std::size_t total = first.rendered;
  CHECK(site.documents_stale());  // printed after the pages
  check_after_printing(site, options);

  const Edit edits[] = {
      {"a service's name (it moves in every list)", "content/services/teen-support.md", "name: Teen support <team>",
       "name: Adolescent support", Scope::some},
      {"a service's summary (cards, search, exports, documents)", "content/services/teen-support.md",
       "summary: Intensive help for young people aged 11 to 17 & their families.",
       "summary: Intensive help at home for young people aged 11 to 17.", Scope::some},
      {"a service's review date (the feed, the documents' dates)", "content/services/teen-support.md",
       "last_reviewed: 2026-01-10", "last_reviewed: 2026-02-20", Scope::some},
      {"a service's areas (it leaves one area's list and joins another)", "content/services/safe-at-home.md",
       "localities: [north]", "localities: [south]", Scope::some},
      {"a service's levels (it leaves one level's list and joins another)", "content/services/safe-at-home.md",
       "levels: [3, 4]", "levels: [2, 3]", Scope::some},
      {"a service's ages (it joins the lists of other ages)", "content/services/parenting-group.md", "max_age: 5",
       "max_age: 12", Scope::some},
      {"a service's topics", "content/services/parenting-group.md", "categories: [parenting]",
       "categories: [parenting, keeping-safe]", Scope::some},
      {"a service's description (the Markdown below its front matter)", "content/services/teen-support.md",
       "Support at home.", "Support at home and at school.", Scope::some},
      {"an area's description", "content/localities/north.md", "deprived-share: 28\n---\n",
       "deprived-share: 28\n---\n\nThe towns of the north.\n", Scope::some},
      {"a service's extra: data", "content/services/teen-support.md", "last_reviewed: 2026-02-20",
       "last_reviewed: 2026-02-20\nextra:\n  code: T1", Scope::some},
      {"an area's name (every card that names it)", "content/localities/north.md", "name: North",
       "name: Northern towns", Scope::some},
      {"the services a pathway step names", "content/pathways/asking-for-help.md", "services: [teen-support]",
       "services: [safe-at-home]", Scope::some},
      {"a free page in the footer", "content/pages/about.md", "title: About us", "title: About the partnership",
       Scope::every_page},
      {"the glossary", "content/glossary.yaml", "Intensive help", "Very intensive help", Scope::some},
      {"the figures", "content/figures.yaml", "label: Children aged 0 to 18", "label: Children and young people",
       Scope::some},
      {"a strategy part", "content/strategy/vision.md", "title: Our vision", "title: What we want", Scope::some},
      {"a strategy part in the plan on a page", "content/strategy/priorities.md",
       "summary: Four things we will focus on first.", "summary: Four things we will do first.", Scope::some},
      {"the plan on a page", "content/plan-on-a-page.yaml", "title: What we will do", "title: Our actions",
       Scope::some},
      {"a young people's page", "content/young-people/what-you-told-us.md", "services: [teen-support]",
       "services: [teen-support, parenting-group]", Scope::some},
      {"a partial", "templates/partials/service-list.mustache", "<ul class=\"card-list card-list--grid\">",
       "<ul class=\"card-list card-list--grid card-list--services\">", Scope::some},
      {"the card of every service list", "templates/service-card.mustache", "<li class=\"card\"",
       "<li class=\"card card--service\"", Scope::every_page},
      {"the card on every area's page", "templates/area-card.mustache", "<li class=\"card\"",
       "<li class=\"card card--area\"", Scope::every_page},
      {"the layout", "templates/layout.mustache", "Skip to main content", "Skip to the content", Scope::every_page},
      {"site.yaml", "content/site.yaml", "title: Exampleshire early help", "title: Exampleshire support",
       Scope::every_page},
  };
  for (const Edit& e : edits) {
    INFO(e.what);
    replace_in(dir / e.file, e.from, e.to);
    const RebuildReport r = site.apply({dir / e.file});
    if (e.scope == Scope::some) CHECK(r.rendered < total);
    if (e.scope == Scope::every_page) CHECK(r.rendered == total);
    check_after_printing(site, options);
  }

  // A new service and a removed one change the pages a site has.
  write_file(dir / "content/services/new-service.md",
             "---\nname: New service\nsummary: New.\ncategories: [parenting]\nlevels: [1]\nlocalities: all\n"
             "access: [drop-in]\ncontact:\n  phone: 01632 960002\nlast_reviewed: 2026-10-01\n---\n");
  site.apply({dir / "content/services/new-service.md"});
  check_after_printing(site, options);
  CHECK(site.file("services/new-service/index.html"));
  fs::remove(dir / "content/services/new-service.md");
  site.apply({dir / "content/services/new-service.md"});
  check_after_printing(site, options);
  CHECK_FALSE(site.file("services/new-service/index.html"));
}

}  // namespace

TEST_CASE("incremental rebuilds equal full builds, edit after edit", "[serve]") {
  SECTION("previewed at the site's root, as 'offergen serve' builds") {
    check_edits("/");
  }
  // With a full address the site also has sitemap.xml, feed.xml and
  // absolute addresses in the exports and JSON-LD.
  SECTION("with the site's full address") {
    check_edits("https://example.org/offer/");
  }
}

TEST_CASE("documents printed in the background give what a full build gives", "[serve]") {
  TempDir dir;
  copy_basic_site(dir);
  const BuildOptions options = preview_options(dir);
  LiveSite site(options);
  REQUIRE(site.build_all().ok);
  // Before the documents are printed, pages have no download links.
  CHECK_THAT(*site.file("pathways/asking-for-help/index.html"), !Catch::Contains("Download this guide"));
  auto print_in_background = [&] {
    RebuildReport last;
    while (site.start_background_print()) last = site.finish_background_print(true);
    return last;
  };
  const RebuildReport printed = print_in_background();
  CHECK(printed.rendered > 0);  // the pages that link to documents
  check_same_as_full_build(site, printed, options);
  CHECK_THAT(*site.file("pathways/asking-for-help/index.html"), Catch::Contains("Download this guide"));

  // An edit while a document is being printed: the print of the older
  // content is dropped, and the document printed again.
  const fs::path service = dir / "content/services/teen-support.md";
  replace_in(service, "summary: Intensive help for young people aged 11 to 17 & their families.",
             "summary: Help at home for teenagers.");
  site.apply({service});
  REQUIRE(site.start_background_print());
  replace_in(service, "summary: Help at home for teenagers.", "summary: Help at home for young people.");
  site.apply({service});
  const RebuildReport after = print_in_background();
  CHECK_FALSE(site.documents_stale());
  check_same_as_full_build(site, after, options);
}

TEST_CASE("a rebuild with errors keeps the last good pages and shows the problems", "[serve]") {
  TempDir dir;
  copy_basic_site(dir);
  const BuildOptions options = preview_options(dir);
  LiveSite site(options);
  REQUIRE(site.build_all().ok);
  const std::string before = *site.file("services/teen-support/index.html");
  const fs::path service = dir / "content/services/teen-support.md";

  // A reference to a locality that does not exist, and a new name: the page
  // is not published with the new name while the content has an error.
  replace_in(service, "localities: all", "localities: [nowhere]");
  replace_in(service, "name: Teen support <team>", "name: Renamed");
  RebuildReport broken = site.apply({service});
  CHECK_FALSE(broken.ok);
  CHECK(*site.file("services/teen-support/index.html") == before);
  CHECK(site.error_text() == service.string() +
                                 ":8:14: error: unknown locality 'nowhere' (see localities/ for the ones there are)\n"
                                 "  localities: [nowhere]\n"
                                 "               ^\n"
                                 "1 error, 0 warnings\n");
  const std::string injected = preview_injection(site.error_text(), 7);
  CHECK_THAT(injected, Catch::Contains("unknown locality &#39;nowhere&#39;"));
  CHECK_THAT(injected, Catch::EndsWith("<script src=\"/__offergen/reload.js\" data-since=\"7\" defer></script>\n"));

  // A YAML syntax error makes the file unreadable: still the last good pages.
  write_file(service, "---\nname: [unclosed\n---\n");
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
  check_after_printing(site, options);
}

TEST_CASE("a card cut short by the render limits stays an error after an edit elsewhere", "[serve][limits]") {
  TempDir dir;
  copy_basic_site(dir);
  // Eight partials, each including the next ten times: 10^8 facets a card,
  // past 128 MB after a million steps.
  for (int k = 1; k <= 8; ++k) {
    std::string text = k == 8 ? "{{{facets}}}" : "";
    for (int i = 0; k < 8 && i < 10; ++i) text += "{{> m" + std::to_string(k + 1) + "}}";
    write_file(dir / "templates" / "partials" / ("m" + std::to_string(k) + ".mustache"), text);
  }
  replace_in(dir / "templates" / "service-card.mustache", "</li>", "{{> m1}}</li>");
  BuildOptions options = preview_options(dir);
  options.jobs = 1;  // one card to the limit (9 s with ASan), the others left
  LiveSite site(options);
  const std::string error =
      "service-card.mustache: error: rendering the card of service 'parenting-group' went past 10 million steps or "
      "128 MB, and stopped";
  const RebuildReport first = site.build_all();
  CHECK_FALSE(first.ok);
  CHECK_THAT(diagnostics_text(first.diagnostics), Catch::Contains(error));
  // An edit of another service's text: the first service's card would come
  // from the cache. Before, the cut-off card was kept there, and this build
  // took it without its error.
  const fs::path other = dir / "content/services/teen-support.md";
  replace_in(other, "Support at home.", "Support at home, after school.");
  const RebuildReport second = site.apply({other});
  CHECK_FALSE(second.ok);
  CHECK_THAT(diagnostics_text(second.diagnostics), Catch::Contains(error));
}

TEST_CASE("a services/*.yaml added or removed while serving is reported as a build reports it", "[serve]") {
  TempDir dir;
  copy_basic_site(dir);
  const BuildOptions options = preview_options(dir);
  LiveSite site(options);
  REQUIRE(site.build_all().ok);
  const fs::path old_style = dir / "content/services/old-style.yaml";
  write_file(old_style, "name: Old style\n");
  RebuildReport added = site.apply({old_style});
  CHECK_FALSE(added.ok);
  CHECK_THAT(site.error_text(), Catch::Contains("old-style.yaml: error: a file in 'services' is Markdown"));
  fs::remove(old_style);
  RebuildReport removed = site.apply({old_style});
  CHECK(removed.ok);
  CHECK(site.error_text().empty());
}

TEST_CASE("the preview's cache holds only what the site has now", "[serve]") {
  TempDir dir;
  copy_basic_site(dir);
  BuildOptions options = preview_options(dir);
  options.documents = false;
  BuildCache cache;
  NullOutput output;
  const BuildResult first = run_pipeline(options, output, &cache);
  REQUIRE(first.ok());
  CHECK(cache.pages.size() == first.pages);
  const fs::path extra = dir / "content/services/extra.md";
  write_file(extra, read_file(dir / "content/services/parenting-group.md"));
  cache.load.changed.insert(display_path(extra));
  const BuildResult more = run_pipeline(options, output, &cache);
  REQUIRE(more.ok());
  CHECK(more.pages == first.pages + 1);
  CHECK(cache.pages.size() == more.pages);
  fs::remove(extra);
  cache.load.changed.insert(display_path(extra));
  const BuildResult back = run_pipeline(options, output, &cache);
  REQUIRE(back.ok());
  CHECK(back.pages == first.pages);
  CHECK(cache.pages.size() == first.pages);
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

TEST_CASE("a build's export, made a block of records at a time, equals the preview's", "[serve]") {
  // The export is made 256 records at a time; 600 services cross the blocks'
  // edges. The preview takes unchanged records from its cache.
  TempDir dir;
  copy_basic_site(dir);
  const std::string model = read_file(dir / "content/services/parenting-group.md");
  for (int i = 0; i < 600; ++i) {
    std::string text = model;
    const std::string n = std::to_string(i);
    text.replace(text.find("name: Parenting group"), 21, "name: Group " + n);
    text.replace(text.find("A weekly group"), 14, "Group number " + n + " meets weekly");
    write_file(dir / ("content/services/group-" + n + ".md"), text);
  }
  BuildOptions options = preview_options(dir);
  options.documents = false;
  LiveSite site(options);
  const RebuildReport first = site.build_all();
  REQUIRE(first.ok);
  check_same_as_full_build(site, first, options);
  REQUIRE(site.file("openreferral/services/index.html"));
  std::size_t groups = 0;
  const auto page = nlohmann::json::parse(*site.file("openreferral/services/index.html"));
  for (const auto& record : page["contents"]) groups += record["name"].get<std::string>().starts_with("Group ");
  CHECK(groups == 600);
}
