// The Mustache semantics offergen's templates rely on, one row per rule. The
// expected outputs are what kainjow (the engine offergen used before) gives,
// except for standalone lines, which follow the Mustache spec
// (mustache_spec_test.cpp runs the spec's own tests).
#include <catch2/catch.hpp>

#include "render/environment.hpp"
#include "render/mustache.hpp"

using og::mustache::data;
using og::mustache::Template;
using og::mustache::TemplateError;

namespace {

std::string render(const std::string& text, const data& root) {
  TemplateError error;
  auto t = Template::compile(text, error);
  INFO(text << " -> " << error.message);
  REQUIRE(t.has_value());
  return t->render(root);
}

std::string compile_error(const std::string& text) {
  TemplateError error;
  auto t = Template::compile(text, error);
  if (t) return "compiled";
  return error.message + " at " + std::to_string(error.offset);
}

// Objects nested `depth` deep, each the value of `key` in the one around it.
data chain(const char* key, int depth) {
  data tree;
  for (int i = 0; i < depth; ++i) {
    data parent;
    parent.set(key, std::move(tree));
    tree = std::move(parent);
  }
  return tree;
}

data item(const std::string& name) {
  data d;
  d.set("name", name);
  return d;
}

// A page's data: a title, a list of two items, an object, flags and text.
data page() {
  data d;
  d.set("title", "A & B <c> \"d\" 'e'");
  d.set("html", "<em>x</em>");
  data items{data::type::list};
  items.push_back(item("one"));
  items.push_back(item("two"));
  d.set("items", std::move(items));
  d.set("none", data{data::type::list});
  data contact;
  contact.set("phone", "01484 221000");
  d.set("contact", std::move(contact));
  d.set("yes", true);
  d.set("no", false);
  d.set("empty", "");
  data words{data::type::list};
  words.push_back("a");
  words.push_back("b");
  d.set("words", std::move(words));
  return d;
}

}  // namespace

TEST_CASE("Mustache renders as the templates expect", "[mustache]") {
  struct Row {
    const char* what;
    const char* text;
    const char* expected;
  };
  const Row rows[] = {
      {"variables are HTML-escaped", "{{title}}", "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"},
      {"triple braces are not", "{{{html}}}", "<em>x</em>"},
      {"neither is &", "{{& html}}", "<em>x</em>"},
      {"spaces inside tags do not matter", "{{ title }}|{{{ html }}}",
       "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;|<em>x</em>"},
      {"a missing name prints nothing", "[{{missing}}]", "[]"},
      {"only text prints: not true, false, lists or objects", "[{{yes}}{{no}}{{items}}{{contact}}]", "[]"},
      {"dotted names reach into objects", "{{contact.phone}}", "01484 221000"},
      {"a dotted name that does not resolve prints nothing", "[{{contact.email}}]", "[]"},
      {"a list section renders once per item", "{{#items}}<{{name}}>{{/items}}", "<one><two>"},
      {"{{.}} is the item itself", "{{#words}}{{.}},{{/words}}", "a,b,"},
      {"names not in the item come from the page", "{{#items}}{{name}}:{{contact.phone}};{{/items}}",
       "one:01484 221000;two:01484 221000;"},
      {"an object section renders once, inside the object", "{{#contact}}{{phone}}{{/contact}}", "01484 221000"},
      {"true renders once", "{{#yes}}y{{/yes}}", "y"},
      {"false, an empty list and a missing name render nothing",
       "[{{#no}}n{{/no}}{{#none}}n{{/none}}{{#missing}}n{{/missing}}]", "[]"},
      {"an empty string is true (hence put())", "{{#empty}}shown{{/empty}}", "shown"},
      {"inverted sections render for false, empty and missing",
       "{{^no}}1{{/no}}{{^none}}2{{/none}}{{^missing}}3{{/missing}}{{^yes}}4{{/yes}}{{^items}}5{{/items}}", "123"},
      {"a dotted section", "{{#contact.phone}}has {{contact.phone}}{{/contact.phone}}", "has 01484 221000"},
      {"comments print nothing", "a{{! a note }}b", "ab"},
      {"set delimiters", "{{=<% %>=}}<%title%>{{title}}", "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;{{title}}"},
      {"lines holding only section tags are left out", "<ul>\n{{#items}}\n<li>{{name}}</li>\n{{/items}}\n</ul>\n",
       "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
      {"indented section tags too", "<ul>\n  {{#yes}}\n<li>x</li>\n  {{/yes}}\n</ul>", "<ul>\n<li>x</li>\n</ul>"},
      {"a section that does not render leaves no line either (kainjow left a blank one)", "a\n{{#no}}\nx\n{{/no}}\nb\n",
       "a\nb\n"},
      {"nor does a comment on its own line", "a\n  {{! note }}\nb", "a\nb"},
      {"an inverted section that renders is left out like a section", "a\n{{^no}}\nx\n{{/no}}\nb\n", "a\nx\nb\n"},
      {"a line with text and a section keeps its text", "a {{#yes}}b{{/yes}}\nc", "a b\nc"},
      {"a variable that prints nothing keeps its line", "a\n{{missing}}\nb", "a\n\nb"},
      {"CRLF line ends are kept", "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", "a\r\nb\r\n"},
  };
  const data root = page();
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(render(row.text, root) == row.expected);
  }
}

