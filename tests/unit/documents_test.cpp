// What goes into a pathway guide and a locality directory, decided once for
// the web pages and the PDFs.
#include <catch2/catch.hpp>

#include "documents/locality_directory.hpp"
#include "documents/pathway_guide.hpp"

using namespace og;

TEST_CASE("glossary terms are found as whole words", "[documents]") {
  struct Row {
    const char* text;
    const char* phrase;
    bool found;
  };
  const Row rows[] = {
      {"Ask about MST.", "MST", true},
      {"Ask about mst.", "MST", false},
      {"Ask about MSTs.", "MST", false},
      {"early help is here", "Early help", true},
      {"Early helpers", "Early help", false},
      {"(CAMHS)", "CAMHS", true},
      {"a child protection plan", "child protection plan", true},
      {"", "MST", false},
  };
  for (const auto& r : rows) {
    INFO(r.text << " / " << r.phrase);
    CHECK(mentions(r.text, r.phrase) == r.found);
  }
}

TEST_CASE("steps are numbered as GOV.UK numbers them", "[documents]") {
  Model model;
  Pathway p;
  auto step = [](const char* title, StepJoin join) {
    PathwayStep s;
    s.title = title;
    s.join = join;
    return s;
  };
  p.steps = {step("a", StepJoin::next), step("b", StepJoin::or_), step("c", StepJoin::next), step("d", StepJoin::and_),
             step("e", StepJoin::next)};
  std::string got;
  for (const auto& g : guide_steps(model, p)) got += std::to_string(g.number) + g.logic + " ";
  CHECK(got == "1 1or 2 2and 3 ");
}

TEST_CASE("a directory lists each service once, under its first category", "[documents]") {
  Model model;
  model.site.categories = {{"parenting", "Parenting", "", false, {}},
                           {"young-people", "Young people", "", false, {}},
                           {"empty", "Empty", "", false, {}}};
  Locality north;
  north.id = "north";
  model.localities = {north};
  Service a, b, c;
  a.id = "a";
  a.categories = {{"young-people", {}}, {"parenting", {}}};
  a.all_localities = true;
  b.id = "b";
  b.categories = {{"parenting", {}}};
  b.localities = {{"north", {}}};
  c.id = "c";
  c.categories = {{"parenting", {}}};
  c.localities = {{"south", {}}};
  model.services = {a, b, c};
  model.index();
  const auto groups = locality_directory(model, model.localities[0]);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].category->id == "parenting");
  REQUIRE(groups[0].services.size() == 1);
  CHECK(groups[0].services[0]->id == "b");
  CHECK(groups[1].category->id == "young-people");
  CHECK(groups[1].services[0]->id == "a");

  // From the area's own list (as the render environment holds it, where a
  // service that names the area twice comes twice): the same groups.
  const Service& a2 = model.services[0];
  const Service& b2 = model.services[1];
  const std::vector<const Service*> here{&a2, &b2, &b2};
  const auto from_list = locality_directory(model, here);
  REQUIRE(from_list.size() == groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    CHECK(from_list[i].category == groups[i].category);
    CHECK(from_list[i].services == groups[i].services);
  }

  // With each service's category worked out beforehand (as the render
  // environment keeps them): the same groups, and no service is read.
  std::vector<std::size_t> category_of;
  for (const auto& s : model.services) category_of.push_back(directory_category(model, s));
  CHECK(category_of[2] == 0);  // 'c': parenting, the first of site.yaml's categories
  const auto from_categories = locality_directory(model, here, category_of);
  REQUIRE(from_categories.size() == groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    CHECK(from_categories[i].category == groups[i].category);
    CHECK(from_categories[i].services == groups[i].services);
  }
  Service orphan;
  orphan.categories = {{"no-such-topic", {}}};
  CHECK(directory_category(model, orphan) == kNoCategory);
}
