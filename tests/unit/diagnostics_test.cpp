#include <catch2/catch.hpp>

#include "core/diagnostic_format.hpp"

using namespace og;

TEST_CASE("a diagnostic prints as path:line:col with the source line and a caret", "[diagnostics]") {
  Diagnostic d{{"content/services/home-start.yaml", 7, 3},
               Severity::error,
               "unknown key 'localitys'",
               "did you mean 'localities'?"};
  auto lookup = [](const std::string&, int line) -> std::optional<std::string> {
    if (line == 7) return std::string("  localitys: [huddersfield]");
    return std::nullopt;
  };
  CHECK(format_diagnostic(d, lookup) ==
        "content/services/home-start.yaml:7:3: error: unknown key 'localitys' (did you mean 'localities'?)\n"
        "    localitys: [huddersfield]\n"
        "    ^\n");
  CHECK(format_diagnostic(d, nullptr) ==
        "content/services/home-start.yaml:7:3: error: unknown key 'localitys' (did you mean 'localities'?)\n");
  Diagnostic whole{{"content/site.yaml", 0, 0}, Severity::warning, "whole file", ""};
  CHECK(format_diagnostic(whole, lookup) == "content/site.yaml: warning: whole file\n");
}

TEST_CASE("diagnostics sort by file and line, keep report order otherwise, and drop repeats", "[diagnostics]") {
  Diagnostics ds;
  ds.error({"b.yaml", 2, 1}, "second");
  ds.warning({"a.yaml", 9, 1}, "first");
  ds.error({"b.yaml", 1, 5}, "x");
  ds.error({"b.yaml", 1, 5}, "y");
  ds.error({"b.yaml", 1, 5}, "x");
  ds.sort();
  REQUIRE(ds.all().size() == 4);
  CHECK(ds.all()[0].message == "first");
  CHECK(ds.all()[1].message == "x");
  CHECK(ds.all()[2].message == "y");
  CHECK(ds.all()[3].message == "second");
  CHECK(ds.error_count() == 3);
  CHECK(ds.warning_count() == 1);
  ds.promote_warnings();
  CHECK(ds.error_count() == 4);
}

TEST_CASE("summary and JSON", "[diagnostics]") {
  CHECK(format_summary(1, 1) == "1 error, 1 warning");
  CHECK(format_summary(2, 0) == "2 errors, 0 warnings");
  Diagnostics ds;
  ds.error({"content/site.yaml", 3, 1}, "unknown key 'titel'", "did you mean 'title'?");
  CHECK(format_json(ds) ==
        "[\n  {\n    \"file\": \"content/site.yaml\",\n    \"line\": 3,\n    \"column\": 1,\n"
        "    \"severity\": \"error\",\n    \"message\": \"unknown key 'titel'\",\n"
        "    \"hint\": \"did you mean 'title'?\"\n  }\n]\n");
}
