#include "derive/markdown.hpp"

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include "core/text.hpp"

namespace og {

namespace {

struct Walker {
  const Markdown& source;
  const MarkdownOptions& options;
  Diagnostics& diagnostics;
  int last_level = 1;  // the page's own heading sits above the Markdown

  Location at(cmark_node* node) const {
    const int line = cmark_node_get_start_line(node);
    const int column = cmark_node_get_start_column(node);
    Location where = source.origin;
    if (line <= 0) return where;
    where.line = source.origin.line + line - 1;
    where.column = line == 1 ? source.origin.column + column - 1 : column + source.column_shift;
    return where;
  }

  static std::string text_of(cmark_node* node) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(iter);
      if (ev != CMARK_EVENT_ENTER) continue;
      const cmark_node_type t = cmark_node_get_type(n);
      if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
      }
    }
    cmark_iter_free(iter);
    return out;
  }

  void heading(cmark_node* node) {
    const int written = cmark_node_get_heading_level(node);
    if (written == 1) {
      diagnostics.error(at(node), "a '#' heading would be a second main heading on the page",
                        "start headings in Markdown at '##'");
      return;
    }
    const int level = written - 2 + options.heading_base;
    if (level > last_level + 1) {
      const auto hashes = [](int n) { return std::string(static_cast<std::size_t>(n), '#'); };
      const int allowed = last_level + 3 - options.heading_base;
      const std::string problem =
          last_level < options.heading_base
              ? "'" + hashes(written) + "' as the first heading"
              : "'" + hashes(written) + "' after '" + hashes(last_level + 2 - options.heading_base) + "'";
      diagnostics.error(at(node), "the heading skips a level: " + problem, "use '" + hashes(allowed) + "' here");
    }
    cmark_node_set_heading_level(node, std::min(level, 6));
    last_level = level;
  }

  void link(cmark_node* node, bool image) {
    const char* raw = cmark_node_get_url(node);
    std::string url = raw ? raw : "";
    if (image && trim(text_of(node)).empty()) {
      diagnostics.error(at(node), "the image has no alt text",
                        "describe the image between the brackets: ![what it shows](...)");
    }
    if (url.empty() || url[0] != '/' || (url.size() > 1 && url[1] == '/')) return;
    std::string path = url.substr(0, url.find_first_of("?#"));
    if (options.page_exists && !options.page_exists(path)) {
      std::string hint;
      if (path.back() != '/' && options.page_exists(path + "/"))
        hint = "did you mean '" + path + "/'?";
      else if (options.closest_page)
        if (std::string closest = options.closest_page(path); !closest.empty())
          hint = "did you mean '" + closest + "'?";
      diagnostics.error(at(node),
                        image ? "the image '" + url + "' is not part of the site"
                              : "the link '" + url + "' goes to no page of the site",
                        hint);
    }
    std::string rewritten = options.base_path;
    rewritten.pop_back();  // base_path ends in '/', url starts with '/'
    rewritten += url;
    cmark_node_set_url(node, rewritten.c_str());
  }

  // Raw HTML the site does not allow becomes text, so the reader sees exactly
  // what was written and nothing is injected. Comments are authors' notes: dropped.
  // Called after the walk, because it changes the tree.
  void raw_html(cmark_node* node) {
    const char* lit = cmark_node_get_literal(node);
    std::string html = lit ? lit : "";
    if (trim(html).rfind("<!--", 0) != 0) {
      diagnostics.warning(at(node), "raw HTML is turned off, so it is shown as text",
                          "write it in Markdown, or set 'allow_raw_html: true' in site.yaml");
      while (!html.empty() && html.back() == '\n') html.pop_back();
      cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(text, html.c_str());
      if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
        cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
        cmark_node_append_child(para, text);
        text = para;
      }
      cmark_node_insert_before(node, text);
    }
    cmark_node_unlink(node);
    cmark_node_free(node);
  }
};

// The text of the last heading that starts in html[from, to), without its
// tags (cmark has escaped it already, so it can go in an attribute); "" if none.
std::string last_heading(const std::string& html, std::size_t from, std::size_t to) {
  for (std::size_t at = html.rfind("<h", to); at != std::string::npos && at >= from && at + 3 < html.size();
       at = at == 0 ? std::string::npos : html.rfind("<h", at - 1)) {
    const char level = html[at + 2];
    if (level < '1' || level > '6' || (html[at + 3] != '>' && html[at + 3] != ' ')) continue;
    const std::size_t start = html.find('>', at), end = html.find("</h", at);
    if (start == std::string::npos || end == std::string::npos || end > to) return {};
    std::string text;
    bool in_tag = false;
    for (std::size_t k = start + 1; k < end; ++k) {
      if (html[k] == '<')
        in_tag = true;
      else if (html[k] == '>')
        in_tag = false;
      else if (!in_tag)
        text += html[k];
    }
    return std::string(trim(text));
  }
  return {};
}

