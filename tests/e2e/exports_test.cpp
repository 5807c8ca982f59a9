// Machine-readable outputs: Open Referral UK JSON, schema.org JSON-LD, the Atom feed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>

#include "export/open_referral.hpp"
#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

const BuiltSite& site() {
  static BuiltSite built;
  static bool done = false;
  if (!done) {
    build_in_memory(options_for(sites_dir() / "basic" / "content"), built);
    done = true;
  }
  return built;
}

}  // namespace

TEST_CASE("services are exported as an Open Referral UK page of services", "[exports]") {
  const auto j = nlohmann::json::parse(site().page("openreferral/services.json"));
  CHECK(j["total_items"] == 3);
  CHECK(j["contents"].size() == 3);
  const auto& group = j["contents"][0];
  CHECK(group["name"] == "Parenting group");
  CHECK(std::regex_match(group["id"].get<std::string>(),
                         std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(group["minimum_age"] == 0);
  CHECK(group["maximum_age"] == 5);
  CHECK(group["phones"][0]["number"] == "01632 960000");
  CHECK(group["service_areas"].size() == 2);
  CHECK(group["url"] == "https://example.org/parenting");
  CHECK(group["description"] ==
        "A weekly group for parents of young children.\n\nA friendly group where parents share ideas. What happens "
        "You meet other parents & talk about \xE2\x80\x9Croutines\xE2\x80\x9D. Each week Week Topic 1 Sleep 2 Play");
  const auto& safe = j["contents"][1];
  CHECK(safe["name"] == "Safe at home");
  CHECK(safe["minimum_age"] == -1);  // ORUK's "no limit"
  CHECK(safe["url"] == "https://example.org/services/safe-at-home/");
  bool level = false;
  for (const auto& a : safe["attributes"]) level = level || a["taxonomy_term"]["name"] == "Level 4: Specialist";
  CHECK(level);
}

TEST_CASE("stable UUIDs do not change between builds and differ between records", "[exports]") {
  CHECK(stable_uuid("service", "home-start") == stable_uuid("service", "home-start"));
  CHECK(stable_uuid("service", "home-start") != stable_uuid("service", "home-starts"));
  CHECK(stable_uuid("service", "x") != stable_uuid("area", "x"));
}

TEST_CASE("service pages carry schema.org JSON-LD that cannot break out of its script", "[exports]") {
  const std::string& html = site().page("services/teen-support/index.html");
  const std::string open = "<script type=\"application/ld+json\">";
  const auto start = html.find(open);
  REQUIRE(start != std::string::npos);
  const auto end = html.find("</script>", start);
  const auto j = nlohmann::json::parse(html.substr(start + open.size(), end - start - open.size()));
  CHECK(j["@type"] == "Service");
  CHECK(j["name"] == "Teen support <team>");
  CHECK(j["audience"]["suggestedMinAge"] == 11);
  CHECK(j["availableChannel"]["servicePhone"]["telephone"] == "+44 1632 960001");
  CHECK(html.find("\\u003cteam\\u003e") != std::string::npos);
  CHECK(site().page("glossary/index.html").find("application/ld+json") == std::string::npos);
}

TEST_CASE("the feed lists what changed, newest first, when the site knows its address", "[exports]") {
  const std::string& feed = site().page("feed.xml");
  CHECK(feed.find("<title>What changed: Exampleshire early help</title>") != std::string::npos);
  CHECK(feed.find("<updated>2026-01-15T00:00:00Z</updated>") != std::string::npos);
  CHECK(feed.find("<id>https://example.org/services/teen-support/</id>") != std::string::npos);
  CHECK(feed.find("Children&#39;s Partnership") != std::string::npos);

  BuildOptions o = options_for(sites_dir() / "basic" / "content");
  o.base_url = "/offer/";
  BuiltSite no_origin;
  build_in_memory(o, no_origin);
  CHECK_FALSE(no_origin.has("feed.xml"));
  CHECK_FALSE(no_origin.has("sitemap.xml"));
  CHECK(no_origin.has("openreferral/services.json"));
}
