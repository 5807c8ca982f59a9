// The simple YAML reader (load/yaml_simple.hpp) must give exactly libyaml's
// tree, positions included, or step aside: every case is read both ways
// (parse_yaml(), which tries the simple reader first, and parse_yaml_whole(),
// libyaml alone) and the trees and problems compared; cases a content file
// is made of must be read by the simple reader; and so must every generated
// document of the kinds it takes, thousands of them, with tricky text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sstream>

#include "load/source_file.hpp"
#include "load/yaml_blocks.hpp"
#include "load/yaml_simple.hpp"
#include "load/yaml_tree.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {


// Whether the simple reader took `text` (it did when parse_yaml() counted it).
bool read_simply(const std::string& text) {
  const std::size_t before = yaml_simple_read();
  Diagnostics d;
  auto s = make_source("x.yaml", text, d);
  REQUIRE(s.has_value());
  parse_yaml(*s, s->text, 1, d);
  return yaml_simple_read() == before + 1;
}

void same_both_ways(const std::string& text) {
  INFO(text);
  Diagnostics d;
  if (!make_source("x.yaml", text, d)) return;  // not UTF-8: never parsed
  CHECK(test::parsed_yaml(text, false) == test::parsed_yaml(text, true));
  CHECK(test::parsed_yaml(text, false, 7) == test::parsed_yaml(text, true, 7));
}

}  // namespace

TEST_CASE("the simple reader reads what content files are made of, as libyaml does", "[yaml][simple]") {
  const char* cases[] = {
      "name: A\n",
      "name: A",
      "name: A\nsummary: Some text, with commas; and (brackets).\n",
      "name: A   \nother: b  \n",
      "a: 1\nb: 2.5\nc: -3\nd: true\ne: 2026-11-22\n",
      "key:\n",
      "key:\nnext: 1\n",
      "key:   \nnext: 1\n",
      "key: # a comment\nnext: 1\n",
      "key: ~\nb: null\nc: Null\nd: NULL\ne: nil\n",
      "key: value # a comment\n",
      "key: value#not a comment\n",
      "key: C# and F#\n",
      "url: https://example.org/a?b=c#top\n",
      "time: 10:30 to 12:00\n",
      "key: 'single'\n",
      "key: 'it''s'\n",
      "key: ''\n",
      "key: \"double\"\n",
      "key: \"\"\n",
      "key: \"with 'inner' quotes\" # and a comment\n",
      "key: 'with \"inner\" quotes'\n",
      "phone: \"01632 963030\"\n",
      "key: [a, b, c]\n",
      "key: []\n",
      "key: [ ]\n",
      "key: [ a ,b ]\n",
      "key: [a, 'b c', \"d\"]\n",
      "key: [a, ~, null]\n",
      "key: [3, 4]  # levels\n",
      "key: [Café, Urdu]\nnext: [é, ü, x]\n",
      "name: Café Ünïcode\nsummary: ü [a] x\n",
      "key: [a]\nb: [c]\n",
      "contact:\n  phone: \"01632 963030\"\n  email: x@example.org\n  website: https://example.org/x\ncost: Free\n",
      "contact:\n    phone: 1\n    email: 2\nnext: 3\n",
      "outer:\n  inner:\n    deepest: 1\n  sibling: 2\nlast: 3\n",
      "list:\n  - a\n  - b\nnext: 1\n",
      "list:\n    - a\n    - 'b'\n    - [c, d]\n",
      "list:\n  - a\n\n  # a comment\n  - b\n",
      "steps:\n  - title: One\n    text: First.\n  - title: Two\n    text: Second.\nend: 1\n",
      "steps:\n  -   title: Spaced\n      text: x\n",
      "steps:\n  - title: One\n    items:\n      - a\n      - b\n  - title: Two\n",
      "steps:\n  - title: One\n    more:\n      key: v\n",
      "terms:\n  - term: A&E\n    stands_for: Accident and Emergency\n    also: [A and E, casualty]\n",
      "# a comment first\n\nname: A\n\n\n# another\nother: b\n",
      "   # indented comment\nname: A\n",
      "name: A\n   \n  \nother: b\n",
      "description: |\n  One line.\n\n  ## A heading\n    indented\nlast: x\n",
      "description: |-\n  Stripped.\nlast: x\n",
      "a: |\n  One.\nb: |\n  Two.\nc: 3\n",
      "name: (brackets) first\n",
      "name: /a/path\n",
      "name: .dotfile\n",
      "name: +44 1632\n",
      "name: $5 a session\n",
      "name: £2 a session\n",
      "name: -5 degrees\n",
      "name: ~tilde\n",
      "key_with_underscores: 1\nkey-with-dashes: 2\nKey9: 3\n_private: 4\n",
      "a: x\nb: y\n",
  };
  for (const char* c : cases) same_both_ways(c);
  // Each of these is what a content file is made of: the simple reader, not libyaml.
  for (const char* c : cases) {
    INFO(c);
    CHECK(read_simply(c));
  }
}

