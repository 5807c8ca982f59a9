// The Mustache specification's core tests, every one with its exact expected
// text: tests/data/mustache-spec/ holds the spec's six JSON files (MIT, see
// LICENSE and README.md there), verbatim.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/mustache.hpp"
#include "support/test_support.hpp"

using og::mustache::data;
using og::mustache::Partials;
using og::mustache::Template;
using og::mustache::TemplateError;

namespace {

// The spec's data as template data. Only strings print in offergen, so
// numbers become their JSON text (85, 1.21), as the expected outputs show;
// null is false, as the spec's "Null is falsey" tests expect.
data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d;
      for (const auto& [key, value] : j.items()) d.set(key, to_data(value));
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& value : j) d.push_back(to_data(value));
      return d;
    }
    case nlohmann::json::value_t::string:
      return data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return data(false);
    default:
      return data(j.dump());  // numbers
  }
}

struct SpecTest {
  std::string file, name, template_text, expected;
  nlohmann::json data, partials;
};

const std::vector<SpecTest>& spec_tests() {
  static const std::vector<SpecTest> tests = [] {
    std::vector<SpecTest> out;
    for (const char* file : {"comments", "delimiters", "interpolation", "inverted", "partials", "sections"}) {
      const auto path = og::test::source_dir() / "tests" / "data" / "mustache-spec" / (std::string(file) + ".json");
      const auto spec = nlohmann::json::parse(og::test::read_file(path));
      for (const auto& t : spec.at("tests")) {
        out.push_back({file, t.at("name"), t.at("template"), t.at("expected"), t.at("data"),
                       t.value("partials", nlohmann::json::object())});
      }
    }
    return out;
  }();
  return tests;
}

// The test's template rendered with its data and partials, or the error.
std::string run(const SpecTest& test) {
  TemplateError error;
  Partials partials;
  for (const auto& [name, text] : test.partials.items()) {
    auto partial = Template::compile(text.get<std::string>(), error);
    if (!partial) return "partial '" + name + "': " + error.message;
    partials.emplace(name, std::move(*partial));
  }
  auto t = Template::compile(test.template_text, error);
  if (!t) return "error: " + error.message;
  return t->render(to_data(test.data), &partials);
}

}  // namespace

TEST_CASE("the engine passes the Mustache spec's core tests", "[mustache][spec]") {
  const auto& tests = spec_tests();
  REQUIRE(tests.size() == 136);
  for (const SpecTest& test : tests) {
    DYNAMIC_SECTION(test.file << ": " << test.name) {
      INFO("template: " << test.template_text);
      CHECK(run(test) == test.expected);
    }
  }
}
