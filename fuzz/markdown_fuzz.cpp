// Markdown rendering (derive/markdown.hpp, cmark-gfm with offergen's
// checks). The input's first byte chooses the options (raw HTML allowed or
// not, the heading level of '##', whether links are checked), the rest is the
// Markdown. Checks: without raw HTML the page has only the elements cmark-gfm
// writes for Markdown (no <script>, <iframe>, <style>), only the attributes
// it writes (no event handlers), no link to a javascript: or data: address,
// and the plain text has no '<' when the Markdown had neither '<' nor '&'.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "derive/markdown.hpp"

namespace {

using namespace og;

[[noreturn]] void fail(const char* what, const std::string& html) {
  std::fprintf(stderr, "%s in:\n%s\n", what, html.c_str());
  std::abort();
}

// The elements cmark-gfm writes for Markdown with offergen's extensions, and
// the region offergen puts around a table.
const std::set<std::string, std::less<>>& markdown_elements() {
  static const std::set<std::string, std::less<>> names = {
      "a",   "blockquote", "br", "code", "del", "div",    "em",    "h1",    "h2", "h3", "h4",    "h5", "h6", "hr",
      "img", "li",         "ol", "p",    "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"};
  return names;
}

bool allowed_attribute(std::string_view name) {
  for (const char* a :
       {"href", "src", "alt", "title", "class", "role", "aria-label", "tabindex", "align", "start", "rel"})
    if (name == a) return true;
  return false;
}

// The attributes of a tag (lower-case, from after its name to its '>'): each
// name="value" with an allowed name, and no script in an address.
void check_attributes(std::string_view tag, const std::string& html) {
  std::size_t i = 0;
  while (i < tag.size()) {
    if (tag[i] == ' ' || tag[i] == '/' || tag[i] == '\n') {
      ++i;
      continue;
    }
    const std::size_t eq = tag.find('=', i);
    if (eq == std::string_view::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') fail("an unquoted attribute", html);
    const std::string_view name = tag.substr(i, eq - i);
    if (!allowed_attribute(name)) fail("an attribute Markdown does not make", html);
    const std::size_t close = tag.find('"', eq + 2);
    if (close == std::string_view::npos) fail("an attribute not closed", html);
    const std::string_view value = tag.substr(eq + 2, close - eq - 2);
    if ((name == "href" || name == "src") &&
        (value.starts_with("javascript:") || value.starts_with("data:") || value.starts_with("vbscript:")))
      fail("a script address", html);
    i = close + 1;
  }
}

// Text and attribute values are escaped, so every '<' starts an element and
// the next '>' ends its tag.
void check_safe(const std::string& html) {
  const std::string lower = to_lower_ascii(html);
  for (std::size_t at = lower.find('<'); at != std::string::npos; at = lower.find('<', at + 1)) {
    std::size_t end = at + 1;
    if (end < lower.size() && lower[end] == '/') ++end;
    const std::size_t name_start = end;
    while (end < lower.size() && ((lower[end] >= 'a' && lower[end] <= 'z') || (lower[end] >= '0' && lower[end] <= '9')))
      ++end;
    const std::string_view name = std::string_view(lower).substr(name_start, end - name_start);
    if (!markdown_elements().count(name)) fail("an element Markdown does not make", html);
    const std::size_t close = lower.find('>', end);
    if (close == std::string::npos) fail("a tag not closed", html);
    check_attributes(std::string_view(lower).substr(end, close - end), html);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const unsigned flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Markdown reaches the renderer from a file the loader checked: valid UTF-8.
  if (find_invalid_utf8(text)) return -1;

  Markdown md{std::string(text), {"content/services/x.md", 7, 1}, static_cast<int>((flags >> 4) & 3)};
  MarkdownOptions options;
  options.allow_raw_html = flags & 1;
  options.heading_base = 1 + ((flags >> 1) & 3) % 3;
  options.base_path = flags & 8 ? "/base/" : "/";
  if (flags & 64) {
    options.page_exists = [](std::string_view p) { return p == "/" || p.starts_with("/services/"); };
    options.closest_page = [](std::string_view p) { return p.size() > 3 ? std::string("/services/") : std::string(); };
  }
  Diagnostics diagnostics;
  std::string plain;
  const auto layout = flags & 128 ? PlainLayout::paragraphs : PlainLayout::one_line;
  const std::string html = render_markdown(md, options, diagnostics, &plain, layout);
  if (!options.allow_raw_html) check_safe(html);
  const bool no_lt = text.find_first_of("<&") == std::string_view::npos;
  if (no_lt && plain.find('<') != std::string::npos) fail("'<' in plain text", plain);
  return 0;
}
