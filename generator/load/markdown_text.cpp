#include "load/markdown_text.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>
#include <mutex>

#include "core/text.hpp"

namespace og {

void ensure_markdown_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

bool may_autolink(std::string_view markdown) {
  // The autolink extension links "www." and "scheme://" where it meets them
  // in the text, and addresses around an '@' in text the parse has made,
  // where an entity such as "&#64;" may have become one.
  return markdown.find('@') != std::string_view::npos || markdown.find("www.") != std::string_view::npos ||
         markdown.find("://") != std::string_view::npos || markdown.find("&#") != std::string_view::npos ||
         markdown.find("&commat;") != std::string_view::npos;
}

CmarkParser new_markdown_parser(int options, std::string_view markdown) {
  ensure_markdown_extensions();
  CmarkParser parser(cmark_parser_new(options));
  // The autolink extension is asked about every 'w' and ':' of the text, and
  // splits the text there: 3% of a build. Without anything it could link,
  // it is left out, and the result is the same.
  const bool autolink = may_autolink(markdown);
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
    if (!autolink && std::strcmp(name, "autolink") == 0) continue;
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  return parser;
}

ParsedMarkdown parse_markdown(std::string_view markdown, int options) {
  static std::mutex inline_characters;
  ParsedMarkdown parsed{new_markdown_parser(options, markdown), nullptr};
  cmark_parser_feed(parsed.parser.get(), markdown.data(), markdown.size());
  std::lock_guard lock(inline_characters);
  parsed.doc.reset(cmark_parser_finish(parsed.parser.get()));
  return parsed;
}

void PlainTextCollector::text(const char* literal) {
  if (!literal) return;
  // Runs of spaces become one, and the text starts with none: a space is
  // left out where the text so far is empty or ends with one.
  for (const char* p = literal; *p; ++p)
    if (*p != ' ' || (!out_.empty() && out_.back() != ' ')) out_ += *p;
}

void PlainTextCollector::add(cmark_event_type event, cmark_node* node) {
  const cmark_node_type t = cmark_node_get_type(node);
  const bool inline_markup = t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK ||
                             t == CMARK_NODE_IMAGE || t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE;
  if (event == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
    text(cmark_node_get_literal(node));
  } else if (event == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
    space();
  } else if (event == CMARK_EVENT_EXIT && !inline_markup) {
    space();  // the end of a block, a table cell or row
  }
}

std::string PlainTextCollector::take() && {
  const std::string_view trimmed = trim(out_);
  if (trimmed.size() == out_.size()) return std::move(out_);
  return std::string(trimmed);
}

std::string markdown_plain_text(std::string_view markdown) {
  const ParsedMarkdown parsed = parse_markdown(markdown, CMARK_OPT_SMART);
  const CmarkNode& doc = parsed.doc;
  PlainTextCollector plain(markdown.size());
  const CmarkIter iter(cmark_iter_new(doc.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) plain.add(ev, cmark_iter_get_node(iter.get()));
  return std::move(plain).take();
}

}  // namespace og
