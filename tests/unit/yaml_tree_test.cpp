#include <catch2/catch.hpp>

#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

SourceFile source(const std::string& text, const std::string& path = "x.yaml") {
  Diagnostics d;
  auto s = make_source(path, text, d);
  REQUIRE(s.has_value());
  return *s;
}

std::string parse_errors(const std::string& text) {
  const SourceFile s = source(text);
  Diagnostics d;
  parse_yaml(s, s.text, 1, d);
  return test::diagnostics_text(d);
}

}  // namespace

TEST_CASE("nodes keep 1-based lines and character columns", "[yaml]") {
  const SourceFile s =
      source("name: Home-Start\nlocalities:\n  - huddersfield\n  - kirklees-rural\ncaf\xC3\xA9: 'quoted'\n");
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 1, d);
  REQUIRE(root);
  CHECK(d.empty());
  REQUIRE(root->entries.size() == 3);
  CHECK(root->entries[0].key.line == 1);
  CHECK(root->entries[0].value.column == 7);
  const YamlNode* loc = root->find("localities");
  REQUIRE(loc);
  REQUIRE(loc->items.size() == 2);
  CHECK(loc->items[1].line == 4);
  CHECK(loc->items[1].column == 5);
  // "café" is four characters: the value starts in column 7.
  CHECK(root->entries[2].value.column == 7);
  CHECK_FALSE(root->entries[2].value.plain);
  CHECK(root->entries[0].value.plain);
}

TEST_CASE("duplicate keys are reported at the second one", "[yaml]") {
  CHECK(parse_errors("name: A\nsummary: B\nname: C\n") ==
        "x.yaml:3:1: error: duplicate key 'name' (it is already set on line 1)\n1 error, 0 warnings\n");
  CHECK(parse_errors("contact:\n  phone: 1\n  phone: 2\n") ==
        "x.yaml:3:3: error: duplicate key 'phone' (it is already set on line 2)\n1 error, 0 warnings\n");
}

TEST_CASE("syntax errors have the parser's position", "[yaml]") {
  CHECK(parse_errors("name: [unclosed\nsummary: x\n") ==
        "x.yaml:1:7: error: YAML syntax error: end of sequence flow not found (close the list with ']')\n"
        "1 error, 0 warnings\n");
  CHECK(
      parse_errors("name: a\n  bad: indentation\n") ==
      "x.yaml:2:6: error: YAML syntax error: illegal map value (check the indentation, and put text that holds ': ' in "
      "quotes)\n1 error, 0 warnings\n");
}

TEST_CASE("a second document is reported", "[yaml]") {
  CHECK(parse_errors("name: a\n---\nname: b\n") ==
        "x.yaml:1:1: error: the file holds more than one YAML document (remove the extra '---' line)\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("anchors and aliases are refused before anything is copied", "[yaml]") {
  const std::string refused =
      "error: YAML syntax error: anchors (&name) and aliases (*name) are not used in content files (write the value "
      "out in full; put text that starts with '&' or '*' in quotes)\n1 error, 0 warnings\n";
  // One row per shape: an anchor and its alias; an alias to an anchor that
  // does not exist (which used to be silently empty); aliases as mapping keys
  // (which once slipped past a limit on values); nested anchors (which once
  // cost time and memory with the square of their depth).
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"a: &x [1, 2]\nb: *x\n", "x.yaml:1:4: "},
      {"name: x\nkeywords: *nowhere\n", "x.yaml:2:11: "},
      {"name: x\n*k : 1\n", "x.yaml:2:1: "},
      {"a: &a\n  b: &b\n    c: 1\n", "x.yaml:1:4: "},
  };
  for (const auto& [text, where] : rows) {
    CAPTURE(text);
    CHECK(parse_errors(text) == where + refused);
  }

  // The shape of a "billion laughs" file, and 70 KB of nested anchors: both
  // stop at the first anchor.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  CHECK(parse_errors(bomb) == "x.yaml:1:4: " + refused);
  std::string nested;
  for (int i = 0; nested.size() < 70'000; ++i)
    nested += std::string(static_cast<std::size_t>(i % 60), ' ') + "k" + std::to_string(i) + ": &a" +
              std::to_string(i) + "\n";
  CHECK(parse_errors(nested) == "x.yaml:1:5: " + refused);
}