std::string wrap_tables(std::string html) {
  // Wide tables scroll inside their own region instead of the page at 320 px.
  // Each region is named for the heading it sits under ("Table" without one),
  // numbered when that name is taken, so that no two regions share a name.
  static const std::string open = "<table>", close = "</table>";
  static const std::string close_wrapped = "</table></div>";
  std::vector<std::string> names;
  std::string out;
  out.reserve(html.size() + 128);
  std::size_t pos = 0;
  for (;;) {
    const std::size_t a = html.find(open, pos), b = html.find(close, pos);
    const std::size_t next = std::min(a, b);
    if (next == std::string::npos) break;
    out.append(html, pos, next - pos);
    if (next == a) {
      std::string heading = last_heading(html, 0, a);
      std::string name = heading.empty() ? "Table" : heading;
      const auto taken = std::count(names.begin(), names.end(), name);
      names.push_back(name);
      if (taken > 0) name += " (table " + std::to_string(taken + 1) + ")";
      out += "<div class=\"table-scroll\" role=\"region\" aria-label=\"" + name + "\" tabindex=\"0\"><table>";
      pos = a + open.size();
    } else {
      out += close_wrapped;
      pos = b + close.size();
    }
  }
  out.append(html, pos, std::string::npos);
  return out;
}

// Links to other sites get rel="noreferrer", so that the site they go to is
// not told which page (a page about harm, perhaps) the reader came from.
// cmark writes every link as <a href="...">; a tag that already has a rel
// (raw HTML, where allowed) is left as its author wrote it.
std::string mark_outbound_links(std::string html) {
  static const std::string open = "<a href=\"";
  for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const std::size_t url = at + open.size();
    const std::size_t quote = html.find('"', url), end = html.find('>', url);
    if (quote == std::string::npos || end == std::string::npos || quote > end) continue;
    const std::string scheme = to_lower_ascii(std::string_view(html).substr(url, 8));
    const bool outbound = scheme.starts_with("http://") || scheme.starts_with("https://") || scheme.starts_with("//");
    if (!outbound || std::string_view(html).substr(quote, end - quote).find(" rel=") != std::string_view::npos)
      continue;
    html.insert(quote + 1, " rel=\"noreferrer\"");
  }
  return html;
}

}  // namespace

std::string render_markdown(const Markdown& markdown, const MarkdownOptions& options, Diagnostics& diagnostics,
                            std::string* plain, PlainLayout layout) {
  if (trim(markdown.text).empty()) {
    if (plain) plain->clear();
    return {};
  }
  const int flags = CMARK_OPT_SMART | (options.allow_raw_html ? CMARK_OPT_UNSAFE : 0);
  const ParsedMarkdown parsed = parse_markdown(markdown.text, flags);
  const CmarkNode& doc = parsed.doc;

  Walker walker{markdown, options, diagnostics, options.heading_base - 1};
  std::vector<cmark_node*> raw;
  // The plain text is read on the same walk, before raw HTML becomes text.
  std::optional<PlainTextCollector> collector;
  if (plain) collector.emplace(markdown.text.size(), layout);
  cmark_iter* iter = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (collector) collector->add(ev, node);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        walker.heading(node);
        break;
      case CMARK_NODE_LINK:
        walker.link(node, false);
        break;
      case CMARK_NODE_IMAGE:
        walker.link(node, true);
        break;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (!options.allow_raw_html) raw.push_back(node);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  if (plain) *plain = std::move(*collector).take();
  for (cmark_node* n : raw) walker.raw_html(n);

  char* html = cmark_render_html(doc.get(), flags, cmark_parser_get_syntax_extensions(parsed.parser.get()));
  std::string out = html ? html : "";
  free(html);
  return wrap_tables(mark_outbound_links(std::move(out)));
}

std::string plain_text_of(const Markdown& md, PlainLayout layout) {
  return md.text.empty() ? std::string() : markdown_plain_text(md.text, layout);
}

}  // namespace og
