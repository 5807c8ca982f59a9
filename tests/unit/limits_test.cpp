// The limits on hand-written files (load/limits.hpp, docs/content.md
// "Limits"): one row per limit, at it and one past it, with the exact message.
#include <catch2/catch.hpp>

#include "core/text.hpp"
#include "load/limits.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

struct Row {
  std::string name;
  std::string text;
  std::string diagnostics;
};

// `n` bytes of lines of 99 letters.
std::string lines_of_bytes(std::size_t n) {
  std::string text;
  text.reserve(n);
  while (text.size() < n) text += text.size() % 100 == 99 ? '\n' : 'a';
  return text;
}

std::string repeat(std::string_view part, std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += part;
  return text;
}

std::string source_errors(const std::string& text) {
  Diagnostics d;
  make_source("x.md", text, d);
  return test::diagnostics_text(d);
}

std::string yaml_errors(const std::string& text) {
  Diagnostics d;
  auto s = make_source("x.yaml", text, d);
  REQUIRE(s);
  parse_yaml(*s, s->text, 1, d);
  return test::diagnostics_text(d);
}

// Nested block mappings: "k0:\n k1:\n  k2: x\n" for levels = 3.
std::string nested_mappings(std::size_t levels) {
  std::string text;
  for (std::size_t i = 0; i < levels; ++i)
    text += std::string(i, ' ') + "k" + std::to_string(i) + ":" + (i + 1 == levels ? " x\n" : "\n");
  return text;
}

std::string numbered_keys(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += "k" + std::to_string(i) + ": 1\n";
  return text;
}

const std::string kNone = "0 errors, 0 warnings\n";

}  // namespace

TEST_CASE("a file over 1 MB and a line over 20,000 characters are refused where they pass", "[limits]") {
  const Row rows[] = {
      {"1 MB", lines_of_bytes(1u << 20), kNone},
      {"a byte more", lines_of_bytes((1u << 20) + 1),
       "x.md:10486:77: error: the file is 1,048,577 bytes, more than the 1,048,576 (1 MB) offergen reads from one "
       "file (it passes 1 MB here: check that it is the file you meant, or split it)\n1 error, 0 warnings\n"},
      {"20,000 characters, of two bytes each", "ok\n" + repeat("\xC3\xA9", 20'000) + "\nok\n", kNone},
      {"20,001 characters", "ok\n" + std::string(20'001, 'a') + "\nok\n",
       "x.md:2:1: error: the line is 20,001 characters long, more than the 20,000 a line may have (break it into lines "
       "or paragraphs)\n1 error, 0 warnings\n"},
      {"a last line without its line end", "ok\n" + std::string(30'000, 'a'),
       "x.md:2:1: error: the line is 30,000 characters long, more than the 20,000 a line may have (break it into lines "
       "or paragraphs)\n1 error, 0 warnings\n"},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(source_errors(row.text) == row.diagnostics);
  }
}

TEST_CASE("a file over 1 MB is read only as far as the limit", "[limits]") {
  test::TempDir tmp;
  test::write_file(tmp / "big.yaml", lines_of_bytes(3u << 20));
  Diagnostics d;
  CHECK_FALSE(read_source(tmp / "big.yaml", "content/big.yaml", d));
  CHECK(test::diagnostics_text(d) ==
        "content/big.yaml:10486:77: error: the file is 3,145,728 bytes, more than the 1,048,576 (1 MB) offergen reads "
        "from one file (it passes 1 MB here: check that it is the file you meant, or split it)\n1 error, 0 warnings\n");
}

TEST_CASE("YAML nested past 64 levels, and lists past 10,000 items, are refused", "[limits][yaml]") {
  const std::string deep =
      "error: the lists and mappings are nested more than 64 levels deep (content needs only a few levels; check the "
      "brackets)\n1 error, 0 warnings\n";
  const std::string fewer =
      " (content needs far fewer: check that the file is the one you meant)\n1 error, 0 warnings\n";
  const Row rows[] = {
      {"64 lists on a line", repeat("- ", 64) + "x\n", kNone},
      {"65 lists on a line", repeat("- ", 65) + "x\n", "x.yaml:1:129: " + deep},
      {"64 mappings", nested_mappings(64), kNone},
      {"65 mappings", nested_mappings(65), "x.yaml:65:65: " + deep},
      {"10,000 items", repeat("- x\n", 10'000), kNone},
      {"10,001 items", repeat("- x\n", 10'001),
       "x.yaml:1:1: error: the list has more than 10,000 items, the most offergen reads in one" + fewer},
      {"10,001 items in brackets", "a: [\n" + repeat("x,\n", 10'000) + "x]\n",
       "x.yaml:1:4: error: the list has more than 10,000 items, the most offergen reads in one" + fewer},
      {"10,000 keys", numbered_keys(10'000), kNone},
      {"10,001 keys", numbered_keys(10'001),
       "x.yaml:1:1: error: the mapping has more than 10,000 entries, the most offergen reads in one" + fewer},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(yaml_errors(row.text) == row.diagnostics);
  }
}

TEST_CASE("Markdown's block quotes and lists nested past 32 levels are found before cmark-gfm", "[limits][markdown]") {
  struct DepthRow {
    std::string name;
    std::string text;
    std::string found;  // "line:column: message", or ""
  };
  const std::string deep = ": block quotes and lists are nested more than 32 levels deep";
  const DepthRow rows[] = {
      {"32 block quotes", std::string(32, '>') + " x\n", ""},
      {"33 block quotes", "x\n\n" + std::string(33, '>') + " x\n", "3:33" + deep},
      {"33 with spaces", repeat("> ", 33) + "x\n", "1:65" + deep},
      {"33 lists", repeat("- ", 33) + "x\n", "1:65" + deep},
      {"33 numbered lists", repeat("1. ", 33) + "x\n", "1:97" + deep},
      {"lists and quotes", repeat("> * ", 17) + "x\n", "1:65" + deep},
      // Each two columns of indentation continue a level opened above.
      {"32 by indentation", repeat("- ", 16) + "a\n" + std::string(32, ' ') + repeat("- ", 16) + "b\n", ""},
      {"33 by indentation", repeat("- ", 16) + "a\n" + std::string(32, ' ') + repeat("- ", 17) + "b\n", "2:65" + deep},
      {"a thematic break", repeat("- ", 100) + "\n", ""},
      {"text that is not a marker", repeat("-x ", 100) + "\n" + repeat("1.x ", 100) + "\n", ""},
  };
  for (const DepthRow& row : rows) {
    INFO(row.name);
    std::string found;
    if (auto problem = check_markdown_depth(row.text)) {
      const auto [line, column] = line_and_column(row.text, problem->pos);
      found = std::to_string(line) + ":" + std::to_string(column) + ": " + problem->message;
      CHECK(problem->hint == "a text needs only a few levels; check the '>' and list markers");
    }
    CHECK(found == row.found);
  }
}
