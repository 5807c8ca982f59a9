#include "load/markdown_text.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <memory>
#include <mutex>

#include "core/text.hpp"

namespace og {

void ensure_markdown_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

CmarkParser new_markdown_parser(int options) {
  ensure_markdown_extensions();
  CmarkParser parser(cmark_parser_new(options));
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  return parser;
}

std::string markdown_plain_text(std::string_view markdown) {
  const CmarkParser parser = new_markdown_parser(CMARK_OPT_SMART);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  const CmarkNode doc(cmark_parser_finish(parser.get()));
  // One space between words, however the blocks ended.
  std::string out;
  out.reserve(markdown.size());
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  auto text = [&](const char* lit) {
    if (!lit) return;
    for (; *lit; ++lit) {
      if (*lit == ' ') space();
      else out += *lit;
    }
  };
  const CmarkIter iter(cmark_iter_new(doc.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter.get());
    const cmark_node_type t = cmark_node_get_type(n);
    const bool inline_markup = t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK ||
                               t == CMARK_NODE_IMAGE || t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE;
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
      text(cmark_node_get_literal(n));
    } else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
      space();
    } else if (ev == CMARK_EVENT_EXIT && !inline_markup) {
      space();  // the end of a block, a table cell or row
    }
  }
  return std::string(trim(out));
}

}  // namespace og
