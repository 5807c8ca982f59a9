// The block scalars parse_yaml() reads without libyaml (load/yaml_blocks.hpp)
// must come out exactly as libyaml reads them: every case is parsed both ways
// and the trees and problems compared, here and over every content file in
// the repository.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <sstream>

#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "load/yaml_blocks.hpp"
#include "load/yaml_tree.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {


void same_both_ways(const std::string& text) {
  INFO(text);
  Diagnostics d;
  if (!make_source("x.yaml", text, d)) {
    // A file that is not UTF-8 never reaches the parser; the cut leaves it alone anyway.
    CHECK_FALSE(cut_literal_blocks(text));
    return;
  }
  CHECK(test::parsed_yaml(text, false) == test::parsed_yaml(text, true));
}

}  // namespace

TEST_CASE("a simple block is cut out, its lines left empty", "[yaml]") {
  const auto cut = cut_literal_blocks("name: A\ndescription: |\n  One line.\n\n  ## A heading\n    indented\nlast: x\n");
  REQUIRE(cut);
  CHECK(cut->text == "name: A\ndescription: |\n\n\n\n\nlast: x\n");
  REQUIRE(cut->blocks.size() == 1);
  CHECK(cut->blocks[0].line == 1);
  CHECK(cut->blocks[0].column == 13);
  CHECK(cut->blocks[0].value == "One line.\n\n## A heading\n  indented\n");
  const std::size_t before = yaml_blocks_read();
  same_both_ways("name: A\ndescription: |\n  One line.\n\n  ## A heading\n    indented\nlast: x\n");
  CHECK(yaml_blocks_read() == before + 1);
  CHECK_FALSE(cut_literal_blocks("name: A\nsummary: plain\n"));
}

TEST_CASE("blocks read without libyaml equal libyaml's reading", "[yaml]") {
  const char* cases[] = {
      "description: |\n  Text.\nnext: 1\n",
      "description: |-\n  Stripped.\n\n\nnext: 1\n",
      "description: |+\n  Kept.\n\n\nnext: 1\n",
      "description: |2\n    Indented by an indicator.\nnext: 1\n",
      "description: |\n\n\n  After blank lines.\n\n  And a gap.\n\n\nnext: 1\n",
      "description: |\n    \n  A leading line with more spaces.\nnext: 1\n",
      "description: |\n  Trailing spaces line follows.\n     \nnext: 1\n",
      "description: |\n  A line with a\ttab.\nnext: 1\n",
      "description: |\n\tTab indented.\nnext: 1\n",
      "description: |\n  Less indented next:\n nope\nnext: 1\n",
      "description: |\n  Runs to the end of the file.\n",
      "description: |\n  Runs to the end without a newline.",
      "description: |\n  Ends at a comment.\n# a comment\nnext: 1\n",
      "description: |\n  Ends at a document end.\n...\n",
      "description: |\n  Then a second document.\n---\nnext: 1\n",
      "description: |  \n  Spaces after the bar.\nnext: 1\n",
      "description: | # a comment\n  Text.\nnext: 1\n",
      "description: &anchor |\n  Anchored.\nnext: *anchor\n",
      "description: |\nnext: 1\n",
      "description: |\n\nnext: 1\n",
      "description: |\n  caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 quotes \xE2\x80\x9Chere\xE2\x80\x9D\nnext: 1\n",
      "description: |\n  Bad UTF-8 \xC3\x28 here.\nnext: 1\n",
      "description: |\n  Overlong \xC0\xAF here.\nnext: 1\n",
      "description: |\n  A control \x01 character.\nnext: 1\n",
      "description: |\n  A DEL \x7F character.\nnext: 1\n",
      "description: |\n  A NEL \xC2\x85 break.\nnext: 1\n",
      "description: |\n  A line \xE2\x80\xA8 separator.\nnext: 1\n",
      "description: |\n  A \xEF\xBF\xBE non-character.\nnext: 1\n",
      "description: |\r\n  Windows line ends.\r\nnext: 1\r\n",
      "description: |\n  Duplicate below.\ndescription: |\n  Second.\nnext: 1\n",
      "a: |\n  One.\nb: |-\n  Two.\n\nc: |\n  Three.\n",
      "list:\n  - a\ndescription: |\n  After a list.\nnext: [1, 2]\n",
      "- item\ndescription: |\n  Not a mapping.\nnext: 1\n",
      "summary: \"a quoted\ndescription: |\n  inside the quotes\"\nnext: 1\n",
      "nested:\n  description: |\n    Not at the top.\nnext: 1\n",
      "description: |\n  Broken after:\nnext: [1, 2\n",
      "description: |\n  x\nnext: : bad\n",
      "key with space: |\n  Text.\nnext: 1\n",
      "\"quoted\": |\n  Text.\nnext: 1\n",
      "description: >\n  Folded is left to libyaml.\nnext: 1\n",
      // A line break libyaml counts and '\n' does not, before the blocks: the
      // block below must not be given to the literal above it (found in review).
      "# note\xE2\x80\xA8\nb: | # empty\nc: |\n  text\nd: 1\n",
      "# note\xC2\x85\nb: |+\nc: |\n  text\nd: 1\n",
      "a: 'quoted\xE2\x80\xA9'\nb: |2\nc: |\n  text\nd: 1\n",
  };
  for (const char* text : cases) same_both_ways(text);
}

