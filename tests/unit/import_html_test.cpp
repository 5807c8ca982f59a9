// offergen import oruk: a feed's HTML as Markdown, through the allow-list.
// One row per case, the exact Markdown expected.
#include <catch2/catch.hpp>

#include "import/html_to_markdown.hpp"

using namespace og;

TEST_CASE("HTML becomes Markdown through the allow-list", "[import][html]") {
  struct Row {
    const char* html;
    const char* markdown;
  };
  const Row rows[] = {
      {"<p>One.</p>\n\n<p>Two.</p>", "One.\n\nTwo."},
      {"<p>Line one<br>Line two<br/><br>New paragraph</p>", "Line one\\\nLine two\n\nNew paragraph"},
      {"<p>Hi <b> there </b>and <i>you</i>, <strong><em>both</em></strong>.</p>",
       "Hi **there** and *you*, ***both***."},
      {"<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li><li></li><li>Three</li></ul>",
       "- One\n- Two\n  - Two a\n- Three"},
      {"<ol><li>First</li><li><p>Second</p><p>More</p></li></ol><p>After</p>",
       "1. First\n2. Second\n\n   More\n\nAfter"},
      {"<ul><li>A</li></ul><ol><li>B</li></ol>", "- A\n\n1. B"},
      // A list that starts further on keeps its numbers; one Markdown cannot
      // write starts at 1.
      {"<ol start=\" 3\"><li>C</li><li>D</li></ol>", "3. C\n4. D"},
      {"<ol start=\"0\"><li>Z</li></ol>", "0. Z"},
      {"<ol start=\"-2\"><li>A</li></ol><p>x</p><ol start=\"1e3\"><li>B</li></ol>", "1. A\n\nx\n\n1. B"},
      // Headings start at ## and never skip a level, whatever the feed used.
      {"<h1>About</h1><p>x</p><h1>Help</h1>", "## About\n\nx\n\n## Help"},
      {"<h3>A</h3><h5>B</h5><h4>C</h4><h6>D</h6><h2>E</h2><h1>F</h1>",
       "## A\n\n### B\n\n### C\n\n#### D\n\n## E\n\n## F"},
      {"<h1>H1</h1><h2>H2</h2><h3>H3</h3><h4>H4</h4><h5>H5</h5><h6>H6</h6>",
       "## H1\n\n### H2\n\n#### H3\n\n##### H4\n\n###### H5\n\n###### H6"},
      {"<h2><img src=x></h2><h3>Real</h3>", "## Real"},
      {"<ul><li><h2>In a list</h2></li></ul>", "- **In a list**"},
      // Links: http(s) with a host, mailto: with an address, tel: with a number.
      {"<a href=\"https://example.org/a b(c)\">web</a> <a href=\"mailto:a@b.org?subject=Hi\">mail</a> "
       "<a href=\"tel:0117 123 4567\">call</a>",
       "[web](https://example.org/a%20b%28c%29) [mail](mailto:a@b.org?subject=Hi) [call](tel:0117%20123%204567)"},
      {"<a href=\"javascript:alert(1)\">js</a> <a href=\"JaVa&#x09;script:alert(1)\">js2</a> "
       "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a> <a href=\"/relative\">rel</a> "
       "<a href=\"vbscript:x\">vb</a> <a href=\"http://\">nohost</a> <a href=\"https://x.org\"><img src=y></a>",
       "js js2 data rel vb nohost"},
      // Dropped with their content; their text kept where it is text.
      {"<p onclick=\"steal()\" style=\"color:red\" data-mce-style=\"x\" class=\"MsoNormal\">Kept"
       "<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)></p>"
       "<noscript>ns</noscript><iframe src=\"https://evil\"></iframe><svg><script>x()</script></svg>"
       "<form action=\"/x\"><label>Name</label><input value=v><select><option>o</option></select>"
       "<button>Go</button></form><span style=\"font-weight:bold\">plain span</span>",
       "Kept\n\nName\n\nplain span"},
      // Entities decoded, then escaped so that nothing becomes markup again.
      {"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;copy; &copy; &#8211; a*b_c [x](javascript:y) `c` # h | t ~s~ "
       "![i](j) \\ &lt;https://x.org&gt;</p>",
       "\\<script\\>alert(1)\\</script\\> \\&copy; © – a\\*b\\_c \\[x\\](javascript:y) \\`c\\` \\# h \\| t \\~s\\~ "
       "\\!\\[i\\](j) \\\\ \\<https://x.org\\>"},
      {"<p>- not a list</p><p>+ nor</p><p>2. nor this</p><p>3) nor</p><p>===</p><p># nor a heading</p>",
       "\\- not a list\n\n\\+ nor\n\n2\\. nor this\n\n3\\) nor\n\n\\===\n\n\\# nor a heading"},
      // Zero-width spaces, control characters, private-use bullets, no-break spaces.
      {"<p>a&#8203;b&#xFEFF;c&#x7;d&#160;e&#x200D;f</p><p>&#xF0B7; Bullet&#xE000;</p><p>\xC2\x85x\xC2\xADy</p>",
       "abcd ef\n\nBullet\n\nxy"},
      // Tables: two columns or more as a Markdown table, one as a list, a
      // table in a table as text.
      {"<table><tr><th>Day</th><th>Open</th></tr><tr><td>Monday</td><td>9am | 5pm</td></tr>"
       "<tr><td>Tuesday</td></tr></table>",
       "| Day | Open |\n| --- | --- |\n| Monday | 9am \\| 5pm |\n| Tuesday |  |"},
      {"<table><tbody><tr><td>Only</td></tr><tr><td></td></tr><tr><td>Column</td></tr></tbody></table>",
       "- Only\n- Column"},
      {"<table><tr><td>1<table><tr><td>nested</td><td><b>bold</b></td></tr></table></td><td>2</td></tr></table>",
       "| 1 nested **bold** | 2 |\n| --- | --- |"},
      // Text without tags keeps its paragraphs and line ends.
      {"Plain &amp; simple.\nSecond line\n\n\nNew paragraph [x]",
       "Plain \\& simple.\\\nSecond line\n\nNew paragraph \\[x\\]"},
      // ... and its lines that start with a bullet are list items, as offergen's export writes them;
      // a '<' before a name that is no HTML element is text.
      {"Intro\n\n- one\n- two\ncontinued\n\n* three\n\n\u2022 four\nAfter - not - items",
       "Intro\n\n- one\n- two\\\n  continued\n\n- three\n\n- four\\\n  After - not - items"},
      {"Teen support <team> for <5s\nWho | When\n- 1. first",
       "Teen support \\<team\\> for \\<5s\\\nWho \\| When\n\n- 1\\. first"},
      {"<pre>one\ntwo</pre>", "one\\\ntwo"},
      {"", ""},
      {"<p> </p><div><br></div>", ""},
  };
  for (const auto& r : rows) {
    INFO(r.html);
    CHECK(html_to_markdown(r.html).markdown == r.markdown);
  }
}

