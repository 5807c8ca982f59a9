#include <catch2/catch.hpp>

#include "render/css_blocks.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

std::string problems(std::string_view css) {
  Diagnostics d;
  check_css_blocks(css, "templates/assets/style.css", d);
  return d.empty() ? "" : test::diagnostics_text(d);
}

}  // namespace

TEST_CASE("a style sheet whose blocks all close has no problems", "[css]") {
  CHECK(problems("a { color: red; }\n@media print {\n  nav { display: none; }\n}\n") == "");
  // Braces in comments, strings and escapes are not blocks.
  CHECK(problems("/* { */ a::before { content: \"{\"; }\nb::after { content: '}' }\n.\\{ { color: red; }\n") == "");
  CHECK(problems("") == "");
}

TEST_CASE("a block that is never closed is reported where it opens", "[css]") {
  // The '}' lost when two branches were merged: everything after it became print-only.
  CHECK(problems("@media print {\n  .plan { font-size: 8.5pt; }\n\n/* Fixes */\n.breadcrumbs a { padding: 2px; }\n") ==
        "templates/assets/style.css:1:14: error: this '{' is never closed, so every rule after it is inside its "
        "block (add the missing '}' where the block ends)\n"
        "1 error, 0 warnings\n");
  CHECK(problems("a::before { content: \"›\"; } b { c: d;\n") ==
        "templates/assets/style.css:1:31: error: this '{' is never closed, so every rule after it is inside its "
        "block (add the missing '}' where the block ends)\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("a '}' that closes nothing is reported", "[css]") {
  CHECK(problems("a { color: red; }\n/* a\n comment */ }\n") ==
        "templates/assets/style.css:3:13: error: this '}' closes no block (remove it, or add the '{' it belongs to)\n"
        "1 error, 0 warnings\n");
}