TEST_CASE("the simple reader steps aside for anything else, and libyaml reads it", "[yaml][simple]") {
  const char* cases[] = {
      "",
      "# only a comment\n",
      "- a\n- b\n",
      "  name: indented root\n",
      "---\nname: A\n",
      "name: A\n...\n",
      "%YAML 1.1\n---\nname: A\n",
      "name: A\nname: B\n",
      "key: \"esc\\\"aped\"\n",
      "key: \"a\\nb\"\n",
      "key: 'unclosed\n",
      "key: \"multi\n  line\"\n",
      "key: [a,\n  b]\n",
      "key: [a, b,]\n",
      "key: [a,, b]\n",
      "key: [a: b]\n",
      "key: [[a]]\n",
      "key: {a: b}\n",
      "key: &anchor x\nother: *anchor\n",
      "key: !tag x\n",
      "key: >\n  folded\nnext: 1\n",
      "key: |+\n  kept\n\nnext: 1\n",
      "key: |2\n   indented\nnext: 1\n",
      "key: plain text\n  over two lines\n",
      "key:\n  plain text below\n",
      "key: a: b\n",
      "key: trailing colon:\n",
      "key:value\n",
      "\"quoted key\": 1\n",
      "key with spaces: 1\n",
      "key: @at\n",
      "key: `tick\n",
      "key: ,comma\n",
      "key: - dash\n",
      "key: ? question\n",
      "key: 'a' trailing\n",
      "key: \"a\"#comment\n",
      "list:\n- indentless\n- items\n",
      "list:\n  - a\n   - b\n",
      "list:\n  -\n    a: 1\n",
      "list:\n  - - nested\n",
      "outer:\n  a: 1\n   b: 2\n",
      "a:\tb\n",
      "a: b\xC2\x85" "c: d\n",
      "a: b\xE2\x80\xA8" "c: d\n",
      "a: \xEF\xBB\xBF" "b\n",
      "a: b\x01\n",
      "null: 1\n",
      "~: 1\n",
      "key: |\n  Text.\n",
  };
  for (const char* c : cases) same_both_ways(c);
  for (const char* c : cases) {
    INFO(c);
    CHECK_FALSE(read_simply(c));
  }
}

TEST_CASE("the simple reader leaves libyaml's limits to libyaml, and reads long lines in one pass", "[yaml][simple]") {
  // libyaml refuses a key whose ':' is more than 1,024 characters on (found
  // by a review: the simple reader took it).
  const std::string long_key = std::string(1025, 'k') + ": v\n";
  same_both_ways(long_key);
  CHECK_FALSE(read_simply(long_key));
  same_both_ways("a: 1\n" + long_key);
  same_both_ways("a:\n  - " + long_key);
  CHECK(read_simply(std::string(1000, 'k') + ": v\n"));

  // Many items on one line: each column counted on from the one before.
  std::string items = "k: [";
  for (int i = 0; i < 5000; ++i) items += (i ? ", " : "") + std::string(i % 3 ? "x" : "\xC3\xA9t\xC3\xA9");
  items += "]\n";
  same_both_ways(items);
  CHECK(read_simply(items));

  // A mapping larger than any content file's goes to libyaml.
  std::string keys;
  for (int i = 0; i < 64; ++i) keys += "k" + std::to_string(i) + ": v\n";
  CHECK(read_simply(keys));
  keys += "last: v\n";
  same_both_ways(keys);
  CHECK_FALSE(read_simply(keys));
}