TEST_CASE("text that starts with '*' or '&' in quotes is text", "[yaml]") {
  const SourceFile s = source("a: '*Note'\nb: \"&more\"\n");
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 1, d);
  REQUIRE(root);
  CHECK(d.empty());
  CHECK(root->find("a")->value == "*Note");
  CHECK(root->find("b")->value == "&more");
}

TEST_CASE("nesting deeper than 64 levels is reported with its limit", "[yaml]") {
  // The mapping and 63 lists are 64 levels.
  CHECK(parse_errors("a: " + std::string(63, '[') + std::string(63, ']') + "\n") == "0 errors, 0 warnings\n");
  CHECK(parse_errors("a: " + std::string(64, '[') + std::string(64, ']') + "\n") ==
        "x.yaml:1:67: error: the lists and mappings are nested more than 64 levels deep (content "
        "needs only a few levels; check the brackets)\n1 error, 0 warnings\n");
  // Far past yaml-cpp's own limit of 2,000, whose message was "bad file",
  // and never closed: found before yaml-cpp queues the whole nest.
  CHECK(parse_errors("a: " + std::string(5000, '[') + "\n") ==
        "x.yaml:1:67: error: the lists and mappings are nested more than 64 levels deep (content "
        "needs only a few levels; check the brackets)\n1 error, 0 warnings\n");
}

TEST_CASE("an unclosed quote is reported where it opens", "[yaml]") {
  CHECK(parse_errors("name: \"Teen support\nsummary: Help.\nlevels: [3]\n") ==
        "x.yaml:1:7: error: YAML syntax error: the quote \" is never closed (end the text with \" on the same line, "
        "or leave the quotes out)\n1 error, 0 warnings\n");
  CHECK(parse_errors("name: x\nsummary: 'Help for\nlevels: [3]\n") ==
        "x.yaml:2:10: error: YAML syntax error: the quote ' is never closed (end the text with ' on the same line, or "
        "leave the quotes out)\n1 error, 0 warnings\n");
  // Quotes that close, escaped or doubled quotes inside them, and quotes
  // inside plain text are all fine.
  CHECK(parse_errors("a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: don't \"mind\"\n") == "0 errors, 0 warnings\n");
}

TEST_CASE("byte-order marks and CRLF are as if absent", "[load]") {
  const SourceFile s = source("\xEF\xBB\xBFname: A\r\nsummary: B\r\n");
  CHECK(s.text == "name: A\nsummary: B\n");
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 1, d);
  REQUIRE(root);
  CHECK(root->entries[1].key.line == 2);
  CHECK(root->entries[0].key.column == 1);
  CHECK(root->find("name")->value == "A");
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[load]") {
  Diagnostics d;
  auto s = make_source("bad.yaml", "name: ok\nsummary: caf\xE9 au lait\n", d);
  CHECK_FALSE(s.has_value());
  CHECK(test::diagnostics_text(d) ==
        "bad.yaml:2:13: error: the file is not valid UTF-8 (byte 0xE9) (save the file with UTF-8 encoding)\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("front matter is split from the body with the body's first line", "[load]") {
  const SourceFile s = source("---\ntitle: About\nnav: 1\n---\n## Who we are\n", "about.md");
  Diagnostics d;
  MarkdownSplit split = split_front_matter(s, d);
  CHECK(d.empty());
  REQUIRE(split.front_matter);
  CHECK(split.front_matter->find("title")->value == "About");
  CHECK(split.front_matter->find("nav")->line == 3);
  CHECK(split.body == "## Who we are\n");
  CHECK(split.body_line == 5);

  const SourceFile open = source("---\ntitle: About\n", "open.md");
  Diagnostics d2;
  split_front_matter(open, d2);
  CHECK(test::diagnostics_text(d2) ==
        "open.md:1:1: error: the front matter is not closed (add a line with '---' after the front matter)\n"
        "1 error, 0 warnings\n");

  const SourceFile none = source("# Just text\n", "none.md");
  Diagnostics d3;
  MarkdownSplit s3 = split_front_matter(none, d3);
  CHECK_FALSE(s3.front_matter);
  CHECK(s3.body == "# Just text\n");
}

TEST_CASE("empty, ~ and null are nothing; quoted empty text is text", "[yaml]") {
  const SourceFile s = source("a:\nb: ~\nc: null\nd: ''\ne: \"null\"\nf: |\n  block\n");
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 1, d);
  REQUIRE(root);
  CHECK(d.empty());
  CHECK(root->find("a")->is_null());
  CHECK(root->find("b")->is_null());
  CHECK(root->find("c")->is_null());
  CHECK(root->find("d")->is_scalar());
  CHECK(root->find("e")->value == "null");
  CHECK_FALSE(root->find("e")->plain);
  CHECK(root->find("f")->block);
  CHECK(root->find("f")->value == "block\n");
  CHECK(root->find("f")->line == 6);
  CHECK(root->find("f")->column == 4);
}

