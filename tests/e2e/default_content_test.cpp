// The partnership's real content (content/): it must always build without
// errors, hold everything the partnership publishes, and give the figures of
// the source documents exactly as they were published.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

const BuiltSite& kirklees() {
  static BuiltSite site;
  static bool built = false;
  if (!built) {
    build_in_memory(options_for(source_dir() / "content"), site);
    built = true;
  }
  return site;
}

// Ids of the pages under `folder/` ("services" -> {"camhs", ...}), without the index.
std::set<std::string> page_ids(const BuiltSite& site, const std::string& folder) {
  std::set<std::string> ids;
  const std::regex re("^" + folder + "/([a-z0-9-]+)/index\\.html$");
  for (const auto& [path, _] : site.output.contents()) {
    std::smatch m;
    if (std::regex_match(path, m, re)) ids.insert(m[1].str());
  }
  return ids;
}

std::string strip_tags(const std::string& html) {
  return std::regex_replace(html, std::regex("<[^>]*>"), "");
}

// The cells of the figures table row labelled `label`, as a reader sees them;
// a figure that was not published reads "".
std::vector<std::string> figure_row(const std::string& html, const std::string& label) {
  const std::string start = "<tr><th scope=\"row\">" + label + "</th>";
  const auto at = html.find(start);
  if (at == std::string::npos) return {"no row '" + label + "'"};
  const std::string row = html.substr(at + start.size(), html.find("</tr>", at) - at - start.size());
  std::vector<std::string> cells;
  const std::regex td("<td[^>]*>(.*?)</td>");
  for (auto it = std::sregex_iterator(row.begin(), row.end(), td); it != std::sregex_iterator(); ++it) {
    const std::string text = strip_tags((*it)[1].str());
    cells.push_back(text.find("not published") != std::string::npos ? "" : text);
  }
  return cells;
}

long number(const std::string& cell) {
  std::string digits;
  for (char c : cell)
    if (c >= '0' && c <= '9') digits += c;
  return digits.empty() ? -1 : std::stol(digits);
}

}  // namespace

TEST_CASE("the default content builds with no errors", "[content]") {
  const BuiltSite& site = kirklees();
  INFO(diagnostics_text(site.result.diagnostics));
  CHECK(site.result.ok());
  CHECK(site.result.diagnostics.error_count() == 0);
  CHECK(site.has("index.html"));
}

TEST_CASE("the default content holds everything the partnership publishes", "[content]") {
  const BuiltSite& site = kirklees();

  // Services: at least 30, among them the ones other parts of the site and the
  // plan on a page rely on by id.
  const auto services = page_ids(site, "services");
  CHECK(services.size() >= 30);
  for (const char* id : {"family-support-service",
                         "parenting-group-work",
                         "family-group-conferences",
                         "multi-systemic-therapy",
                         "family-mental-health-service",
                         "stronger-families",
                         "home-start",
                         "family-nurse-partnership",
                         "thriving-kirklees",
                         "hidden-harm",
                         "mothers-apart",
                         "community-plus",
                         "community-hubs",
                         "two-year-old-childcare",
                         "childrens-rights-service",
                         "kirklees-youth-council",
                         "risk-and-vulnerability-team",
                         "missing-from-home-or-care-team",
                         "camhs",
                         "send-local-offer",
                         "multi-agency-safeguarding-hub",
                         "health-visiting",
                         "school-nursing",
                         "domestic-abuse-support",
                         "housing-support"}) {
    INFO(id);
    CHECK(services.count(id) == 1);
  }

  CHECK(page_ids(site, "localities") ==
        std::set<std::string>{"batley-and-spen", "dewsbury-and-mirfield", "huddersfield", "kirklees-rural"});

  const auto pathways = page_ids(site, "pathways");
  CHECK(pathways.size() >= 5);
  for (const char* id : {"getting-early-support", "targeted-family-intervention", "continuum-of-need",
                         "worried-about-a-child", "family-group-conference"}) {
    INFO(id);
    CHECK(pathways.count(id) == 1);
  }

  CHECK(count(site.page("glossary/index.html"), "<div class=\"glossary__entry\"") >= 50);

  // Strategy parts, by the ids the plan on a page picks them by.
  const auto strategy = page_ids(site, "strategy");
  for (const char* id : {"vision", "priorities", "principles", "approach", "thrive", "neglect", "outcomes", "measures",
                         "challenges", "action-plan", "governance"}) {
    INFO(id);
    CHECK(strategy.count(id) == 1);
  }
  CHECK(site.has("strategy/index.html"));

  CHECK(page_ids(site, "young-people") ==
        std::set<std::string>{"what-it-means", "wants-and-needs", "what-you-told-us", "who-can-help", "have-your-say"});
  CHECK(site.has("young-people/index.html"));

  for (const char* page :
       {"about/index.html", "contact/index.html", "privacy/index.html", "accessibility/index.html"}) {
    INFO(page);
    CHECK(site.has(page));
  }
}

