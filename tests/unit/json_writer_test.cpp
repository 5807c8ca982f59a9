#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/json_writer.hpp"

using namespace og;

TEST_CASE("JsonWriter lays JSON out as nlohmann's dump(2) does", "[core]") {
  const std::string tricky =
      "quote \" backslash \\ tab \t newline \n cr \r bell \x07 del \x7f caf\xC3\xA9 \xE2\x80\x99";
  nlohmann::ordered_json expected;
  expected["text"] = tricky;
  expected["number"] = -1;
  expected["empty list"] = nlohmann::ordered_json::array();
  expected["empty object"] = nlohmann::ordered_json::object();
  expected["list"] = {{{"id", "a"}, {"n", 2}}, "b"};
  expected["nested"] = {{"inner", {{"deep", nlohmann::ordered_json::array({1})}}}};

  std::string out;
  JsonWriter j(out);
  j.begin_object();
  j.member("text", tricky);
  j.member("number", -1);
  j.key("empty list");
  j.begin_array();
  j.end_array();
  j.key("empty object");
  j.begin_object();
  j.end_object();
  j.key("list");
  j.begin_array();
  j.begin_object();
  j.member("id", "a");
  j.member("n", 2);
  j.end_object();
  j.value("b");
  j.end_array();
  j.key("nested");
  j.begin_object();
  j.key("inner");
  j.begin_object();
  j.key("deep");
  j.begin_array();
  j.value(1);
  j.end_array();
  j.end_object();
  j.end_object();
  j.end_object();
  CHECK(out == expected.dump(2));
}

TEST_CASE("JsonWriter starts levels in, as a value inside a larger document", "[core]") {
  std::string out;
  JsonWriter j(out, 2);
  j.begin_object();
  j.member("id", "x");
  j.end_object();
  CHECK(out == "{\n      \"id\": \"x\"\n    }");
}

TEST_CASE("JsonWriter lays JSON out compactly as nlohmann's dump() does", "[core]") {
  nlohmann::ordered_json expected;
  expected["@type"] = "Service";
  expected["name"] = "caf\xC3\xA9 \"quoted\" </script>";
  expected["list"] = {{{"@type", "Place"}, {"name", "Batley"}}, 3};
  expected["empty"] = nlohmann::ordered_json::array();
  std::string out;
  JsonWriter j(out, 0, JsonWriter::Layout::compact);
  j.begin_object();
  j.member("@type", "Service");
  j.member("name", "caf\xC3\xA9 \"quoted\" </script>");
  j.key("list");
  j.begin_array();
  j.begin_object();
  j.member("@type", "Place");
  j.member("name", "Batley");
  j.end_object();
  j.value(3);
  j.end_array();
  j.key("empty");
  j.begin_array();
  j.end_array();
  j.end_object();
  CHECK(out == expected.dump());
}

TEST_CASE("JsonWriter escapes a character wherever it falls in a long string", "[core]") {
  // Strings are scanned eight characters at a step: each place in a step.
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (std::size_t at = 0; at < 24; ++at) {
      if (at == 4) continue;  // inside the two bytes of the é
      std::string text = "caf\xC3\xA9 and plain words here!";
      text.insert(at, 1, special);
      std::string out;
      JsonWriter j(out, 0, JsonWriter::Layout::compact);
      j.value(text);
      INFO(at);
      CHECK(out == nlohmann::ordered_json(text).dump());
    }
  }
}

TEST_CASE("JsonWriter writes a string made of parts as the parts joined", "[core]") {
  const std::string a = "summary \"quoted\"", b = "\n\n", c = "tab\there \\ caf\xC3\xA9 and more than eight bytes";
  std::string joined, parts;
  JsonWriter one(joined, 0, JsonWriter::Layout::compact);
  one.begin_array();
  one.value(a + b + c);
  one.end_array();
  JsonWriter many(parts, 0, JsonWriter::Layout::compact);
  many.begin_array();
  many.value({a, b, c});
  many.end_array();
  CHECK(parts == joined);
  CHECK(nlohmann::json::parse(parts)[0] == a + b + c);
}

TEST_CASE("JsonWriter writes '<', '>' and '&' as escapes when asked to be HTML-safe", "[core]") {
  const std::string text = "</script> & <b>caf\xC3\xA9</b> \"it's\"";
  std::string safe, plain;
  JsonWriter(safe, 0, JsonWriter::Layout::compact, JsonWriter::Escaping::html_safe).value(text);
  JsonWriter(plain, 0, JsonWriter::Layout::compact).value(text);
  CHECK(safe == "\"\\u003c/script\\u003e \\u0026 \\u003cb\\u003ecaf\xC3\xA9\\u003c/b\\u003e \\\"it's\\\"\"");
  CHECK(plain == nlohmann::ordered_json(text).dump());
}

// Keys are checked when compiled: JsonKey("a \"quoted\" key") does not compile.
static_assert(og::JsonKey("@type").text() == "@type");
