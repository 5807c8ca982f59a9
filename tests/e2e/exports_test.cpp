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

TEST_CASE("services are exported as an Open Referral UK API of static files", "[exports]") {
  // GET /, GET /services (every record on one page), GET /services/{id}.
  const auto root = nlohmann::json::parse(site().page("openreferral/index.html"));
  CHECK(root["version"] == "3.0");
  CHECK(root["profile"] == "https://github.com/openreferral/uk-profile");
  const auto j = nlohmann::json::parse(site().page("openreferral/services/index.html"));
  CHECK(j["total_items"] == 3);
  CHECK(j["contents"].size() == 3);
  const auto& group = j["contents"][0];
  CHECK(group["name"] == "Parenting group");
  const std::string id = group["id"];
  CHECK(std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(nlohmann::json::parse(site().page("openreferral/services/" + id)) == group);
  CHECK(group["minimum_age"] == 0);
  CHECK(group["maximum_age"] == 5);
  CHECK(group["contacts"][0]["phones"][0]["number"] == "01632 960000");
  CHECK(group["contacts"][0]["email"] == "parenting@example.org");
  CHECK(group["service_areas"].size() == 2);
  CHECK(group["url"] == "https://example.org/parenting");
  CHECK(group["schedules"][0]["description"] == "Tuesdays, 10am to 12pm");
  CHECK(group["languages"][1]["name"] == "Urdu");
  CHECK(group["languages"][1]["code"] == "ur");
  CHECK(group["cost_options"][0]["amount"] == 0);
  const auto& address = group["service_at_locations"][0]["location"]["addresses"][0];
  CHECK(address["address_1"] == "Northtown Family Hub, 1 High Street");
  CHECK(address["country"] == "GB");
  // Paragraphs, headings and table rows each on their own; "&" and "<" as
  // JSON escapes, so that a browser shown the list as HTML finds no markup.
  CHECK(group["description"] ==
        "A weekly group for parents of young children.\n\nA friendly group where parents share ideas.\n\nWhat "
        "happens\n\nYou meet other parents & talk about \xE2\x80\x9Croutines\xE2\x80\x9D.\n\nEach week\n\nWeek | "
        "Topic\n1 | Sleep\n2 | Play");
  CHECK(site().page("openreferral/services/index.html").find("parents \\u0026 talk") != std::string::npos);
  const auto& safe = j["contents"][1];
  CHECK(safe["name"] == "Safe at home");
  CHECK_FALSE(safe.contains("minimum_age"));  // no limit: left out, never -1
  CHECK(safe["url"] == "https://example.org/services/safe-at-home/");
  std::vector<std::string> terms;
  for (const auto& a : safe["attributes"]) {
    CHECK(a["link_entity"] == "service");
    CHECK(a["taxonomy_term_id"] == a["taxonomy_term"]["id"]);
    terms.push_back(a["taxonomy_term"]["code"].get<std::string>() + ": " +
                    a["taxonomy_term"]["name"].get<std::string>());
  }
  CHECK(terms == std::vector<std::string>{"keeping-safe: Keeping children safe", "level-3: Level 3: Targeted",
                                          "level-4: Level 4: Specialist", "self-referral: You can refer yourself"});
}

TEST_CASE("the export's taxonomies and terms are listed and each can be fetched by id", "[exports]") {
  const auto taxonomies = nlohmann::json::parse(site().page("openreferral/taxonomies/index.html"));
  REQUIRE(taxonomies["contents"].size() == 3);
  CHECK(taxonomies["contents"][1]["name"] == "Levels of need");
  const auto terms = nlohmann::json::parse(site().page("openreferral/taxonomy_terms/index.html"));
  for (const auto& t : terms["contents"]) {
    CHECK(nlohmann::json::parse(site().page("openreferral/taxonomy_terms/" + t["id"].get<std::string>())) == t);
    CHECK_FALSE(t["description"].get<std::string>().empty());
  }
  CHECK(language_code("Polish") == "pl");
  CHECK(language_code(" british sign language ") == "bfi");
  CHECK(language_code("Klingon").empty());
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
  CHECK(no_origin.has("openreferral/services/index.html"));
  // Without the site's address a service without a website has no url:
  // ORUK's is absolute.
  const auto j = nlohmann::json::parse(no_origin.page("openreferral/services/index.html"));
  CHECK_FALSE(j["contents"][1].contains("url"));
}

TEST_CASE("a website or address the export cannot take as written is made safe, never a crash", "[exports]") {
  // A website with characters a URI may not hold is percent-encoded; one
  // whose port is no number is left out (ORUK's url must be a URI). An
  // address ending in much white space once sent std::regex into a
  // recursion per character (200,000 spaces then; a line may now hold 20,000
  // characters).
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  const fs::path file = dir / "content" / "services" / "safe-at-home.md";
  std::string text = read_file(file);
  const std::string spaces(19'900, ' ');
  text.replace(text.find("  phone: 0800 1111"), 18,
               "  phone: 0800 1111\n  website: https://example.org/caf\xC3\xA9/a|b\n  address: 1 High St, HD1 2AB" +
                   spaces + "\\t");
  write_file(file, text);
  BuiltSite built;
  build_in_memory(options_for(dir / "content"), built);
  const auto j = nlohmann::json::parse(built.page("openreferral/services/index.html"));
  const auto& safe = j["contents"][1];
  REQUIRE(safe["name"] == "Safe at home");
  CHECK(safe["url"] == "https://example.org/caf%C3%A9/a%7Cb");
  const auto& address = safe["service_at_locations"][0]["location"]["addresses"][0];
  CHECK(address["postal_code"] == "");  // the address ends in "\t", not a postcode
}