TEST_CASE("what the HTML conversion leaves out is listed for a person", "[import][html]") {
  ConvertedText t =
      html_to_markdown("<p>x<script>a</script><script>b</script><img src=i><a href=\"javascript:x\">y</a><input></p>");
  CHECK(t.dropped == std::vector<std::string>{"form control (1)", "image (1)",
                                              "link that is not http(s), mailto or tel (1)", "script (2)"});
}

TEST_CASE("the plain text and the lead paragraph of a description", "[import][html]") {
  ConvertedText t = html_to_markdown("<h1>About us</h1><ul><li>Item</li></ul><p>First <b>para</b>.<br>Next.</p>");
  CHECK(t.plain == "About us Item First para. Next.");
  CHECK(t.lead == "First para. Next.");
  CHECK(html_to_markdown("<h1>Only a heading</h1><ul><li>An item</li></ul>").lead == "An item");
  CHECK(html_to_markdown("<h1>Only a heading</h1>").lead == "Only a heading");
  // What follows the lead, when the text starts with it: the body when the lead is the summary.
  CHECK(html_to_markdown("One sentence.\n\nThe body.\n\n- An item").after_lead == "The body.\n\n- An item");
  CHECK(html_to_markdown("<p>Only.</p>").after_lead == "");
  CHECK(html_to_markdown("<h2>Heading</h2><p>Para.</p>").after_lead == "## Heading\n\nPara.");
}

TEST_CASE("HTML nested deeper than anyone writes is read as its text", "[import][html]") {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div><span>";
  html += "deep <script>x</script>text";
  CHECK(html_to_markdown(html).markdown == "deep text");
}

TEST_CASE("allowed_link keeps http(s), mailto and tel only", "[import][html]") {
  CHECK(allowed_link(" https://example.org/?a=1&b=2 ") == "https://example.org/?a=1&b=2");
  CHECK(allowed_link("HTTP://Example.org") == "http://Example.org");
  CHECK(allowed_link("javascript:alert(1)").empty());
  CHECK(allowed_link("java\nscript:alert(1)").empty());
  CHECK(allowed_link("data:text/html,x").empty());
  CHECK(allowed_link("mailto:").empty());
  CHECK(allowed_link("tel:call-me").empty());
  CHECK(allowed_link("//evil.example/x").empty());
  CHECK(allowed_link("https://x.org/\"onmouseover=\"a") == "https://x.org/%22onmouseover=%22a");
}
