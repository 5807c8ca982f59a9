#include <catch2/catch.hpp>

#include <cmark-gfm-extension_api.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "derive/markdown.hpp"
#include "load/markdown_text.hpp"
#include "support/test_support.hpp"

using namespace og;

namespace {

Markdown md(const std::string& text, int line = 10, int column = 1) {
  Markdown m;
  m.text = text;
  m.origin = {"page.md", line, column};
  return m;
}

std::string html(const std::string& text, MarkdownOptions options = {}) {
  Diagnostics d;
  return render_markdown(md(text), options, d);
}

std::string problems(const std::string& text, MarkdownOptions options = {}, int line = 10, int column = 1,
                     int shift = 0) {
  Diagnostics d;
  Markdown m = md(text, line, column);
  m.column_shift = shift;
  render_markdown(m, options, d);
  return test::diagnostics_text(d);
}

}  // namespace

TEST_CASE("GitHub extensions and smart punctuation are on", "[markdown]") {
  CHECK(html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
  CHECK(html("see https://example.org now") ==
        "<p>see <a href=\"https://example.org\" rel=\"noreferrer\">https://example.org</a> now</p>\n");
  CHECK(html("~~old~~") == "<p><del>old</del></p>\n");
  CHECK(html("\"Quoted\" -- it's") == "<p>\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s</p>\n");
}

TEST_CASE("tables scroll in a focusable region", "[markdown]") {
  const std::string out = html("| a |\n|---|\n| 1 |\n");
  CHECK(out.find("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table>") == 0);
  CHECK(out.find("</table></div>") != std::string::npos);
}

TEST_CASE("each table's region is named for its heading, and no two share a name", "[markdown]") {
  const std::string table = "| a |\n|---|\n| 1 |\n\n";
  const std::string out = html(table + "## Who *does* what & when\n\n" + table + table + "## Money\n\n" + table);
  const auto region = [](const std::string& name) {
    return "<div class=\"table-scroll\" role=\"region\" aria-label=\"" + name + "\" tabindex=\"0\">";
  };
  CHECK(out.find(region("Table")) == 0);
  CHECK(out.find(region("Who does what &amp; when")) != std::string::npos);
  CHECK(out.find(region("Who does what &amp; when (table 2)")) != std::string::npos);
  CHECK(out.find(region("Money")) != std::string::npos);
}

TEST_CASE("raw HTML is shown as text unless allowed", "[markdown]") {
  CHECK(html("Hello <script>alert(1)</script> there") == "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; there</p>\n");
  CHECK(html("<div onclick=\"x\">block</div>\n") == "<p>&lt;div onclick=&quot;x&quot;&gt;block&lt;/div&gt;</p>\n");
  CHECK(problems("Hello <b>there</b>") ==
        "page.md:10:7: warning: raw HTML is turned off, so it is shown as text (write it in Markdown, or set "
        "'allow_raw_html: true' in site.yaml)\n"
        "page.md:10:15: warning: raw HTML is turned off, so it is shown as text (write it in Markdown, or set "
        "'allow_raw_html: true' in site.yaml)\n"
        "0 errors, 2 warnings\n");
  CHECK(html("Note <!-- for authors --> here") == "<p>Note  here</p>\n");
  MarkdownOptions allow;
  allow.allow_raw_html = true;
  CHECK(html("Hello <b>there</b>", allow) == "<p>Hello <b>there</b></p>\n");
  // The tag filter still disarms the dangerous tags when raw HTML is allowed.
  CHECK(html("<script>alert(1)</script>", allow).find("<script>") == std::string::npos);
}

TEST_CASE("headings start at the base level and never skip", "[markdown]") {
  CHECK(html("## A\n\n### B\n") == "<h2>A</h2>\n<h3>B</h3>\n");
  MarkdownOptions under_h2;
  under_h2.heading_base = 3;
  CHECK(html("## A\n\n### B\n", under_h2) == "<h3>A</h3>\n<h4>B</h4>\n");
  CHECK(problems("# Title again\n") ==
        "page.md:10:1: error: a '#' heading would be a second main heading on the page "
        "(start headings in Markdown at '##')\n1 error, 0 warnings\n");
  CHECK(problems("## A\n\ntext\n\n#### C\n") ==
        "page.md:14:1: error: the heading skips a level: '####' after '##' (use '###' here)\n1 error, 0 warnings\n");
  CHECK(problems("### First\n") ==
        "page.md:10:1: error: the heading skips a level: '###' as the first heading (use '##' here)\n"
        "1 error, 0 warnings\n");
  // Positions inside a YAML block scalar: the first line at its origin, later lines shifted.
  CHECK(problems("text\n\n#### Deep\n", {}, 7, 3, 2) ==
        "page.md:9:3: error: the heading skips a level: '####' as the first heading (use '##' here)\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("images need alt text", "[markdown]") {
  CHECK(problems("![](/x.png)") ==
        "page.md:10:1: error: the image has no alt text (describe the image between the brackets: "
        "![what it shows](...))\n1 error, 0 warnings\n");
  CHECK(problems("![A family](https://example.org/x.png)") == "0 errors, 0 warnings\n");
}

TEST_CASE("internal links are checked and get the base path", "[markdown]") {
  MarkdownOptions o;
  o.base_path = "/offer/";
  o.page_exists = [](std::string_view p) { return p == "/services/home-start/" || p == "/"; };
  CHECK(html("[Home-Start](/services/home-start/#contact)", o) ==
        "<p><a href=\"/offer/services/home-start/#contact\">Home-Start</a></p>\n");
  CHECK(html("[Out](https://example.org/)", o) ==
        "<p><a href=\"https://example.org/\" rel=\"noreferrer\">Out</a></p>\n");
  CHECK(problems("See [it](/services/home-start)", o) ==
        "page.md:10:5: error: the link '/services/home-start' goes to no page of the site "
        "(did you mean '/services/home-start/'?)\n1 error, 0 warnings\n");
  CHECK(problems("[x](/nowhere/)", o) ==
        "page.md:10:1: error: the link '/nowhere/' goes to no page of the site\n1 error, 0 warnings\n");
}

TEST_CASE("links to other sites, and only those, tell them nothing of the page they came from", "[markdown]") {
  struct Case {
    const char* markdown;
    const char* html;
  };
  const Case cases[] = {
      {"[a](https://example.org/)", "<p><a href=\"https://example.org/\" rel=\"noreferrer\">a</a></p>\n"},
      {"[a](HTTP://example.org/)", "<p><a href=\"HTTP://example.org/\" rel=\"noreferrer\">a</a></p>\n"},
      {"[a](//example.org/x)", "<p><a href=\"//example.org/x\" rel=\"noreferrer\">a</a></p>\n"},
      {"[a](https://example.org/ \"Title\")",
       "<p><a href=\"https://example.org/\" rel=\"noreferrer\" title=\"Title\">a</a></p>\n"},
      {"Visit www.example.org.",
       "<p>Visit <a href=\"http://www.example.org\" rel=\"noreferrer\">www.example.org</a>.</p>\n"},
      {"<https://example.org>", "<p><a href=\"https://example.org\" rel=\"noreferrer\">https://example.org</a></p>\n"},
      {"[a](/)", "<p><a href=\"/\">a</a></p>\n"},
      {"[a](#top)", "<p><a href=\"#top\">a</a></p>\n"},
      {"[a](mailto:x@example.org)", "<p><a href=\"mailto:x@example.org\">a</a></p>\n"},
      {"[a](tel:999)", "<p><a href=\"tel:999\">a</a></p>\n"},
      {"`<a href=\"https://example.org/\">`", "<p><code>&lt;a href=&quot;https://example.org/&quot;&gt;</code></p>\n"},
  };
  MarkdownOptions o;
  o.base_path = "/";
  for (const Case& c : cases) {
    INFO(c.markdown);
    CHECK(html(c.markdown, o) == c.html);
  }
  // Raw HTML, where the site allows it, keeps a rel its author gave.
  o.allow_raw_html = true;
  CHECK(html("<a href=\"https://example.org/\" rel=\"external\">a</a>", o) ==
        "<p><a href=\"https://example.org/\" rel=\"external\">a</a></p>\n");
  CHECK(html("<a href=\"https://example.org/\">a</a>", o) ==
        "<p><a href=\"https://example.org/\" rel=\"noreferrer\">a</a></p>\n");
}

TEST_CASE("unsafe link schemes are dropped", "[markdown]") {
  CHECK(html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n");
}

TEST_CASE("an address autolinked with letters before its scheme links from the scheme", "[markdown]") {
  // cmark-gfm links the whole of "ref-mailto:a@b.org" to that relative
  // address (found by fuzz/oruk_fuzz.cpp in an imported description).
  CHECK(html("Write to 0b8a9adf-mailto:a@b.org today.") ==
        "<p>Write to 0b8a9adf-<a href=\"mailto:a@b.org\">mailto:a@b.org</a> today.</p>\n");
  CHECK(html("x.mailto:a@b.org") == "<p>x.<a href=\"mailto:a@b.org\">mailto:a@b.org</a></p>\n");
  // What it links right stays as it was.
  CHECK(html("see mailto:a@b.org or a-b@c.org") ==
        "<p>see <a href=\"mailto:a@b.org\">mailto:a@b.org</a> or <a href=\"mailto:a-b@c.org\">a-b@c.org</a></p>\n");
  CHECK(html("https://example.org/share?to=mailto:a@b.org") ==
        "<p><a href=\"https://example.org/share?to=mailto:a@b.org\" rel=\"noreferrer\">"
        "https://example.org/share?to=mailto:a@b.org</a></p>\n");
  CHECK(html("[ref-mailto:a@b.org](https://example.org/)") ==
        "<p><a href=\"https://example.org/\" rel=\"noreferrer\">ref-mailto:a@b.org</a></p>\n");
}

TEST_CASE("only web, email and phone addresses written out in the text become links", "[markdown]") {
  // cmark-gfm also links ftp:// and xmpp: addresses, which browsers and
  // phones no longer open (found by fuzz/oruk_fuzz.cpp in an imported
  // description, "Our ftp://ttp://assurrom signposting").
  CHECK(html("Our ftp://ttp://assurrom signposting") == "<p>Our ftp://ttp://assurrom signposting</p>\n");
  CHECK(html("Files at FTP://files.example.org/x or xmpp:help@example.org.") ==
        "<p>Files at FTP://files.example.org/x or xmpp:help@example.org.</p>\n");
  CHECK(html("Chat on ref-xmpp:a@b.org") == "<p>Chat on ref-xmpp:a@b.org</p>\n");
  CHECK(html("<ftp://files.example.org>, <tel:01632960001> and http://ok.example.org") ==
        "<p>ftp://files.example.org, <a href=\"tel:01632960001\">tel:01632960001</a> and "
        "<a href=\"http://ok.example.org\" rel=\"noreferrer\">http://ok.example.org</a></p>\n");
  // A link its author wrote as one stays, whatever it says.
  CHECK(html("[the archive](ftp://files.example.org/)") ==
        "<p><a href=\"ftp://files.example.org/\">the archive</a></p>\n");
}

TEST_CASE("plain text drops the markup", "[markdown]") {
  CHECK(markdown_plain_text("## Heading\n\nSome *emphasis* and a [link](/x/).\n\n- one\n- two\n") ==
        "Heading Some emphasis and a link. one two");
  CHECK(markdown_plain_text("| Week | Topic |\n|---|---|\n| 1 | Sleep |\n") == "Week Topic 1 Sleep");
}

TEST_CASE("plain text has single spaces between words, and none at the ends", "[markdown]") {
  const std::pair<const char*, const char*> cases[] = {
      {"a   b", "a b"},  {"`x  y`  z", "x y z"},       {"one\n\n   two  ", "one two"},
      {"a  \nb", "a b"}, {"*a* *b*   **c**", "a b c"}, {"`  lead` and `trail  `", "lead and trail"},
      {"x    ", "x"},
  };
  for (const auto& [text, plain] : cases) {
    INFO(text);
    CHECK(markdown_plain_text(text) == plain);
  }
}

namespace {

// The HTML `parser` makes of `text`.
std::string rendered(const CmarkParser& parser, const std::string& text) {
  cmark_parser_feed(parser.get(), text.data(), text.size());
  const CmarkNode doc(cmark_parser_finish(parser.get()));
  char* out = cmark_render_html(doc.get(), CMARK_OPT_SMART, cmark_parser_get_syntax_extensions(parser.get()));
  std::string result = out;
  free(out);
  return result;
}

// cmark-gfm's HTML for `text` with all four extensions attached, autolink
// always among them: what new_markdown_parser() gave before it left
// autolink out of text that could have no links.
std::string html_with_autolink(const std::string& text) {
  ensure_markdown_extensions();
  const CmarkParser parser(cmark_parser_new(CMARK_OPT_SMART));
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"})
    cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
  return rendered(parser, text);
}

std::string html_as_parsed(const std::string& text) {
  return rendered(new_markdown_parser(CMARK_OPT_SMART, text), text);
}

}  // namespace

TEST_CASE("the autolink extension is left out only where it could link nothing, with the same HTML", "[markdown]") {
  struct Case {
    const char* text;
    bool may_link;
  };
  const Case cases[] = {
      {"We welcome you. \"Quotes\" who, what, when -- wow... it's 'worth' it: well.", false},
      {"| Day | Where |\n| --- | --- |\n| Wed | Town hall: west wing |\n\n~~was~~ *wide* [web](/services/x/)", false},
      {"Visit www.example.org for more.", true},
      {"See https://example.org/help, or ftp://files.example.org.", true},
      {"Email help@example.org today.", true},
      {"Email help&#64;example.org or help&#x40;example.org or help&commat;example.org.", true},
      {"An address written help\\@example.org", true},
      {"Link [in brackets](https://example.org) and <https://example.org>.", true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(may_autolink(c.text) == c.may_link);
    CHECK(html_as_parsed(c.text) == html_with_autolink(c.text));
  }
  // The extension still links what it finds.
  CHECK(html_as_parsed("Email help&#64;example.org.") ==
        "<p>Email <a href=\"mailto:help@example.org\">help@example.org</a>.</p>\n");
  CHECK(html_as_parsed("Visit www.example.org.") ==
        "<p>Visit <a href=\"http://www.example.org\">www.example.org</a>.</p>\n");
}

TEST_CASE("Markdown parsed on several threads at once keeps its strikethrough and its links", "[markdown]") {
  // cmark-gfm keeps the inline parser's special characters in one table for
  // the whole process, and each parser took its extensions' characters out
  // of it when it finished: a parser on another thread then saw "~~" and
  // "www." as plain text (a few service pages in every parallel build).
  const std::string text = "Was ~~closed~~ now open, see www.example.org today.";
  std::atomic<int> plain{0};
  auto parse = [&] {
    for (int i = 0; i < 3000; ++i)
      if (html(text).find("<del>closed</del>") == std::string::npos) ++plain;
  };
  std::thread other(parse);
  parse();
  other.join();
  CHECK(plain.load() == 0);
  CHECK(html(text) ==
        "<p>Was <del>closed</del> now open, see <a href=\"http://www.example.org\" "
        "rel=\"noreferrer\">www.example.org</a> "
        "today.</p>\n");
}
