#include <catch2/catch.hpp>

#include "validate/formats.hpp"

using namespace og;

TEST_CASE("ISO dates must be real calendar dates", "[formats]") {
  struct Row {
    const char* text;
    bool ok;
  };
  const Row rows[] = {
      {"2018-10-01", true},  {"2020-02-29", true},  {"2019-02-29", false},     {"2018-13-01", false},
      {"2018-00-10", false}, {"2018-04-31", false}, {"18-10-01", false},       {"2018/10/01", false},
      {"2018-1-01", false},  {"", false},           {"1 October 2018", false}, {"2000-02-29", true},
      {"1900-02-29", false},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(parse_iso_date(r.text).has_value() == r.ok);
  }
  CHECK(parse_iso_date("2018-10-01")->long_form() == "1 October 2018");
}

TEST_CASE("email addresses have one @ and a domain with a dot", "[formats]") {
  struct Row {
    const char* text;
    bool ok;
  };
  const Row rows[] = {
      {"family.support@example.org", true},
      {"o'brien@example.co.uk", true},
      {"a+b@x.org", true},
      {"no-at-sign.org", false},
      {"two@@example.org", false},
      {"@example.org", false},
      {"name@localhost", false},
      {"name@example.", false},
      {"na me@example.org", false},
      {"name@exa_mple.org", false},
      {".name@example.org", false},
      {"name@example..org", false},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(is_email(r.text) == r.ok);
  }
}

TEST_CASE("web addresses are absolute http(s) with a host", "[formats]") {
  struct Row {
    const char* text;
    bool ok;
  };
  const Row rows[] = {
      {"https://www.example.org/", true},    {"http://www.mstuk.org/", true},
      {"https://example.org/a?b=c#d", true}, {"www.example.org", false},
      {"https://localhost/", false},         {"https://exa mple.org", false},
      {"ftp://example.org", false},          {"https://", false},
      {"https://example.org:8080/x", true},  {"javascript:alert(1)", false},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    std::string why;
    CHECK(is_web_address(r.text, why) == r.ok);
    if (!r.ok) CHECK_FALSE(why.empty());
  }
}

TEST_CASE("UK phone numbers", "[formats]") {
  struct Row {
    const char* text;
    bool ok;
  };
  const Row rows[] = {
      {"01484 221000", true},
      {"01484221000", true},
      {"+44 1484 221000", true},
      {"(01484) 221000", true},
      {"0800 1111", true},
      {"116 123", true},
      {"999", true},
      {"0113 245 0000", true},
      {"07700 900123", true},
      {"1484 221000", false},
      {"0148 22100", false},
      {"+1 202 555 0100", false},
      {"01484 221000 ext 5", false},
      {"phone us", false},
      {"00 1484 221000", false},
      {"", false},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(is_uk_phone(r.text) == r.ok);
  }
}

TEST_CASE("language tags", "[formats]") {
  CHECK(is_language_tag("en"));
  CHECK(is_language_tag("en-GB"));
  CHECK(is_language_tag("cy-GB"));
  CHECK_FALSE(is_language_tag("EN"));
  CHECK_FALSE(is_language_tag("en-gb"));
  CHECK_FALSE(is_language_tag("english"));
}