TEST_CASE("false in a list item hides the page's value of the same name", "[mustache]") {
  // What put() relies on: an item's own false stops the lookup, a missing key does not.
  data root;
  root.set("summary", "the page's summary");
  data list{data::type::list};
  data with_false;
  og::put(with_false, "summary", "");
  list.push_back(std::move(with_false));
  list.push_back(data{});
  data with_text;
  og::put(with_text, "summary", "own");
  list.push_back(std::move(with_text));
  root.set("cards", std::move(list));
  CHECK(render("{{#cards}}[{{#summary}}{{summary}}{{/summary}}]{{/cards}}", root) ==
        "[][the page&apos;s summary][own]");
}

TEST_CASE("set() replaces a value; data moves rather than copies", "[mustache]") {
  data d;
  d.set("x", "1");
  d.set("x", "2");
  CHECK(render("{{x}}", d) == "2");
  data list{data::type::list};
  list.push_back("a");
  data copy = list;
  copy.push_back("b");
  CHECK(list.list_value().size() == 1);
  CHECK(copy.list_value().size() == 2);
  // set() on a list and push_back() on an object do nothing, as in kainjow.
  list.set("k", "v");
  d.push_back("v");
  CHECK(list.get("k") == nullptr);
  CHECK(render("{{x}}", d) == "2");
}

TEST_CASE("partials come from the map given to render()", "[mustache][partials]") {
  TemplateError error;
  og::mustache::Partials partials;
  const auto add = [&](const char* name, const char* text) {
    auto t = Template::compile(text, error);
    REQUIRE(t);
    partials.emplace(name, std::move(*t));
  };
  add("outer", "<div>\n  {{> inner}}\n</div>\n");
  add("inner", "<p>\n{{title}}\n</p>\n");
  add("forever", "x{{> forever}}");
  add("twice", "y{{#flag}}{{> twice}}{{> twice}}{{/flag}}");
  add("tree", "x{{#child}}{{> tree}}{{/child}}");
  add("fan", "z{{#items}}{{> fan}}{{> fan}}{{> fan}}{{/items}}");
  auto body = Template::compile("<body>\n  {{> outer}}\n{{> missing}}\n</body>", error);
  REQUIRE(body);
  // Standalone partials inside standalone partials: both indentations.
  CHECK(body->render(page(), &partials) ==
        "<body>\n  <div>\n    <p>\n    A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;\n    </p>\n  </div>\n</body>");
  CHECK(body->render(page(), nullptr) == "<body>\n</body>");
  // A partial inside itself is included again only deeper in the data:
  // twice in a section whose value is always the same, it took 2^64
  // renderings (found by fuzz/mustache_fuzz.cpp; TemplateSet refuses a
  // partial inside itself outside any section).
  auto runaway = Template::compile("{{> forever}}|{{> twice}}", error);
  REQUIRE(runaway);
  data flagged;
  flagged.set("flag", true);
  CHECK(runaway->render(flagged, &partials) == "x|yyy");
  // Nor when the section's list is found further out: each level went
  // through the same eight items again (found by the fuzzer too).
  data items(data::type::list);
  for (int i = 0; i < 8; ++i) items.push_back(data{});
  data listed;
  listed.set("items", std::move(items));
  auto fan = Template::compile("{{> fan}}", error);
  REQUIRE(fan);
  CHECK(fan->render(listed, &partials) == std::string(1 + 8 * 3, 'z'));
  // A tree's recursion goes into the data, and stops after 64 levels.
  const data tree = chain("child", 70);
  auto deep = Template::compile("{{> tree}}", error);
  REQUIRE(deep);
  CHECK(deep->render(tree, &partials) == std::string(64, 'x'));
}

