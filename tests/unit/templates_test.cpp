#include <catch2/catch.hpp>

#include "derive/urls.hpp"
#include "render/templates.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

std::string load_errors(std::vector<TemplateSource> sources, std::vector<std::string> required = {}) {
  Diagnostics d;
  auto set = TemplateSet::from_sources(std::move(sources), required, d);
  CHECK_FALSE(set.has_value());
  return test::diagnostics_text(d);
}

}  // namespace

TEST_CASE("template syntax errors name the file, line and column", "[templates]") {
  CHECK(load_errors({{"page", "templates/page.mustache", "<h1>{{title}}</h1>\n<ul>\n{{#items}}\n<li>{{.}}</li>\n"}}) ==
        "templates/page.mustache:3:1: error: template syntax error: unclosed section \"items\"\n"
        "1 error, 0 warnings\n");
  CHECK(load_errors({{"page", "templates/page.mustache", "<p>\n  {{/items}}\n"}}) ==
        "templates/page.mustache:2:3: error: template syntax error: unopened section \"items\"\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("unknown partials and missing templates are errors", "[templates]") {
  CHECK(load_errors({{"page", "templates/page.mustache", "x\n  {{> heder}}\n"},
                     {"partials/header", "templates/partials/header.mustache", "<header></header>"}}) ==
        "templates/page.mustache:2:3: error: unknown partial 'heder' (did you mean 'header'?)\n"
        "1 error, 0 warnings\n");
  CHECK(load_errors({{"page", "templates/page.mustache", "x"}}, {"page", "service"}) ==
        "templates/service.mustache: error: the template 'service.mustache' is missing\n1 error, 0 warnings\n");
  CHECK(load_errors({{"page", "templates/page.mustache", "{{> a}}"},
                     {"partials/a", "templates/partials/a.mustache", "{{> b}}"},
                     {"partials/b", "templates/partials/b.mustache", "{{> a}}"}}) ==
        "templates/partials/b.mustache:1:1: error: the partial 'a' includes itself\n1 error, 0 warnings\n");
}

TEST_CASE("partials render with the page's data", "[templates]") {
  Diagnostics d;
  auto set = TemplateSet::from_sources({{"page", "t/page.mustache", "<ul>{{#items}}{{> item}}{{/items}}</ul>"},
                                        {"partials/item", "t/partials/item.mustache", "<li>{{name}}</li>"}},
                                       {"page"}, d);
  REQUIRE(set);
  // What the live preview compares: the page's text, then each partial it includes.
  CHECK(set->sources().at("page") ==
        std::string("<ul>{{#items}}{{> item}}{{/items}}</ul>") + '\0' + "item" + '\0' + "<li>{{name}}</li>");
  CompiledTemplates compiled = set->compile();
  mustache::data items{mustache::data::type::list};
  for (const char* n : {"A & B", "<C>"}) {
    mustache::data item;
    item.set("name", n);
    items.push_back(item);
  }
  mustache::data data;
  data.set("items", items);
  CHECK(compiled.render("page", data) == "<ul><li>A &amp; B</li><li>&lt;C&gt;</li></ul>");
}

namespace {

// Template `page` of a set built from `sources`, rendered with name "N".
std::string render_page(std::vector<TemplateSource> sources) {
  Diagnostics d;
  auto set = TemplateSet::from_sources(std::move(sources), {"page"}, d);
  INFO(test::diagnostics_text(d));
  REQUIRE(set);
  mustache::data data;
  data.set("name", "N");
  return set->compile().render("page", data);
}

}  // namespace

TEST_CASE("partials are found however the tag is written, and keep their delimiters", "[templates]") {
  const TemplateSource item{"partials/item", "t/partials/item.mustache", "<{{name}}>"};
  // Each of these was silently dropped when partials were inlined as text.
  CHECK(render_page({{"page", "t/page.mustache", "a{{ > item }}b"}, item}) == "a<N>b");
  CHECK(render_page({{"page", "t/page.mustache", "{{=<% %>=}}a<%> item%>b<%name%>"}, item}) == "a<N>bN");
  CHECK(load_errors({{"page", "t/page.mustache", "x\n{{=<% %>=}}<%> heder %>\n"}, item}) ==
        "t/page.mustache:2:12: error: unknown partial 'heder' (partials live in the templates' partials/ folder)\n"
        "1 error, 0 warnings\n");
  // A delimiter change inside a partial stays inside it.
  CHECK(render_page({{"page", "t/page.mustache", "{{> item}}|{{name}}"},
                     {"partials/item", "t/partials/item.mustache", "{{=<% %>=}}<%name%>{{name}}"}}) == "N{{name}}|N");
}

TEST_CASE("a partial alone on its line takes the line's place, indented as its tag", "[templates]") {
  CHECK(render_page({{"page", "t/page.mustache", "<body>\n  {{> header}}\n</body>\n"},
                     {"partials/header", "t/partials/header.mustache", "<h1>\n{{name}}\n</h1>\n"}}) ==
        "<body>\n  <h1>\n  N\n  </h1>\n</body>\n");
}

TEST_CASE("a partial may include itself inside a section", "[templates]") {
  Diagnostics d;
  auto set = TemplateSet::from_sources(
      {{"page", "t/page.mustache", "{{> node}}"},
       {"partials/node", "t/partials/node.mustache", "{{name}}({{#children}}{{> node}}{{/children}})"}},
      {"page"}, d);
  REQUIRE(set);
  mustache::data leaf;
  leaf.set("name", "b");
  leaf.set("children", mustache::data{mustache::data::type::list});  // else the root's are found
  mustache::data children{mustache::data::type::list};
  children.push_back(std::move(leaf));
  mustache::data root;
  root.set("name", "a");
  root.set("children", std::move(children));
  CHECK(set->compile().render("page", root) == "a(b())");
}

TEST_CASE("a render that stops at its limits is an error naming the template", "[templates][limits]") {
  Diagnostics d;
  auto set = TemplateSet::from_sources({{"page", "templates/page.mustache", "{{#items}}{{> item}}{{/items}}"},
                                        {"partials/item", "templates/partials/item.mustache", "<li>{{.}}</li>"}},
                                       {"page"}, d, {1000, 250});
  REQUIRE(set);
  mustache::data items{mustache::data::type::list};
  for (int i = 0; i < 10; ++i) items.push_back(std::string(100, 'x'));
  mustache::data data;
  data.set("items", items);
  const CompiledTemplates compiled = set->compile();
  bool stopped = false;
  // Stopped before the third item's "</li>": past 250 bytes.
  CHECK(compiled.render("page", data, &stopped).size() == 2 * 109 + 4 + 100);
  CHECK(stopped);
  compiled.report_stopped("page", "the page /services/", d);
  CHECK(test::diagnostics_text(d) ==
        "templates/page.mustache: error: rendering the page /services/ went past 1000 steps or 250 bytes, and "
        "stopped (does a partial include itself, or another, many times over, or a section go through a list from "
        "inside its own items?)\n1 error, 0 warnings\n");
  // The limits a site renders with.
  stopped = false;
  auto site = TemplateSet::from_sources({{"page", "templates/page.mustache", "{{#items}}{{> item}}{{/items}}"},
                                         {"partials/item", "templates/partials/item.mustache", "<li>{{.}}</li>"}},
                                        {"page"}, d);
  REQUIRE(site);
  CHECK(site->compile().render("page", data, &stopped).size() == 10 * 109);
  CHECK_FALSE(stopped);
  Diagnostics defaults;
  site->compile().report_stopped("page", "the page /", defaults);
  CHECK(test::diagnostics_text(defaults).starts_with(
      "templates/page.mustache: error: rendering the page / went past 10 million steps or 128 MB, and stopped ("));
}

TEST_CASE("URLs work at the domain root and under a sub-path", "[urls]") {
  Urls root;
  CHECK(root.link("/services/x/") == "/services/x/");
  CHECK_FALSE(root.has_origin());
  CHECK(root.absolute("/").empty());

  Urls sub("https://example.org/offer/");
  CHECK(sub.link("/services/x/") == "/offer/services/x/");
  CHECK(sub.link("/") == "/offer/");
  CHECK(sub.absolute("/glossary/") == "https://example.org/offer/glossary/");
  CHECK(sub.base_path() == "/offer/");

  CHECK(Urls("/offer").base_path() == "/offer/");
  CHECK(Urls("https://example.org").base_path() == "/");
  CHECK(Urls::file_for("/") == "index.html");
  CHECK(Urls::file_for("/services/x/") == "services/x/index.html");
  CHECK(Urls::file_for("/404.html") == "404.html");
  CHECK(Urls::page("index") == "/");
}
