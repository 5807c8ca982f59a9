#include <catch2/catch.hpp>

#include "core/colour.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"

using namespace og;

TEST_CASE("slugify turns names into ids", "[text]") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"Family Group Conferences", "family-group-conferences"},
      {"Children's Rights Service", "childrens-rights-service"},
      {"Children\xE2\x80\x99s Rights", "childrens-rights"},
      {"Batley & Spen", "batley-spen"},
      {"  CAMHS  ", "camhs"},
      {"Multi-Systemic Therapy (MST)", "multi-systemic-therapy-mst"},
      {"A&E", "a-e"},
      {"2 year old childcare \xE2\x80\x93 offer", "2-year-old-childcare-offer"},
      {"Caf\xC3\xA9", "caf"},
      {"", ""},
  };
  for (const auto& r : rows) {
    INFO(r.in);
    CHECK(slugify(r.in) == r.out);
  }
}

TEST_CASE("is_slug accepts only lower-case words joined by single hyphens", "[text]") {
  CHECK(is_slug("home-start"));
  CHECK(is_slug("a1"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("Home-Start"));
  CHECK_FALSE(is_slug("home--start"));
  CHECK_FALSE(is_slug("-home"));
  CHECK_FALSE(is_slug("home-"));
  CHECK_FALSE(is_slug("home start"));
}

TEST_CASE("did_you_mean suggests a close key and nothing for a distant one", "[text]") {
  const std::vector<std::string_view> keys = {"name", "localities", "levels", "categories"};
  CHECK(did_you_mean("localitys", keys) == "did you mean 'localities'?");
  CHECK(did_you_mean("nmae", keys) == "did you mean 'name'?");
  CHECK(did_you_mean("Levels", keys) == "did you mean 'levels'?");
  CHECK(did_you_mean("telephone", keys).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("find_invalid_utf8 finds the first bad byte", "[text]") {
  CHECK_FALSE(find_invalid_utf8("plain ascii").has_value());
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80").has_value());
  CHECK(find_invalid_utf8("ab\xFF").value() == 2);
  CHECK(find_invalid_utf8("ab\xC3").value() == 2);             // truncated
  CHECK(find_invalid_utf8("\xC0\xAF").value() == 0);           // overlong
  CHECK(find_invalid_utf8("x\xED\xA0\x80").value() == 1);      // surrogate
  CHECK(find_invalid_utf8("x\xF4\x90\x80\x80").value() == 1);  // past U+10FFFF
}

TEST_CASE("count_phrase says one thing in words and more in figures", "[text]") {
  CHECK(count_phrase(0, "service", "services") == "No services");
  CHECK(count_phrase(1, "service", "services") == "One service");
  CHECK(count_phrase(2, "service", "services") == "2 services");
  CHECK(count_phrase(33, "service", "services") == "33 services");
}

TEST_CASE("html_escape escapes the five special characters", "[text]") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("contrast ratios follow WCAG", "[colour]") {
  const Rgb white{1, 1, 1}, black{0, 0, 0};
  CHECK(contrast_ratio(white, black) == Approx(21.0));
  CHECK(contrast_ratio(*parse_hex_colour("#1d4f91"), white) > 4.5);
  CHECK(contrast_ratio(*parse_hex_colour("#ffdd00"), white) < 4.5);
  CHECK_FALSE(parse_hex_colour("1d4f91").has_value());
  CHECK_FALSE(parse_hex_colour("#12345").has_value());
  CHECK(parse_hex_colour("#fff").has_value());
}

TEST_CASE("short_hash is stable", "[hash]") {
  CHECK(short_hash("body{}") == short_hash("body{}"));
  CHECK(short_hash("body{}") != short_hash("body{ }"));
  // The same on every machine and in every version: published names depend on it.
  CHECK(short_hash("") == "efd01f60ba");
  CHECK(short_hash("the quick brown fox jumps") == "b1276b5dfc");
  CHECK(short_hash("the quick brown fox jumps") != short_hash("the quick brown fox jumpt"));
}

TEST_CASE("fnv1a64 never changes: the export's UUIDs are made from it", "[hash]") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
}