TEST_CASE("the needs-analysis figures are exactly as published", "[content][figures]") {
  // Kirklees Early Support Strategy 2018, Appendix 2: the four areas in order
  // (Batley & Spen, Dewsbury & Mirfield, Huddersfield, Kirklees Rural), then
  // "address confidential / live outside Kirklees", then the total.
  const std::string& html = kirklees().page("localities/index.html");
  using Row = std::vector<std::string>;
  CHECK(figure_row(html, "Children aged 0 to 18") == Row{"27,628", "21,590", "32,757", "22,177", "", "104,152"});
  CHECK(figure_row(html, "Children aged 0 to 18 living in the 30% most deprived areas") ==
        Row{"13,749", "15,327", "18,109", "1,959", "", "49,144"});
  CHECK(figure_row(html, "Share of the area&apos;s children living in the 30% most deprived areas") ==
        Row{"28%", "30%", "38%", "4%", "", ""});
  CHECK(figure_row(html, "Children in need, on a child protection plan or looked after (all together)") ==
        Row{"655", "544", "936", "352", "120", "2,607"});
  CHECK(figure_row(html, "Children in need (CIN)") == Row{"390", "332", "549", "232", "51", "1,554"});
  CHECK(figure_row(html, "Children on a child protection plan (CPP)") == Row{"100", "77", "158", "29", "17", "381"});
  CHECK(figure_row(html, "Share of all children on a child protection plan in Kirklees") ==
        Row{"26%", "20%", "41%", "8%", "4%", "100%"});
  CHECK(figure_row(html, "Children looked after (LAC), by home postcode") ==
        Row{"165", "135", "229", "91", "52", "670"});
  CHECK(figure_row(html, "Cognition and learning needs") == Row{"152", "132", "156", "104", "", "544"});
  CHECK(figure_row(html, "Communication and interaction needs") == Row{"212", "172", "287", "170", "", "841"});
  CHECK(figure_row(html, "Social, emotional and mental health needs") == Row{"93", "53", "109", "73", "", "328"});
  CHECK(figure_row(html, "Sensory impairments (including hearing and vision)") ==
        Row{"27", "25", "25", "16", "", "93"});
  CHECK(figure_row(html, "Share of all children with physical and medical needs") ==
        Row{"21%", "25%", "37%", "17%", "", ""});

  // The counts add up to the published totals, which catches a mistyped figure.
  // The one exception is the document's own: its looked-after children add up
  // to 672, but it prints a total of 670, and we publish what it prints.
  for (const char* label :
       {"Children aged 0 to 18", "Children aged 0 to 18 living in the 30% most deprived areas",
        "Children in need, on a child protection plan or looked after (all together)", "Children in need (CIN)",
        "Children on a child protection plan (CPP)", "Cognition and learning needs",
        "Communication and interaction needs", "Physical and medical needs",
        "Social, emotional and mental health needs", "Sensory impairments (including hearing and vision)",
        "Other needs, or still being assessed"}) {
    INFO(label);
    const Row row = figure_row(html, label);
    REQUIRE(row.size() == 6);
    long sum = 0;
    for (std::size_t i = 0; i < 5; ++i) sum += row[i].empty() ? 0 : number(row[i]);
    CHECK(sum == number(row[5]));
  }

  // Each area's page has its own figures, the area marked in its column.
  const std::string& huddersfield = kirklees().page("localities/huddersfield/index.html");
  CHECK(huddersfield.find("<td class=\"is-current\">32,757</td>") != std::string::npos);
  CHECK(kirklees().page("localities/kirklees-rural/index.html").find("<td class=\"is-current\">1,959</td>") !=
        std::string::npos);
}

TEST_CASE("locality pages draw the figures as charts, with the tables as their alternative", "[content][figures]") {
  const std::string& html = kirklees().page("localities/huddersfield/index.html");
  // 13 figures are charted (the shares of Kirklees totals only repeat the
  // counts), in 3 groups, each group with its table.
  CHECK(count(html, "<svg class=\"chart__svg\"") == 13);
  CHECK(count(html, "role=\"img\" aria-labelledby=\"chart-") == 13);
  CHECK(count(html, "<table class=\"figures\">") == 3);
  CHECK(count(html, "Huddersfield (this area)") == 13);
  CHECK(html.find("<title id=\"chart-children-title\">Children aged 0 to 18: highest in Huddersfield (32,757), "
                  "lowest in Dewsbury and Mirfield (21,590).</title>") != std::string::npos);
  CHECK(html.find("id=\"chart-children-share-title\"") == std::string::npos);  // chart: false
  // Every chart's title is unique on the page.
  std::set<std::string> ids;
  for (const auto& id : attribute_values(html, "aria-labelledby")) CHECK(ids.insert(id).second);
  // The page of all areas compares them without marking one.
  const std::string& index = kirklees().page("localities/index.html");
  CHECK(count(index, "<svg class=\"chart__svg\"") == 13);
  CHECK(index.find("(this area)") == std::string::npos);
  CHECK(index.find("chart__bar--current") == std::string::npos);
}

