// The partnership's real content (content/) must always build without errors.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

TEST_CASE("the default content builds with no errors", "[content]") {
  BuiltSite site;
  build_in_memory(options_for(source_dir() / "content"), site);
  INFO(diagnostics_text(site.result.diagnostics));
  CHECK(site.result.ok());
  CHECK(site.has("index.html"));
  CHECK(site.has("localities/huddersfield/index.html"));
  CHECK(site.page("localities/huddersfield/index.html").find("32,757") != std::string::npos);
}
