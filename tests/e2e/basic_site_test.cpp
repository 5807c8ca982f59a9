// Builds tests/sites/basic and looks at the pages the way a reader would.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

const BuiltSite& basic_site() {
  static BuiltSite site;
  static bool built = false;
  if (!built) {
    build_in_memory(options_for(sites_dir() / "basic" / "content"), site);
    built = true;
  }
  return site;
}

}  // namespace

TEST_CASE("the basic site builds with only the expected warnings", "[site]") {
  const BuiltSite& site = basic_site();
  CHECK(diagnostics_text(site.result.diagnostics) == "0 errors, 0 warnings\n");
  CHECK(site.result.pages == 38);  // 26 + search, /ages/ and 5 age bands, /levels/ and 4 levels
  CHECK(site.result.documents == 5);
}

TEST_CASE("every page type exists at its pretty URL", "[site]") {
  const BuiltSite& site = basic_site();
  for (const char* file : {"index.html", "services/index.html", "services/parenting-group/index.html",
                           "services/teen-support/index.html", "localities/index.html", "localities/north/index.html",
                           "categories/index.html", "categories/young-people/index.html", "glossary/index.html",
                           "about/index.html", "worried/index.html", "404.html", "robots.txt", "sitemap.xml"}) {
    INFO(file);
    CHECK(site.has(file));
  }
  CHECK_FALSE(site.has("index/index.html"));  // pages/index.md is the home page's introduction
}

TEST_CASE("a count of one service is 'One service', never '1 services'", "[site]") {
  const BuiltSite& site = basic_site();
  // A topic, a level and an age band with one service each, and others with two.
  for (const char* file : {"categories/young-people/index.html", "levels/1/index.html", "ages/19-25/index.html"}) {
    INFO(file);
    CHECK(site.page(file).find("<h2>One service</h2>") != std::string::npos);
  }
  for (const char* file : {"categories/parenting/index.html", "levels/3/index.html", "ages/0-4/index.html"}) {
    INFO(file);
    CHECK(site.page(file).find("<h2>2 services</h2>") != std::string::npos);
  }
  // The cards of the index pages.
  for (const char* file : {"categories/index.html", "levels/index.html", "ages/index.html"}) {
    INFO(file);
    CHECK(site.page(file).find("<p class=\"card__meta\">One service</p>") != std::string::npos);
    CHECK(site.page(file).find("<p class=\"card__meta\">2 services</p>") != std::string::npos);
  }
  CHECK(site.page("localities/north/index.html").find("<p>3 services work in this area.</p>") != std::string::npos);
  for (const auto& file : site.pages()) {
    INFO(file);
    CHECK(site.page(file).find(" 1 services") == std::string::npos);
    CHECK(site.page(file).find(">1 services") == std::string::npos);
  }
}

TEST_CASE("every page is built accessibly", "[site][a11y]") {
  const BuiltSite& site = basic_site();
  for (const auto& file : site.pages()) {
    INFO(file);
    const std::string& html = site.page(file);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
    CHECK(html.find("<a class=\"skip-link\" href=\"#main\">") != std::string::npos);
    CHECK(count(html, "<header") == 1);
    CHECK(count(html, "<main id=\"main\"") == 1);
    CHECK(count(html, "<footer") == 1);
    CHECK(html.find("<nav class=\"site-nav\" aria-label=\"Main\">") != std::string::npos);
    // Exactly one h1, and no level is skipped on the way down.
    const std::vector<int> levels = heading_levels(html);
    REQUIRE_FALSE(levels.empty());
    CHECK(levels[0] == 1);
    CHECK(std::count(levels.begin(), levels.end(), 1) == 1);
    for (std::size_t i = 1; i < levels.size(); ++i) {
      INFO("heading " << i);
      CHECK(levels[i] <= levels[i - 1] + 1);
    }
    // No request to any other site and nothing that sets cookies.
    for (const auto& src : attribute_values(html, "src")) CHECK(src.rfind("/", 0) == 0);
    CHECK(html.find("document.cookie") == std::string::npos);
  }
}

