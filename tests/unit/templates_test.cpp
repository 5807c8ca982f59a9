#include <catch2/catch.hpp>

#include "render/templates.hpp"
#include "render/urls.hpp"
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

TEST_CASE("partials are inlined once and render with the page's data", "[templates]") {
  Diagnostics d;
  auto set = TemplateSet::from_sources({{"page", "t/page.mustache", "<ul>{{#items}}{{> item}}{{/items}}</ul>"},
                                        {"partials/item", "t/partials/item.mustache", "<li>{{name}}</li>"}},
                                       {"page"}, d);
  REQUIRE(set);
  CHECK(set->expanded().at("page") == "<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>");
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