TEST_CASE("the warnings list exactly the services with no contact details", "[content]") {
  const BuiltSite& site = kirklees();
  // Read from the files themselves, not from offergen's own model.
  std::set<std::string> expected;
  for (const auto& e : fs::directory_iterator(source_dir() / "content" / "services")) {
    const std::string text = read_file(e.path());
    if (!std::regex_search(text, std::regex("(^|\\n)contact:"))) expected.insert(e.path().stem().string());
  }
  std::set<std::string> warned;
  std::vector<std::string> other;
  const std::regex re("service '([a-z0-9-]+)' has no contact details");
  for (const auto& d : site.result.diagnostics.all()) {
    if (d.severity != Severity::warning) continue;
    std::smatch m;
    if (std::regex_search(d.message, m, re))
      warned.insert(m[1].str());
    else
      other.push_back(d.message);
  }
  CHECK(warned == expected);
  CHECK(expected.size() >= 25);
  // The one other warning: the documents give no contact for the partnership itself.
  CHECK(other == std::vector<std::string>{"site.yaml has no 'contact' for the partnership"});
}

TEST_CASE("the action plan shows what the documents leave empty as not yet agreed", "[content][strategy]") {
  const std::string& html = kirklees().page("strategy/action-plan/index.html");
  for (const char* theme :
       {"Strategic", "Awareness", "Training", "Data", "Next steps for early support (September 2018)"}) {
    INFO(theme);
    CHECK(html.find(std::string("<h3>") + theme + "</h3>") != std::string::npos);
  }
  CHECK(count(html, "<table class=\"actions\">") == 5);
  const std::size_t rows = count(html, "<tr><th scope=\"row\">");
  CHECK(rows == 34);
  // No lead, date or progress is given in the documents: every cell says so.
  CHECK(count(html, "<td class=\"not-agreed\">Not yet agreed</td>") == rows * 3);
}

TEST_CASE("young people's quotes are grouped by topic, each with its source", "[content][young-people]") {
  const std::string& html = kirklees().page("young-people/what-you-told-us/index.html");
  CHECK(html.find("<h3>What you want from the people who help you</h3>") != std::string::npos);
  CHECK(html.find("<h3>What you need to be happy and healthy</h3>") != std::string::npos);
  const std::size_t quotes = count(html, "<figure class=\"quote\">");
  CHECK(quotes >= 10);
  CHECK(count(html, "<figcaption>") == quotes);
  CHECK(html.find("<blockquote><p>We don&apos;t always need a solution, just listen to us.</p></blockquote>\n"
                  "<figcaption>Children at the Kirklees Safeguarding Children Board conference on neglect, 2015 "
                  "(Neglect and Early Help Strategy 2017–2020)</figcaption>") != std::string::npos);
  // Young people's pages offer a quick way out.
  for (const auto& id : page_ids(kirklees(), "young-people")) {
    INFO(id);
    CHECK(kirklees().page("young-people/" + id + "/index.html").find("exit-this-page") != std::string::npos);
  }
}

TEST_CASE("the continuum of need names its levels from site.yaml", "[content][pathways]") {
  const std::string& html = kirklees().page("pathways/continuum-of-need/index.html");
  CHECK(html.find("<strong>Level 1: Universal</strong>") != std::string::npos);
  CHECK(html.find("<strong>Level 2: Early support</strong>") != std::string::npos);
  CHECK(html.find("<strong>Level 3: Targeted</strong>") != std::string::npos);
  CHECK(html.find("<strong>Level 4: Specialist and statutory</strong>") != std::string::npos);
  // Targeted family intervention has its four stages, in order.
  const std::string& tfi = kirklees().page("pathways/targeted-family-intervention/index.html");
  std::size_t last = 0;
  for (const char* stage : {"Stage 1:", "Stage 2:", "Stage 3:", "Stage 4:"}) {
    const std::size_t at = tfi.find(stage);
    INFO(stage);
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(kirklees().page("pathways/worried-about-a-child/index.html").find("exit-this-page") != std::string::npos);
}

TEST_CASE("the accessibility statement has the sections the regulations ask for", "[content][a11y]") {
  const std::string& html = kirklees().page("accessibility/index.html");
  for (const char* heading :
       {"Compliance status", "Non-accessible content", "Reporting accessibility problems with this website",
        "Enforcement procedure", "How we tested this website", "Preparation of this accessibility statement"}) {
    INFO(heading);
    CHECK(html.find(std::string(">") + heading + "</h2>") != std::string::npos);
  }
  CHECK(html.find("partially compliant") != std::string::npos);
  CHECK(html.find("axe-core") != std::string::npos);
  CHECK(html.find("Nu HTML Checker") != std::string::npos);
}