TEST_CASE("every content file in the repository parses the same both ways", "[yaml]") {
  namespace fs = std::filesystem;
  std::size_t files = 0, cut = 0;
  const std::size_t read_before = yaml_blocks_read();
  for (const fs::path& root : {test::source_dir() / "content", test::sites_dir()}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      const std::string ext = entry.path().extension().string();
      if (ext != ".yaml" && ext != ".md") continue;
      const std::string text = test::read_file(entry.path());
      INFO(entry.path().string());
      Diagnostics d;
      auto s = make_source(entry.path().string(), text, d);
      if (!s) continue;  // not UTF-8: a test of that
      std::string yaml = s->text;
      if (ext == ".md") {
        // The front matter between the '---' lines, as load/front_matter.cpp finds it.
        if (yaml.rfind("---\n", 0) != 0) continue;
        const std::size_t end = yaml.find("\n---", 4);
        if (end == std::string::npos) continue;
        yaml = yaml.substr(4, end - 3);
      }
      same_both_ways(yaml);
      ++files;
      if (cut_literal_blocks(yaml)) ++cut;
    }
  }
  CHECK(files > 100);
  CHECK(cut > 50);  // the services' descriptions
  // parse_yaml() kept what it read itself for at least as many (each case is
  // parsed twice, and the whole-text reading counts none).
  CHECK(yaml_blocks_read() - read_before >= cut);
}

TEST_CASE("blocks made of random lines read the same both ways", "[yaml]") {
  // A fixed seed: the same 3,000 cases every run.
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](std::uint64_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % n;
  };
  const char* pieces[] = {"word", " ", "  ", "\t", "#", ":", "- ", "\xC3\xA9", "\xE2\x80\x94", "|", "'", "\"", "x: y"};
  const char* headers[] = {"description: |", "description: |-", "description: |+", "description: | ", "text: |2",
                           "description: |\t"};
  const char* ends[] = {"next: 1\n", "# c\nnext: 1\n", "...\n", "", " next: 1\n", "\tnext: 1\n", "- x\n", "next: |\n  more\n"};
  std::size_t cases = 0;
  const std::size_t read_before = yaml_blocks_read();
  for (int round = 0; round < 3000; ++round) {
    std::string text = "name: A\n";
    text += headers[next(std::size(headers))];
    text += '\n';
    const std::size_t lines = next(6);
    for (std::size_t l = 0; l < lines; ++l) {
      text += std::string(next(5), ' ');
      const std::size_t words = next(4);
      for (std::size_t w = 0; w < words; ++w) text += pieces[next(std::size(pieces))];
      text += '\n';
    }
    text += ends[next(std::size(ends))];
    same_both_ways(text);
    ++cases;
  }
  CHECK(cases == 3000);
  CHECK(yaml_blocks_read() - read_before > 100);  // and many were read without libyaml
}