TEST_CASE("rendering stops at its limits and says so", "[mustache][limits]") {
  TemplateError error;
  // Bytes: checked before each step, so the item that crosses the limit is
  // the last one written.
  data items(data::type::list);
  for (int i = 0; i < 10; ++i) items.push_back(std::string(100, 'a' + static_cast<char>(i)));
  data root;
  root.set("items", std::move(items));
  auto list = Template::compile("{{#items}}{{.}}{{/items}}", error);
  REQUIRE(list);
  std::string out;
  CHECK_FALSE(list->render(root, out, nullptr, {1000, 250}));
  CHECK(out == std::string(100, 'a') + std::string(100, 'b') + std::string(100, 'c'));
  out.clear();
  CHECK(list->render(root, out, nullptr, {1000, 1000}));
  CHECK(out.size() == 1000);
  // Steps: a partial that includes itself twice at each level of a tree 24
  // deep renders 2^24 times; the limit stops it at once (what
  // fuzz/open/mustache-timeout-19dc4a5f did, 11 s with ASan).
  og::mustache::Partials partials;
  auto twice = Template::compile("x{{#c}}{{> p}}{{> p}}{{/c}}", error);
  REQUIRE(twice);
  partials.emplace("p", std::move(*twice));
  const data tree = chain("c", 24);
  auto top = Template::compile("{{> p}}", error);
  REQUIRE(top);
  out.clear();
  CHECK_FALSE(top->render(tree, out, &partials, {10'000, 1 << 20}));
  CHECK(out.size() < 10'000);
  CHECK(out.find_first_not_of('x') == std::string::npos);
  // A section with nothing in it still goes through its list: each item is
  // a step.
  data many(data::type::list);
  for (int i = 0; i < 100; ++i) many.push_back(data{});
  data wide;
  wide.set("l", std::move(many));
  auto nested = Template::compile("{{#l}}{{#l}}{{#l}}{{#l}}{{/l}}{{/l}}{{/l}}{{/l}}", error);
  REQUIRE(nested);
  out.clear();
  CHECK_FALSE(nested->render(wide, out, nullptr, {10'000, 1 << 20}));
  // The bytes of the last step count too, and not what `out` held before.
  out = std::string(300, '-');
  CHECK_FALSE(list->render(root, out, nullptr, {1000, 150}));
  CHECK(out.size() == 300 + 200);
  // Within the limits, the same tree 6 deep: 2^7 - 1 renderings.
  const data small = chain("c", 6);
  out.clear();
  CHECK(top->render(small, out, &partials));
  CHECK(out == std::string(127, 'x'));
}

TEST_CASE("template errors give kainjow's message and the byte offset", "[mustache]") {
  CHECK(compile_error("<p>{{title</p>") == "unclosed tag at 3");
  CHECK(compile_error("<p>{{{title}}</p>") == "unclosed tag at 3");
  CHECK(compile_error("a\n{{#items}}\n<li>") == "unclosed section \"items\" at 2");
  CHECK(compile_error("x {{/items}}") == "unopened section \"items\" at 2");
  CHECK(compile_error("{{#a}}{{#b}}{{/a}}{{/b}}") == "unclosed section \"a\" at 0");
  CHECK(compile_error("{{=<%%>=}}") == "invalid set delimiter tag at 0");
  CHECK(compile_error("{{#a}}{{/a}}{{^b}}{{/b}}") == "compiled");
}

TEST_CASE("compiled templates can be rendered from many threads and appended to", "[mustache]") {
  TemplateError error;
  auto t = Template::compile("<{{name}}>", error);
  REQUIRE(t);
  std::string out = "start";
  t->render(item("x"), out);
  t->render(item("y"), out);
  CHECK(out == "start<x><y>");
}

TEST_CASE("facets JSON for a single-quoted attribute escapes what could end it, as JSON", "[mustache][facets]") {
  CHECK(og::single_quoted_attribute_json("{\"c\":[\"a-b\"],\"n\":[1]}") == "{\"c\":[\"a-b\"],\"n\":[1]}");
  CHECK(og::single_quoted_attribute_json("{\"x\":\"it's <b> & c\"}") ==
        "{\"x\":\"it\\u0027s \\u003cb\\u003e \\u0026 c\"}");
  // Inserted unescaped, the attribute holds no quote that ends it.
  TemplateError error;
  auto t = Template::compile("<li data-facets='{{{f}}}'>", error);
  REQUIRE(t);
  data d;
  d.set("f", og::single_quoted_attribute_json("{\"x\":\"'><script>\"}"));
  std::string out;
  t->render(d, out);
  CHECK(out == "<li data-facets='{\"x\":\"\\u0027\\u003e\\u003cscript\\u003e\"}'>");
}
