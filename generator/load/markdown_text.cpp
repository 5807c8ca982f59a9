#include "load/markdown_text.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

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

namespace {

// Whether an address written out in the text may stay a link: the web,
// email and phone, as imported links (import/html_to_markdown.hpp). The
// autolink extension also links "ftp://" and "xmpp:" addresses, which
// browsers and phones no longer open (found by fuzz/oruk_fuzz.cpp).
bool linkable(std::string_view url) {
  const std::string scheme = to_lower_ascii(url.substr(0, 8));
  return scheme.starts_with("http://") || scheme.starts_with("https://") || scheme.starts_with("mailto:") ||
         scheme.starts_with("tel:");
}

// Links cmark-gfm made of addresses written out in the text, put right.
// The autolink extension links "ref-mailto:a@b.org" whole, to
// the relative address "ref-mailto:a@b.org" (found by fuzz/oruk_fuzz.cpp):
// what comes before the scheme is made text again, and the link starts at
// the scheme. An address that is not linkable() is left as text.
void repair_autolinks(cmark_node* doc) {
  std::vector<cmark_node*> links;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_LINK) links.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* link : links) {
    const char* url = cmark_node_get_url(link);
    cmark_node* text = cmark_node_first_child(link);
    if (!url || !text || cmark_node_get_type(text) != CMARK_NODE_TEXT || cmark_node_next(text)) continue;
    const char* literal = cmark_node_get_literal(text);
    if (!literal || std::string_view(url) != literal) continue;  // not an address written out
    std::string address(url);
    const std::size_t scheme = address.find("mailto:");  // xmpp: addresses stay text below
    // Only letters, digits and ".+_-" before it, as cmark-gfm reads an
    // address's name: an https:// address with mailto: in its query is right.
    if (scheme != 0 && scheme != std::string::npos &&
        address.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+_-") >= scheme) {
      cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(before, address.substr(0, scheme).c_str());
      cmark_node_insert_before(link, before);
      address.erase(0, scheme);
    }
    if (!linkable(address)) {
      cmark_node* plain = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(plain, address.c_str());
      cmark_node_insert_before(link, plain);
      cmark_node_free(link);
      continue;
    }
    cmark_node_set_url(link, address.c_str());
    cmark_node_set_literal(text, address.c_str());
  }
}

}  // namespace

ParsedMarkdown parse_markdown(std::string_view markdown, int options) {
  static std::mutex inline_characters;
  ParsedMarkdown parsed{new_markdown_parser(options, markdown), nullptr};
  cmark_parser_feed(parsed.parser.get(), markdown.data(), markdown.size());
  {
    std::lock_guard lock(inline_characters);
    parsed.doc.reset(cmark_parser_finish(parsed.parser.get()));
  }
  if (may_autolink(markdown)) repair_autolinks(parsed.doc.get());
  return parsed;
}

void PlainTextCollector::text(const char* literal) {
  if (!literal || !*literal) return;
  if (pending_lines_ > 0) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty()) out_.append(static_cast<std::size_t>(pending_lines_), '\n');
    out_ += pending_prefix_;
    pending_lines_ = 0;
    pending_prefix_ = "";
  }
  // Runs of spaces become one, and the text starts with none: a space is
  // left out where the text so far is empty or ends with one (or, with
  // paragraphs, a line break).
  for (const char* p = literal; *p; ++p)
    if (*p != ' ' || (!out_.empty() && out_.back() != ' ' && !(paragraphs_ && out_.back() == '\n'))) out_ += *p;
}

void PlainTextCollector::add(cmark_event_type event, cmark_node* node) {
  const cmark_node_type t = cmark_node_get_type(node);
  const bool inline_markup = t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK ||
                             t == CMARK_NODE_IMAGE || t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE;
  if (event == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
    text(cmark_node_get_literal(node));
  } else if (event == CMARK_EVENT_ENTER && t == CMARK_NODE_LINEBREAK && paragraphs_) {
    line_break(1);
  } else if (event == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
    space();
  } else if (inline_markup) {
    return;
  } else if (paragraphs_) {
    block_end(event, node);
  } else if (event == CMARK_EVENT_EXIT) {
    space();  // the end of a block, a table cell or row
  }
}

void PlainTextCollector::block_end(cmark_event_type event, cmark_node* node) {
  const cmark_node_type t = cmark_node_get_type(node);
  if (event == CMARK_EVENT_ENTER) {
    if (t == CMARK_NODE_ITEM) {
      line_break(1);
      pending_prefix_ = "- ";
    }
    return;
  }
  if (event != CMARK_EVENT_EXIT) return;
  const std::string_view kind = cmark_node_get_type_string(node);
  if (kind == "table_cell") {
    if (cmark_node_next(node) && pending_lines_ == 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_ += " | ";
    }
  } else if (kind == "table_row" || kind == "table_header" || t == CMARK_NODE_ITEM) {
    line_break(1);
  } else if (t == CMARK_NODE_PARAGRAPH) {
    // A tight list's items are a line each; other paragraphs a blank line apart.
    cmark_node* parent = cmark_node_parent(node);
    const bool tight = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                       cmark_node_get_list_tight(cmark_node_parent(parent)) != 0;
    line_break(tight ? 1 : 2);
  } else {
    line_break(2);
  }
}

std::string PlainTextCollector::take() && {
  const std::string_view trimmed = trim(out_);
  if (trimmed.size() == out_.size()) return std::move(out_);
  return std::string(trimmed);
}

std::string markdown_plain_text(std::string_view markdown, PlainLayout layout) {
  const ParsedMarkdown parsed = parse_markdown(markdown, CMARK_OPT_SMART);
  const CmarkNode& doc = parsed.doc;
  PlainTextCollector plain(markdown.size(), layout);
  const CmarkIter iter(cmark_iter_new(doc.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) plain.add(ev, cmark_iter_get_node(iter.get()));
  return std::move(plain).take();
}

}  // namespace og
