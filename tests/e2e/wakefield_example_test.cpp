// A second, independent partnership (examples/wakefield/) built with the
// default templates: it must build without errors, and nothing of the first
// partnership may leak into it from the generator or the templates.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

const BuiltSite& wakefield() {
  static BuiltSite site;
  static bool built = false;
  if (!built) {
    build_in_memory(options_for(source_dir() / "examples" / "wakefield" / "content"), site);
    built = true;
  }
  return site;
}

}  // namespace

TEST_CASE("the Wakefield example builds with no errors", "[content][wakefield]") {
  const BuiltSite& site = wakefield();
  INFO(diagnostics_text(site.result.diagnostics));
  CHECK(site.result.ok());
  CHECK(site.result.diagnostics.error_count() == 0);
  // Its only warnings are the contact details that its strategy does not give.
  for (const auto& d : site.result.diagnostics.all()) {
    INFO(d.message);
    CHECK(std::regex_search(d.message, std::regex("has no contact details$|^site.yaml has no 'contact'")));
  }
}

TEST_CASE("the Wakefield example has its own areas, levels, principles and plan", "[content][wakefield]") {
  const BuiltSite& site = wakefield();
  for (const char* area :
       {"castleford-and-pontefract", "normanton-and-rural", "central-and-north-west", "featherstone-and-south-east"}) {
    INFO(area);
    REQUIRE(site.has(std::string("localities/") + area + "/index.html"));
    CHECK(site.page(std::string("localities/") + area + "/index.html").find("Children First Hub") != std::string::npos);
  }
  const std::string& continuum = site.page("pathways/continuum-of-need/index.html");
  for (const char* level : {"Level 1: Universal", "Level 2: Universal plus", "Level 3: Targeted formal",
                            "Level 4: Serious complex needs"}) {
    INFO(level);
    CHECK(continuum.find(std::string("<strong>") + level + "</strong>") != std::string::npos);
  }
  const std::string& principles = site.page("strategy/principles/index.html");
  for (const char* p : {"A strong universal offer that builds resilience", "Clear pathways to support",
                        "Joining up how we work", "Supporting the whole family", "Measuring the difference we make"}) {
    INFO(p);
    CHECK(principles.find(p) != std::string::npos);
  }
  CHECK(site.page("strategy/outcomes/index.html").find("<h1>Happy, Healthy, Safe</h1>") != std::string::npos);
  CHECK(site.has("strategy/first-1000-days/index.html"));
  const std::string& plan = site.page("strategy/action-plan/index.html");
  CHECK(count(plan, "<table class=\"actions\">") == 4);
  CHECK(plan.find("<td>November 2018</td>") != std::string::npos);
  CHECK(plan.find("<td class=\"not-agreed\">Not yet agreed</td>") != std::string::npos);
  // Its own title and colours.
  CHECK(site.page("index.html").find("<title>") != std::string::npos);
  const std::string& home = site.page("index.html");
  const std::size_t theme = home.find("/assets/theme.");
  REQUIRE(theme != std::string::npos);
  CHECK(site.page(home.substr(theme + 1, home.find('"', theme) - theme - 1)).find("--brand:#00594f") !=
        std::string::npos);
}

TEST_CASE("nothing of the first partnership appears in the second", "[content][wakefield]") {
  for (const auto& [path, text] : wakefield().output.contents()) {
    INFO(path);
    CHECK(text.find("Kirklees") == std::string::npos);
  }
}