TEST_CASE("an unclosed mapping and a tab are reported where they are", "[yaml]") {
  CHECK(parse_errors("contact: {phone: 1\nname: x\n") ==
        "x.yaml:1:10: error: YAML syntax error: end of map flow not found (close the mapping with '}')\n"
        "1 error, 0 warnings\n");
  CHECK(parse_errors("name: x\n\tsummary: y\n") ==
        "x.yaml:2:1: error: YAML syntax error: a tab in the indentation (indent with spaces, not tabs)\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("yaml-cpp's messages are placed where the mistake is, with a hint", "[yaml]") {
  // One row per mistake an author makes: the text, then the exact diagnostic.
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"name: \"Probe\nsummary: \"A probe.\"\n",
       "x.yaml:1:7: error: YAML syntax error: the quote \" is never closed (end the text with \" on the same line, or "
       "leave the quotes out)"},
      {"name: 'Parents' group'\nsummary: x\n",
       "x.yaml:1:7: error: YAML syntax error: text after the closing quote (write '' for an apostrophe inside single "
       "quotes, or use double quotes)"},
      {"name: x\nkeywords: [a,\n\tb, c}\n",
       "x.yaml:3:6: error: YAML syntax error: illegal flow end (a ']' or '}' without its '[' or '{': remove it, or put "
       "the text in quotes)"},
      {"name: x\nkeywords: [\"a]\", b\nsummary: y\n",
       "x.yaml:2:11: error: YAML syntax error: end of sequence flow not found (close the list with ']')"},
      {"name: x\nsummary: \"C:\\Users\\x\"\n",
       "x.yaml:2:19: error: YAML syntax error: bad character found while scanning hex number (write \\\\ for a "
       "backslash, or put the text in single quotes)"},
      {"name: x\ntwitter: @Kirklees\n",
       "x.yaml:2:10: error: YAML syntax error: unknown token (text that starts with @, ` or % goes in quotes)"},
      {"name: x\n\xEF\xBB\xBFsummary: y\n",
       "x.yaml:2:1: error: YAML syntax error: a byte-order mark (U+FEFF) inside the text (delete it: most editors do "
       "not show it)"},
      {"name: x\x01\n",
       "x.yaml:1:8: error: YAML syntax error: a control character (U+0001) that YAML does not allow (delete it: most "
       "editors do not show it)"},
      {"name: x\n, y\n",
       "x.yaml:2:1: error: YAML syntax error: end of map not found (check the indentation of this line and the one "
       "above)"},
  };
  for (const auto& [text, expected] : rows) {
    CAPTURE(text);
    CHECK(parse_errors(text) == expected + "\n1 error, 0 warnings\n");
  }
  // Valid text with quotes that look odd is read as it is written.
  CHECK(parse_errors("a: \"multi\n  line\"\nb: [\"x]\", y]\nc: it's fine\nd: |\n  \"quoted\n  block\n") ==
        "0 errors, 0 warnings\n");
}

TEST_CASE("a front matter of comments only is an empty mapping, not a silent gap", "[yaml]") {
  const SourceFile s = source("# title: About\n");
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 2, d);
  REQUIRE(root);
  CHECK(root->is_null());
  CHECK(root->line == 2);
  CHECK(d.empty());
}

TEST_CASE("positions cost time in proportion to the text", "[yaml]") {
  // 10,000 items (the most a list may have) on one line: counted from the
  // line's start for each item, 100,000 took minutes. The line is longer
  // than a file may have (make_source refuses it), so the file is made here.
  std::string line = "keywords: [";
  for (int i = 0; i < 10'000; ++i) line += i ? ", kw" : "kw";
  const SourceFile s{"x.yaml", "x", line + "]\n"};
  Diagnostics d;
  auto root = parse_yaml(s, s.text, 1, d);
  REQUIRE(root);
  const YamlNode* list = root->find("keywords");
  REQUIRE(list);
  REQUIRE(list->items.size() == 10'000);
  CHECK(list->items.back().column == static_cast<int>(line.size()) - 1);
}
