// A site safe for a reader at risk from someone at home (issue 21): the
// content security policy on every page, nothing inline that it would block,
// no link that tells another site where the reader came from, and "Exit this
// page" wherever the site lists, searches or explains harm. Built from
// tests/sites/basic with a sensitive topic, a sensitive glossary term, a page
// on covering your tracks and links to other sites in Markdown.
#include <catch2/catch.hpp>

#include <regex>

#include "core/security_policy.hpp"
#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const BuiltSite& safety_site() {
  static BuiltSite site;
  static bool built = false;
  if (built) return site;
  TempDir tmp;
  const fs::path content = tmp / "content";
  copy_tree(sites_dir() / "basic" / "content", content);
  write_file(content / "site.yaml", replaced(read_file(content / "site.yaml"), "    name: Keeping children safe\n",
                                             "    name: Keeping children safe\n    sensitive: true\n"));
  write_file(content / "glossary.yaml",
             replaced(read_file(content / "glossary.yaml"),
                      "    definition: A plan that says how a child will be kept safe.\n",
                      "    definition: A plan that says how a child will be kept safe.\n    sensitive: true\n"));
  write_file(content / "pages" / "covering-your-tracks.md",
             "---\ntitle: Covering your tracks online\nsummary: Keeping your visit private.\nsensitive: true\n---\n"
             "Use [private browsing](https://example.org/private) or <https://example.org/help>.\n");
  write_file(content / "pages" / "about.md",
             read_file(content / "pages" / "about.md") + "\nSee [the NSPCC](https://www.nspcc.org.uk/ \"NSPCC\").\n");
  build_in_memory(options_for(content), site);
  built = true;
  return site;
}

bool has_exit(const std::string& html) {
  return html.find("class=\"exit-this-page__button\"") != std::string::npos;
}

}  // namespace

TEST_CASE("the safety fixture builds without problems", "[safety]") {
  CHECK(diagnostics_text(safety_site().result.diagnostics) == "0 errors, 0 warnings\n");
}

TEST_CASE("every page carries the content security policy first in its head", "[safety]") {
  const BuiltSite& site = safety_site();
  const std::string head = "<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                           std::string(kPageSecurityPolicy) + "\">\n";
  REQUIRE(site.pages().size() > 30);
  for (const auto& file : site.pages()) {
    INFO(file);
    CHECK(site.page(file).find(head) != std::string::npos);
  }
}

TEST_CASE("no page has an inline script, event handler, style element or style attribute", "[safety]") {
  const BuiltSite& site = safety_site();
  // A <script> without src that is not JSON-LD data; an attribute style= or on...=.
  const std::regex inline_script(R"re(<script(?![^>]*\ssrc=)(?![^>]*type="application/ld\+json")[^>]*>)re");
  const std::regex inline_attribute(R"re(<[^>]*\s(style|on[a-z]+)=[^>]*>)re");
  for (const auto& file : site.pages()) {
    INFO(file);
    const std::string& html = site.page(file);
    CHECK_FALSE(std::regex_search(html, inline_script));
    CHECK_FALSE(std::regex_search(html, inline_attribute));
    CHECK(html.find("<style") == std::string::npos);
  }
  // The colours are in a file of their own.
  const std::string& home = site.page("index.html");
  std::smatch theme;
  REQUIRE(std::regex_search(home, theme,
                            std::regex(R"re(<link rel="stylesheet" href="/(assets/theme\.[0-9a-f]+\.css)">)re")));
  CHECK(site.page(theme[1]) ==
        ":root{--brand:#1d4f91;--accent:#ffdd00;--text:#0b0c0c;--background:#ffffff;"
        "--print-origin:\"https://example.org\"}\n");
}

TEST_CASE("every link to another site has rel=noreferrer, in templates and in Markdown", "[safety]") {
  const BuiltSite& site = safety_site();
  const std::regex outbound(R"re(<a [^>]*href="(https?:)?//[^"]*"[^>]*>)re", std::regex::icase);
  std::size_t links = 0;
  for (const auto& file : site.pages()) {
    const std::string& html = site.page(file);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), outbound); it != std::sregex_iterator(); ++it) {
      INFO(file << ": " << it->str());
      CHECK(std::regex_search(it->str(), std::regex(R"re(rel="[^"]*\bnoreferrer\b)re")));
      ++links;
    }
  }
  CHECK(links > 10);  // the exit links, a service's website, and the Markdown links
  CHECK(
      site.page("about/index.html").find("<a href=\"https://www.nspcc.org.uk/\" rel=\"noreferrer\" title=\"NSPCC\">") !=
      std::string::npos);
  CHECK(site.page("services/parenting-group/index.html")
            .find("<a href=\"https://example.org/parenting\" rel=\"noreferrer\">") != std::string::npos);
}

TEST_CASE("Exit this page is on the sensitive topic, the search page and the glossary", "[safety]") {
  const BuiltSite& site = safety_site();
  for (const char* file : {"categories/keeping-safe/index.html", "search/index.html", "glossary/index.html",
                           "covering-your-tracks/index.html", "worried/index.html"}) {
    INFO(file);
    CHECK(has_exit(site.page(file)));
  }
  for (const char* file :
       {"categories/parenting/index.html", "categories/index.html", "about/index.html", "index.html"}) {
    INFO(file);
    CHECK_FALSE(has_exit(site.page(file)));
  }
  // The control links to the page on covering your tracks, except on that page.
  const std::string link = "<a href=\"/covering-your-tracks/\">How to cover your tracks online</a>.";
  CHECK(site.page("categories/keeping-safe/index.html").find(link) != std::string::npos);
  CHECK(site.page("covering-your-tracks/index.html").find("How to cover your tracks online") == std::string::npos);
}

TEST_CASE("without a page on covering your tracks, the exit control has no link to one", "[safety]") {
  BuiltSite site;
  build_in_memory(options_for(sites_dir() / "basic" / "content"), site);
  const std::string& html = site.page("worried/index.html");
  CHECK(has_exit(html));
  CHECK(html.find("cover your tracks") == std::string::npos);
  // The search page always has the control; the glossary, without a sensitive term, does not.
  CHECK(has_exit(site.page("search/index.html")));
  CHECK_FALSE(has_exit(site.page("glossary/index.html")));
}
