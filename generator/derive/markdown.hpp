// Markdown to HTML with cmark-gfm, with the checks that keep pages accessible:
// headings never skip a level, images have alt text, internal links resolve,
// and raw HTML is shown as text unless the site allows it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "load/markdown_text.hpp"
#include "model/common.hpp"

namespace og {

struct MarkdownOptions {
  bool allow_raw_html = false;
  // The HTML level of a '##' heading. Pages put Markdown under their <h1>, so
  // '##' is <h2>; a service puts its description under an <h2>, so '##' is <h3>.
  int heading_base = 2;
  // Prefixes root-relative links ("/services/x/") with the site's base path.
  std::string base_path = "/";
  // Says whether a root-relative path (without base path or #fragment) is a page
  // of the site. Unset: links are not checked.
  std::function<bool(std::string_view)> page_exists;
  // The page whose path is closest to a path that is no page, or "" (for a
  // did-you-mean on a dead link). Unset: no suggestion.
  std::function<std::string(std::string_view)> closest_page;
};

// Renders `markdown`; problems are added to `diagnostics` at their place in the file.
// With `plain`, also sets it to the text without markup, laid out as
// `layout` says (markdown_plain_text(), from the same parse).
std::string render_markdown(const Markdown& markdown, const MarkdownOptions& options, Diagnostics& diagnostics,
                            std::string* plain = nullptr, PlainLayout layout = PlainLayout::one_line);

// The text without markup (markdown_plain_text()).
std::string plain_text_of(const Markdown& md, PlainLayout layout = PlainLayout::one_line);

}  // namespace og
