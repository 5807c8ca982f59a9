#include <catch2/catch.hpp>

#include "core/diagnostic_format.hpp"
#include "pipeline/build_site.hpp"
#include "support/test_support.hpp"

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

TEST_CASE("a long source line is shown around the column, never whole", "[diagnostics][limits]") {
  const std::string line = std::string(1000, 'a') + "\xC3\xA9" + std::string(1000, 'b');
  auto lookup = [&](const std::string&, int) -> std::optional<std::string> { return line; };
  struct Row {
    int column;
    std::string shown;
  };
  const Row rows[] = {
      {1, "  " + std::string(120, 'a') + "...\n  ^\n"},
      {61, "  " + std::string(120, 'a') + "...\n  " + std::string(60, ' ') + "^\n"},
      {62, "  ..." + std::string(120, 'a') + "...\n  " + std::string(63, ' ') + "^\n"},
      {1001,
       "  ..." + std::string(60, 'a') + "\xC3\xA9" + std::string(59, 'b') + "...\n  " + std::string(63, ' ') + "^\n"},
      {2001, "  ..." + std::string(61, 'b') + "\n  " + std::string(63, ' ') + "^\n"},
  };
  for (const Row& row : rows) {
    INFO(row.column);
    const Diagnostic d{{"x.md", 1, row.column}, Severity::error, "the line is long", ""};
    CHECK(format_diagnostic(d, lookup) ==
          "x.md:1:" + std::to_string(row.column) + ": error: the line is long\n" + row.shown);
  }
}

TEST_CASE("source lines are read from disk once for a file's diagnostics, a long one never whole", "[diagnostics]") {
  test::TempDir tmp;
  test::write_file(tmp / "a.md", "\xEF\xBB\xBFone\r\ntwo\nthree");
  test::write_file(tmp / "long.md", "short\n" + std::string(70'000, 'x') + "\nafter\n");
  const SourceLineLookup lookup = disk_source_lookup();
  const std::string a = (tmp / "a.md").string(), long_file = (tmp / "long.md").string();
  struct Row {
    std::string path;
    int line;
    std::optional<std::string> text;
  };
  const Row rows[] = {
      {a, 1, "one"},
      {a, 3, "three"},
      {a, 3, "three"},
      {a, 2, "two"},
      {a, 4, std::nullopt},
      {long_file, 1, "short"},
      {long_file, 2, std::nullopt},
      {long_file, 3, std::nullopt},
      {a, 1, "one"},
      {long_file, 1, "short"},
  };
  for (const Row& row : rows) {
    INFO(row.path << ":" << row.line);
    CHECK(lookup(row.path, row.line) == row.text);
  }
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
