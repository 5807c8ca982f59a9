// The fields added for the partnership's real content: extra figure columns
// and values, figures without a chart, action themes, quote topics and
// pathway steps about a level of need. One row per case, exact diagnostics.
#include <catch2/catch.hpp>

#include "load/content_files.hpp"
#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "support/test_support.hpp"
#include "validate/kinds.hpp"

using namespace og;

namespace {

// Keeps the source alive for as long as the documents that point into it.
struct Doc {
  SourceFile source;
  YamlDocument yaml;
  MarkdownDocument markdown;
};

std::unique_ptr<Doc> yaml_doc(const std::string& path, const std::string& text) {
  auto d = std::make_unique<Doc>();
  Diagnostics diagnostics;
  auto s = make_source(path, text, diagnostics);
  REQUIRE(s);
  d->source = *s;
  d->source.id = std::filesystem::path(path).stem().string();
  auto root = parse_yaml(d->source, d->source.text, 1, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(root);
  d->yaml.source = &d->source;
  d->yaml.root = std::move(*root);
  return d;
}

std::unique_ptr<Doc> markdown_doc(const std::string& path, const std::string& text) {
  auto d = std::make_unique<Doc>();
  Diagnostics diagnostics;
  auto s = make_source(path, text, diagnostics);
  REQUIRE(s);
  d->source = *s;
  d->source.id = std::filesystem::path(path).stem().string();
  MarkdownSplit split = split_front_matter(d->source, diagnostics);
  REQUIRE(diagnostics.empty());
  d->markdown.source = &d->source;
  d->markdown.front_matter = std::move(split.front_matter);
  d->markdown.body = split.body;
  d->markdown.body_line = split.body_line;
  return d;
}

const char* kFigures =
    "columns:\n"
    "  - id: total\n"
    "    name: All areas\n"
    "groups:\n"
    "  - name: Children\n"
    "    figures:\n"
    "      - id: children\n"
    "        label: Children\n"
    "        values: {total: '104,152'}\n"
    "      - id: share\n"
    "        label: Share\n"
    "        unit: percent\n"
    "        chart: false\n";

}  // namespace

TEST_CASE("figures.yaml: extra columns, their values, and figures without a chart", "[formats][figures]") {
  auto doc = yaml_doc("figures.yaml", kFigures);
  Model model;
  Diagnostics d;
  read_figures(doc->yaml, model, d);
  INFO(test::diagnostics_text(d));
  CHECK(d.empty());
  REQUIRE(model.figure_columns.size() == 1);
  CHECK(model.figure_columns[0].id == "total");
  CHECK(model.figure_columns[0].name == "All areas");
  REQUIRE(model.figures.size() == 2);
  CHECK(model.figures[0].values.at("total") == 104152);
  CHECK(model.figures[0].chart);
  CHECK_FALSE(model.figures[1].chart);
  CHECK(model.figures[1].values.empty());
}

TEST_CASE("figures.yaml: mistakes in columns and values are reported where they are", "[formats][figures]") {
  struct Row {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Row rows[] = {
      {"a value for a column that does not exist",
       "columns:\n  - id: total\n    name: All\ngroups:\n  - name: G\n    figures:\n"
       "      - id: a\n        label: A\n        values: {totl: 3}\n",
       "figures.yaml:9:18: error: unknown column 'totl' (did you mean 'total'?)\n1 error, 0 warnings\n"},
      {"values without any columns",
       "groups:\n  - name: G\n    figures:\n      - id: a\n        label: A\n        values:\n          total: 3\n",
       "figures.yaml:7:11: error: unknown column 'total' (list the columns under 'columns:' at the top of "
       "figures.yaml)\n1 error, 0 warnings\n"},
      {"a value that is not a number",
       "columns:\n  - id: total\n    name: All\ngroups:\n  - name: G\n    figures:\n"
       "      - id: a\n        label: A\n        values: {total: many}\n",
       "figures.yaml:9:25: error: the figure 'total' must be a number, not 'many'\n1 error, 0 warnings\n"},
      {"values written as a list",
       "columns:\n  - id: total\n    name: All\ngroups:\n  - name: G\n    figures:\n"
       "      - id: a\n        label: A\n        values: [3]\n",
       "figures.yaml:9:17: error: 'values' must be a mapping of column ids to numbers, not a list\n"
       "1 error, 0 warnings\n"},
      {"a column twice, a column without a name, a bad column id",
       "columns:\n  - id: total\n    name: All\n  - id: total\n    name: Again\n  - id: outside\n"
       "  - id: Out Side\n    name: Outside\ngroups: []\n",
       "figures.yaml:4:5: error: the column id 'total' is used twice\n"
       "figures.yaml:6:5: error: a column has no 'name' (add a line 'name: ...')\n"
       "figures.yaml:7:9: error: 'Out Side' is not a valid column id (use lower-case letters, digits and "
       "hyphens, like 'out-side')\n3 errors, 0 warnings\n"},
      {"chart that is not true or false",
       "groups:\n  - name: G\n    figures:\n      - id: a\n        label: A\n        chart: no\n",
       "figures.yaml:6:16: error: 'chart' must be true or false, not 'no'\n1 error, 0 warnings\n"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto doc = yaml_doc("figures.yaml", r.text);
    Model model;
    Diagnostics d;
    read_figures(doc->yaml, model, d);
    d.sort();
    CHECK(test::diagnostics_text(d) == r.expected);
  }
}

TEST_CASE("strategy actions keep their theme; empty cells stay empty", "[formats][strategy]") {
  auto doc = markdown_doc("action-plan.md",
                          "---\ntitle: Plan\nactions:\n"
                          "  - theme: Training\n    what: Review training\n"
                          "  - what: Audit files\n    lead: The Board\n"
                          "  - theme: [Data]\n    what: Build a picture\n"
                          "---\n");
  Diagnostics d;
  StrategyPart part = read_strategy_part(doc->markdown, d);
  CHECK(test::diagnostics_text(d) ==
        "action-plan.md:8:12: error: 'theme' must be text, not a list\n"
        "1 error, 0 warnings\n");
  REQUIRE(part.actions.size() == 3);
  CHECK(part.actions[0].theme == "Training");
  CHECK(part.actions[0].lead.empty());
  CHECK(part.actions[1].theme.empty());
  CHECK(part.actions[1].lead == "The Board");
}

TEST_CASE("young people's quotes keep their topic", "[formats][young-people]") {
  auto doc = markdown_doc("told-us.md",
                          "---\ntitle: Told us\nquotes:\n"
                          "  - text: Listen to us.\n    source: A conference, 2015\n    topic: What you want\n"
                          "  - text: Be consistent\n    source: A conference, 2015\n"
                          "  - text: No source here\n    topic: What you want\n"
                          "---\n");
  Diagnostics d;
  YoungPeoplePage page = read_young_people_page(doc->markdown, d);
  CHECK(test::diagnostics_text(d) ==
        "told-us.md:9:5: error: a quote has no 'source' (add a line 'source: ...')\n"
        "1 error, 0 warnings\n");
  REQUIRE(page.quotes.size() == 3);
  CHECK(page.quotes[0].topic == "What you want");
  CHECK(page.quotes[1].topic.empty());
}

TEST_CASE("a pathway step can name a level of need", "[formats][pathways]") {
  struct Row {
    const char* level;
    int expected;
    const char* diagnostics;
  };
  const Row rows[] = {
      {"2", 2, "0 errors, 0 warnings\n"},
      {"0", 0, "p.md:6:12: error: 'level' must be from 1 to 9, not 0\n1 error, 0 warnings\n"},
      {"two", 0, "p.md:6:12: error: 'level' must be a whole number, not 'two'\n1 error, 0 warnings\n"},
  };
  for (const auto& r : rows) {
    INFO(r.level);
    auto doc = markdown_doc(
        "p.md", std::string("---\ntitle: P\nsummary: S\nsteps:\n  - title: One\n    level: ") + r.level + "\n---\n");
    Diagnostics d;
    Pathway p = read_pathway(doc->markdown, d);
    CHECK(test::diagnostics_text(d) == r.diagnostics);
    REQUIRE(p.steps.size() == 1);
    CHECK(p.steps[0].level == r.expected);
    if (r.expected) CHECK(p.steps[0].level_where.line == 6);
  }
}

TEST_CASE("a service's 'source:' records where an import took it from", "[formats][services]") {
  struct Row {
    const char* source;
    const char* id;
    const char* diagnostics;
  };
  const Row rows[] = {
      {"source:\n  open_referral_id: 6e5c5b4c-1\n  feed: page1.json\n  digest: 0123abcd\n", "6e5c5b4c-1",
       "0 errors, 0 warnings\n"},
      {"source:\n  open_referral_id: 42\n", "42", "0 errors, 0 warnings\n"},
      {"source:\n  open_referal_id: x\n", "",
       "s.md:11:3: error: 'source' has no 'open_referral_id' (add a line 'open_referral_id: ...')\n"
       "s.md:11:3: error: unknown key 'open_referal_id' (did you mean 'open_referral_id'?)\n"
       "2 errors, 0 warnings\n"},
      {"source:\n  open_referral_id: ''\n", "",
       "s.md:11:21: error: 'open_referral_id' is empty (give it a value)\n1 error, 0 warnings\n"},
      {"source: page1.json\n", "",
       "s.md:10:9: error: 'source' must be a mapping of keys to values, not text (write it as lines of 'key: "
       "value')\n1 error, 0 warnings\n"},
  };
  for (const auto& r : rows) {
    INFO(r.source);
    auto doc = markdown_doc("s.md", std::string("---\nname: S\nsummary: S.\ncategories: [a]\nlevels: [1]\n"
                                                "localities: all\naccess: [drop-in]\ncontact:\n  phone: 999\n") +
                                        r.source + "---\nText.\n");
    Diagnostics d;
    Service s = read_service(doc->markdown, d);
    CHECK(test::diagnostics_text(d) == r.diagnostics);
    CHECK(s.source.open_referral_id == r.id);
  }
  auto doc = markdown_doc("s.md", "---\nname: S\nsource:\n  open_referral_id: x\n  feed: f.json\n  digest: ab\n---\n");
  Diagnostics d;
  Service s = read_service(doc->markdown, d);
  CHECK(s.source.feed == "f.json");
  CHECK(s.source.digest == "ab");
}