TEST_CASE("every internal link and asset resolves to a file", "[site][links]") {
  const BuiltSite& site = basic_site();
  std::size_t checked = 0;
  for (const auto& file : site.pages()) {
    const std::string& html = site.page(file);
    for (const char* attr : {"href", "src"}) {
      for (std::string url : attribute_values(html, attr)) {
        if (url.rfind("/", 0) != 0 || url.rfind("//", 0) == 0) continue;
        url = url.substr(0, url.find_first_of("?#"));
        std::string target = url.substr(1);
        if (target.empty() || target.back() == '/') target += "index.html";
        INFO(file << " links to " << url);
        CHECK(site.has(target));
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("content is escaped and Markdown is rendered", "[site]") {
  const BuiltSite& site = basic_site();
  const std::string& teen = site.page("services/teen-support/index.html");
  CHECK(teen.find("<h1>Teen support &lt;team&gt;</h1>") != std::string::npos);
  CHECK(teen.find("aged 11 to 17 &amp; their families") != std::string::npos);
  CHECK(teen.find("<a href=\"/services/parenting-group/\">parenting group</a>") != std::string::npos);
  const std::string& group = site.page("services/parenting-group/index.html");
  // The description sits under an h2, so its '##' becomes h3 and '###' h4.
  CHECK(group.find("<h3>What happens</h3>") != std::string::npos);
  CHECK(group.find("<h4>Each week</h4>") != std::string::npos);
  CHECK(group.find("<table>") != std::string::npos);
  CHECK(group.find("talk about \xE2\x80\x9Croutines\xE2\x80\x9D") != std::string::npos);
  CHECK(group.find("<a href=\"tel:01632960000\">01632 960000</a>") != std::string::npos);
  CHECK(group.find("<a href=\"mailto:parenting@example.org\">") != std::string::npos);
  CHECK(group.find("From birth to 5") != std::string::npos);
  CHECK(group.find("North and South") != std::string::npos);
}

TEST_CASE("ages the content does not give are not shown as 'all ages'", "[site]") {
  const BuiltSite& site = basic_site();
  const std::string& safe = site.page("services/safe-at-home/index.html");
  CHECK(safe.find("Who it is for") == std::string::npos);
  CHECK(safe.find("All ages") == std::string::npos);
  CHECK(site.page("services/index.html").find("<p class=\"card__meta\">North</p>") != std::string::npos);
  CHECK(site.page("services/teen-support/index.html").find("<dt>Who it is for</dt><dd>Ages 11 to 17</dd>") !=
        std::string::npos);
}

TEST_CASE("sensitive pages get an exit link that works without JavaScript", "[site][exit]") {
  const BuiltSite& site = basic_site();
  const std::string& safe = site.page("services/safe-at-home/index.html");
  CHECK(safe.find("<a class=\"exit-this-page__button\" href=\"https://www.bbc.co.uk/weather\"") != std::string::npos);
  CHECK(safe.find("exit-this-page.") != std::string::npos);
  CHECK(site.page("worried/index.html").find("exit-this-page__button") != std::string::npos);
  CHECK(site.page("services/parenting-group/index.html").find("exit-this-page__button") == std::string::npos);
}

TEST_CASE("locality pages compare the areas' figures", "[site][localities]") {
  const BuiltSite& site = basic_site();
  const std::string& north = site.page("localities/north/index.html");
  CHECK(north.find("<td class=\"is-current\">12,345</td>") != std::string::npos);
  CHECK(north.find("<td>1,234</td>") != std::string::npos);
  CHECK(north.find("<td class=\"is-current\">28%</td>") != std::string::npos);
  // A figure an area does not have: a dash on screen, "not published" when read out.
  CHECK(
      north.find("<td><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">not published</span></td>") !=
      std::string::npos);
  CHECK(north.find("Northtown and Upper Dale") != std::string::npos);
  // Services for all areas and for this area are both listed.
  CHECK(north.find("Teen support") != std::string::npos);
  CHECK(north.find("Safe at home") != std::string::npos);
  CHECK(site.page("localities/south/index.html").find("Safe at home") == std::string::npos);
}

TEST_CASE("the glossary has an anchor per term and links related terms", "[site][glossary]") {
  const std::string& g = basic_site().page("glossary/index.html");
  CHECK(g.find("id=\"mst\"") != std::string::npos);
  CHECK(g.find("id=\"early-help\"") != std::string::npos);
  CHECK(g.find("<a href=\"#cpp\">CPP</a>") != std::string::npos);
  // A to Z: CPP, Early help, MST.
  CHECK(g.find("id=\"cpp\"") < g.find("id=\"early-help\""));
  CHECK(g.find("id=\"early-help\"") < g.find("id=\"mst\""));
}

TEST_CASE("CSS is copied with a content hash in its name", "[site][assets]") {
  const BuiltSite& site = basic_site();
  const std::string& home = site.page("index.html");
  const auto links = attribute_values(home, "href");
  auto css = std::find_if(links.begin(), links.end(),
                          [](const std::string& l) { return l.find(".css") != std::string::npos; });
  REQUIRE(css != links.end());
  CHECK(std::regex_match(*css, std::regex("/assets/style\\.[0-9a-f]{10}\\.css")));
  CHECK(site.has(css->substr(1)));
}

TEST_CASE("the sitemap lists every page by its absolute address", "[site]") {
  const std::string& sitemap = basic_site().page("sitemap.xml");
  CHECK(sitemap.find("<loc>https://example.org/services/teen-support/</loc>") != std::string::npos);
  CHECK(sitemap.find("404") == std::string::npos);
  CHECK(basic_site().page("robots.txt").find("Sitemap: https://example.org/sitemap.xml") != std::string::npos);
}

TEST_CASE("under a sub-path every internal link starts with it and resolves", "[site][links]") {
  BuildOptions o = options_for(sites_dir() / "basic" / "content");
  o.base_url = "https://example.org/offer/";
  BuiltSite site;
  build_in_memory(o, site);
  REQUIRE(site.result.ok());
  std::size_t checked = 0;
  for (const auto& file : site.pages()) {
    for (const char* attr : {"href", "src"}) {
      for (std::string url : attribute_values(site.page(file), attr)) {
        if (url.rfind("/", 0) != 0) continue;
        INFO(file << " links to " << url);
        REQUIRE(url.rfind("/offer/", 0) == 0);
        url = url.substr(
            7, url.find_first_of("?#") == std::string::npos ? std::string::npos : url.find_first_of("?#") - 7);
        if (url.empty() || url.back() == '/') url += "index.html";
        CHECK(site.has(url));
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
  CHECK(site.page("services/teen-support/index.html").find("href=\"/offer/services/parenting-group/\"") !=
        std::string::npos);
  CHECK(site.page("index.html").find("<link rel=\"canonical\" href=\"https://example.org/offer/\">") !=
        std::string::npos);
}

TEST_CASE("the output is byte-identical whatever the number of threads", "[site][determinism]") {
  BuildOptions one = options_for(sites_dir() / "basic" / "content");
  one.jobs = 1;
  BuildOptions four = one;
  four.jobs = 4;
  BuiltSite a, b;
  build_in_memory(one, a);
  build_in_memory(four, b);
  CHECK(a.output.contents() == b.output.contents());
}

TEST_CASE("pathways are numbered steps with and/or, linked both ways with services", "[site][pathways]") {
  const BuiltSite& site = basic_site();
  const std::string& help = site.page("pathways/asking-for-help/index.html");
  // Steps 1, or, 2, 3: an "or" step shares the number of the step before it.
  // Screen readers hear "Step 1:", "Step 1 or"; the circle shows "1", "or".
  CHECK(help.find("<span class=\"step-nav__circle\"><span class=\"visually-hidden\">Step 1:</span><span "
                  "aria-hidden=\"true\">1</span></span> "
                  "<span class=\"step-nav__heading\" data-step-title>Talk to someone you trust</span></h2>") !=
        std::string::npos);
  CHECK(help.find("<span class=\"step-nav__circle step-nav__circle--logic\"><span class=\"visually-hidden\">Step 1 "
                  "or</span><span aria-hidden=\"true\">or</span></span> "
                  "<span class=\"step-nav__heading\" data-step-title>Ring the family line</span>") !=
        std::string::npos);
  CHECK(help.find("<span class=\"visually-hidden\">Step 2:</span><span aria-hidden=\"true\">2</span></span> "
                  "<span class=\"step-nav__heading\" data-step-title>Agree a plan</span>") != std::string::npos);
  // Without JavaScript every step is open: the panels are never hidden in the HTML.
  CHECK(count(help, "data-step-panel") == 3);  // "Review the plan" is only a title
  CHECK(help.find(" hidden") == std::string::npos);
  CHECK(help.find("<script src=\"/assets/step-by-step.") != std::string::npos);
  CHECK(help.find("<h3>Who is in the plan</h3>") != std::string::npos);
  CHECK(help.find("href=\"/services/parenting-group/\"") != std::string::npos);
  const std::string& group = site.page("services/parenting-group/index.html");
  CHECK(group.find("<a href=\"/pathways/asking-for-help/\">Asking for help</a>") != std::string::npos);
  CHECK(site.page("pathways/index.html").find("For practitioners · 2 steps") != std::string::npos);
  CHECK(site.page("pathways/worried-about-a-child/index.html").find("exit-this-page__button") != std::string::npos);
  CHECK(site.page("services/index.html").find("step-by-step.") == std::string::npos);  // only where there are steps
}

TEST_CASE("a pathway page lists the glossary terms it uses", "[site][pathways]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  copy_tree(sites_dir() / "long-guide" / "content", dir / "content");
  BuiltSite site;
  build_in_memory(options_for(dir / "content"), site);
  REQUIRE(site.result.ok());
  const std::string& guide = site.page("pathways/long-guide/index.html");
  CHECK(guide.find("<h2>Words used in this guide</h2>") != std::string::npos);
  CHECK(guide.find("<dt><a href=\"/glossary/#early-help\">Early help</a></dt>") != std::string::npos);
  CHECK(guide.find("<dt><a href=\"/glossary/#mst\">MST</a> (Multi-Systemic Therapy)</dt>") != std::string::npos);
  CHECK(guide.find("CPP") == std::string::npos);
}

TEST_CASE("the plan on a page is a page too, with the same boxes as its PDF", "[site][plan]") {
  const BuiltSite& site = basic_site();
  const std::string& plan = site.page("strategy/plan-on-a-page/index.html");
  CHECK(plan.find("<h1 class=\"plan__title\">Our plan on a page</h1>") != std::string::npos);
  CHECK(plan.find("<p class=\"plan__statement-text\">Every child gets the chance to do well.</p>") !=
        std::string::npos);
  CHECK(plan.find("<div class=\"plan__grid plan__grid--3\">") != std::string::npos);
  const std::size_t a = plan.find("<a href=\"/strategy/priorities/\">Our priorities</a></h2>");
  const std::size_t b = plan.find("<a href=\"/strategy/action-plan/\">What we will do</a></h2>");
  const std::size_t c = plan.find("<a href=\"/strategy/vision/\">What we want for children</a></h2>");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c != std::string::npos);
  CHECK(plan.find("<li>Relaunch the continuum of need (March 2026)</li>") != std::string::npos);
  CHECK(plan.find("<li>Offer help early, before problems grow</li>") != std::string::npos);
}

TEST_CASE("strategy parts show key points and action plans, with unknown cells as not yet agreed", "[site][strategy]") {
  const BuiltSite& site = basic_site();
  const std::string& index = site.page("strategy/index.html");
  CHECK(index.find("<h1>Our strategy</h1>") != std::string::npos);
  CHECK(index.find("Our strategy has three parts.") != std::string::npos);
  CHECK(index.find("href=\"/strategy/vision/\"") < index.find("href=\"/strategy/action-plan/\""));
  CHECK_FALSE(site.has("strategy/index/index.html"));
  CHECK(site.page("strategy/vision/index.html").find("<li>Families get help early</li>") != std::string::npos);
  const std::string& plan = site.page("strategy/action-plan/index.html");
  CHECK(plan.find("<tr><th scope=\"row\">Train staff in early help</th><td class=\"not-agreed\">Not yet agreed</td>"
                  "<td class=\"not-agreed\">Not yet agreed</td><td class=\"not-agreed\">Not yet agreed</td></tr>") !=
        std::string::npos);
  CHECK(plan.find("<td>Partnership board</td><td>March 2026</td><td>Started</td>") != std::string::npos);
}

TEST_CASE("young people's pages have quotes with sources and offer a quick exit", "[site][young-people]") {
  const BuiltSite& site = basic_site();
  const std::string& told = site.page("young-people/what-you-told-us/index.html");
  CHECK(told.find("<blockquote><p>A caring family and friends to talk to through hard times.</p></blockquote>\n"
                  "<figcaption>Young people&apos;s wants and needs work, 2018</figcaption>") != std::string::npos);
  CHECK(told.find("exit-this-page__button") != std::string::npos);
  CHECK(told.find("href=\"/services/teen-support/\"") != std::string::npos);
  CHECK(site.page("young-people/index.html").find("exit-this-page__button") != std::string::npos);
  CHECK(site.page("index.html").find(">Young people</a>") != std::string::npos);
}

TEST_CASE("a templates folder without the card templates renders its lists' cards itself", "[build]") {
  // As a templates folder made before service-card.mustache and
  // area-card.mustache existed: each card's markup inside its list.
  TempDir dir;
  copy_tree(default_templates(), dir / "templates");
  const std::string card = read_file(dir / "templates/service-card.mustache");
  const std::string area_card = read_file(dir / "templates/area-card.mustache");
  fs::remove(dir / "templates/service-card.mustache");
  fs::remove(dir / "templates/area-card.mustache");
  write_file(dir / "templates/partials/service-list.mustache",
             "<ul class=\"card-list card-list--grid\">\n{{#services}}\n" + card + "{{/services}}\n</ul>\n");
  // The services index, whose filters read each card's data-facets.
  const std::string facets = "{{#filterable}} data-facets='{{{facets_attribute}}}'{{/filterable}}";
  REQUIRE(card.find(facets) != std::string::npos);
  std::string filter_card = card;
  filter_card.replace(filter_card.find(facets), facets.size(), " data-facets='{{{facets_attribute}}}'");
  std::string services = read_file(dir / "templates/services.mustache");
  const std::string filter_list = "{{#services}}\n{{{filter_html}}}\n{{/services}}";
  REQUIRE(services.find(filter_list) != std::string::npos);
  services.replace(services.find(filter_list), filter_list.size(), "{{#services}}\n" + filter_card + "{{/services}}");
  write_file(dir / "templates/services.mustache", services);
  std::string locality = read_file(dir / "templates/locality.mustache");
  const std::string inserted = "{{#services}}\n{{{area_html}}}\n{{/services}}";
  REQUIRE(locality.find(inserted) != std::string::npos);
  locality.replace(locality.find(inserted), inserted.size(), "{{#services}}\n" + area_card + "{{/services}}");
  write_file(dir / "templates/locality.mustache", locality);

  BuiltSite with_cards, without;
  build_in_memory(options_for(sites_dir() / "basic" / "content"), with_cards);
  build_in_memory(options_for(sites_dir() / "basic" / "content", dir / "templates"), without);
  REQUIRE(without.result.diagnostics.error_count() == 0);
  for (const char* page : {"services/index.html", "categories/parenting/index.html", "levels/1/index.html"}) {
    INFO(page);
    CHECK(count(with_cards.page(page), "<li class=\"card\"") > 0);
    CHECK(without.page(page) == with_cards.page(page));
  }
  const std::string area = "localities/north/index.html";
  CHECK(count(with_cards.page(area), "<h4 class=\"card__title\">") > 0);
  CHECK(without.page(area) == with_cards.page(area));
}

TEST_CASE("a layout that escapes its content, or shows it twice, gets the body each time", "[build]") {
  // The body is written straight into a layout with one {{{content}}}; any
  // other layout is rendered the plain way, with the body as a value.
  BuiltSite plain;
  build_in_memory(options_for(sites_dir() / "basic" / "content"), plain);
  const std::string body_start = "<h1";
  for (const char* layout : {"<main>{{content}}</main>\n", "<main>{{{content}}}</main>\n<pre>{{content}}</pre>\n"}) {
    INFO(layout);
    TempDir dir;
    copy_tree(default_templates(), dir / "templates");
    write_file(dir / "templates/layout.mustache", layout);
    BuiltSite site;
    build_in_memory(options_for(sites_dir() / "basic" / "content", dir / "templates"), site);
    REQUIRE(site.result.diagnostics.error_count() == 0);
    const std::string page = site.page("services/index.html");
    CHECK(page.find("&lt;h1") != std::string::npos);  // the escaped body
    CHECK(page.find("offergen:content") == std::string::npos);
    const bool raw = std::string(layout).find("{{{content}}}") != std::string::npos;
    CHECK((page.find("<main>" + body_start) != std::string::npos) == raw);
  }
}

TEST_CASE("an item's extra: data reaches its template, escaped", "[build][extra]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  copy_tree(default_templates(), dir / "templates");
  const fs::path service = dir / "content/services/teen-support.md";
  std::string text = read_file(service);
  text.replace(text.find("last_reviewed:"), 0,
               "extra:\n  team_code: <T1>\n  days: [Monday, Friday]\n  office:\n    room: \"12\"\n");
  write_file(service, text);
  const fs::path area = dir / "content/localities/north.md";
  std::string area_text = read_file(area);
  area_text.replace(area_text.find("\n---\n"), 0, "\nextra:\n  code: N1");
  write_file(area, area_text);
  const fs::path about = dir / "content/pages/about.md";
  std::string about_text = read_file(about);
  about_text.replace(about_text.find("\n---\n"), 0, "\nextra:\n  code: P1");
  write_file(about, about_text);
  for (const char* name : {"service", "locality", "page"}) {
    const fs::path file = dir / "templates" / (std::string(name) + ".mustache");
    write_file(file,
               read_file(file) +
                   "<p id=\"extra\">{{extra.team_code}}|{{#extra.days}}[{{.}}]{{/extra.days}}|{{extra.office.room}}|"
                   "{{extra.code}}</p>\n");
  }
  BuiltSite site;
  build_in_memory(options_for(dir / "content", dir / "templates"), site);
  REQUIRE(site.result.diagnostics.error_count() == 0);
  CHECK_THAT(site.page("services/teen-support/index.html"),
             Catch::Contains("<p id=\"extra\">&lt;T1&gt;|[Monday][Friday]|12|</p>"));
  CHECK_THAT(site.page("localities/north/index.html"), Catch::Contains("<p id=\"extra\">|||N1</p>"));
  CHECK_THAT(site.page("about/index.html"), Catch::Contains("<p id=\"extra\">|||P1</p>"));
  // A service without extra: shows nothing, and takes nothing from the page around it.
  CHECK_THAT(site.page("services/safe-at-home/index.html"), Catch::Contains("<p id=\"extra\">|||</p>"));
}