TEST_CASE("every content file in the repository reads the same with the simple reader", "[yaml][simple]") {
  std::size_t files = 0;
  for (const char* root : {"content", "examples", "tests/sites"}) {
    const std::filesystem::path dir = std::filesystem::path(OFFERGEN_SOURCE_DIR) / root;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      const std::string text = test::read_file(entry.path());
      same_both_ways(text);
      ++files;
    }
  }
  CHECK(files > 100);
}

TEST_CASE("generated documents read the same with the simple reader", "[yaml][simple]") {
  std::mt19937 rng(20261122);
  auto pick = [&](std::initializer_list<const char*> xs) { return *(xs.begin() + rng() % xs.size()); };
  // Scalar text, tricky for YAML or for columns; every other document only
  // what the simple reader takes, so that it is compared with libyaml often.
  bool tame = false;
  auto word = [&] {
    if (tame)
      return std::string(pick({"a", "Text", "two words", "C#", "it's", "null", "~", "-1", "1.5", "café", "ü", "(x)",
                               "x:y", "https://e.org/a", "10:30", "a  b", "£2", "~x", "Null", "true", "a [b] c"}));
    return std::string(pick({"a", "Text", "two words", "x: y", "C#", "a #b", "it's", "\"q\"", "null", "~", "-1", "1.5",
                             "café", "ü", "(x)", "a,b", "[x]", "{y}", "*s", "&t", "!u", "|", ">", "%", "@", "`", "?",
                             "-", "- a", "x:", "https://e.org/a#b", "10:30", "a  b", "", " ", "'", "''", "#", "£2",
                             "~x", "Null", "true"}));
  };
  auto scalar = [&] {
    const std::string w = word();
    switch (rng() % 4) {
      case 0: return "'" + w + "'";
      case 1: return "\"" + w + "\"";
      default: return w;
    }
  };
  auto flow = [&] {
    std::string s = pick({"[", "[ "});
    const int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) s += (i ? pick({", ", ",", " , "}) : "") + scalar();
    return s + pick({"]", " ]"});
  };
  auto comment = [&] { return std::string(tame ? pick({"", "", " # note", "  #"}) : pick({"", "", "", " # note", "  #", "#x"})); };
  auto key = [&] {
    return std::string(tame ? pick({"name", "a", "key-2", "_k", "Key", "x_y", "9", "b", "c", "d", "e", "f"})
                            : pick({"name", "a", "key-2", "_k", "Key", "x_y", "null", "k k", "9"}));
  };
  std::size_t simple = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    tame = doc % 2 == 0;
    std::string text;
    const int keys = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < keys; ++k) {
      if (rng() % 8 == 0) text += pick({"\n", "# c\n", "  \n", "   # c\n"});
      text += key() + ":";
      switch (rng() % 6) {
        case 0: text += " " + scalar() + comment() + "\n"; break;
        case 1: text += " " + flow() + comment() + "\n"; break;
        case 2: text += comment() + "\n"; break;
        case 3: {
          text += comment() + "\n";
          const std::string pad(1 + rng() % 4, ' ');
          const int items = 1 + static_cast<int>(rng() % 3);
          for (int i = 0; i < items; ++i) {
            text += pad + "-" + pick({" ", "  "});
            if (rng() % 3 == 0) {
              text += key() + ": " + scalar() + "\n";
              if (rng() % 2) text += pad + "  " + key() + ": " + scalar() + "\n";
            } else {
              text += (rng() % 4 ? scalar() : flow()) + comment() + "\n";
            }
          }
          break;
        }
        case 4: {
          text += comment() + "\n";
          const std::string pad(1 + rng() % 4, ' ');
          const int entries = 1 + static_cast<int>(rng() % 3);
          for (int i = 0; i < entries; ++i) text += pad + key() + ": " + scalar() + comment() + "\n";
          break;
        }
        default: text += " |\n  Block " + word() + "\n\n  more\n"; break;
      }
    }
    if (rng() % 10 == 0 && !text.empty()) text.pop_back();  // no final line break
    same_both_ways(text);
    Diagnostics d;
    if (make_source("x.yaml", text, d) && read_simply(text)) ++simple;
  }
  // Enough of them are simple for the comparison to mean something.
  CHECK(simple > 600);
}
