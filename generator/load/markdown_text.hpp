// The words of Markdown without its markup: what the search index, the Open
// Referral export and summaries read. A build takes it from the same parse
// that renders a service's page (render/markdown.cpp), so each description
// is parsed once.
#pragma once

#include <algorithm>

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace og {

// Registers cmark-gfm's extensions once for the whole program (its registry
// is global and not safe to fill from two threads); every parser calls it first.
void ensure_markdown_extensions();

// cmark-gfm's objects, freed when they go out of scope.
struct CmarkDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
  void operator()(cmark_node* n) const { cmark_node_free(n); }
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using CmarkParser = std::unique_ptr<cmark_parser, CmarkDeleter>;
using CmarkNode = std::unique_ptr<cmark_node, CmarkDeleter>;
using CmarkIter = std::unique_ptr<cmark_iter, CmarkDeleter>;

// A cmark-gfm parser with the extensions offergen's Markdown has (tables,
// autolinks, strikethrough, tagfilter), to parse `markdown`.
CmarkParser new_markdown_parser(int options, std::string_view markdown);
// Whether the autolink extension could find a link in `markdown` (when it
// cannot, new_markdown_parser() leaves it out).
bool may_autolink(std::string_view markdown);
// `markdown` parsed by new_markdown_parser(options, markdown); the parser
// stays with the tree, whose rendering needs its extensions. The inlines are
// parsed one thread at a time: cmark-gfm 0.29 keeps the inline parser's
// special characters in one table for the whole process, and each parser
// adds its extensions' characters ('~', 'w', ':') when it parses the inlines
// and takes them out when it is done, so a parser finishing on one thread
// took them from a parser half-way through a paragraph on another, and
// "~~struck~~" or a bare "www." address came out as plain text on a few pages
// in each build (github/cmark-gfm pull request 176 is still open).
struct ParsedMarkdown {
  CmarkParser parser;
  CmarkNode doc;
};
ParsedMarkdown parse_markdown(std::string_view markdown, int options);

// How plain text keeps the shape of the Markdown: as one line (blocks,
// table cells and line breaks become single spaces: what search reads), or
// with its paragraphs (a blank line between blocks, "- " before each list
// item, " | " between table cells, a line per table row: what an export
// that shows the text reads).
enum class PlainLayout { one_line, paragraphs };

// The text of Markdown without markup.
std::string markdown_plain_text(std::string_view markdown, PlainLayout layout = PlainLayout::one_line);

// The same from a walk of a parsed document that is under way: give it every
// event of cmark_iter_next() (enter and exit) before the tree is changed.
class PlainTextCollector {
 public:
  explicit PlainTextCollector(std::size_t reserve = 0, PlainLayout layout = PlainLayout::one_line)
      : paragraphs_(layout == PlainLayout::paragraphs) {
    out_.reserve(reserve);
  }
  void add(cmark_event_type event, cmark_node* node);
  std::string take() &&;

 private:
  void space() {
    if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
  }
  // A line break (1) or a blank line (2) before the next text.
  void line_break(int lines) { pending_lines_ = std::max(pending_lines_, lines); }
  void block_end(cmark_event_type event, cmark_node* node);
  void text(const char* literal);
  std::string out_;
  bool paragraphs_;
  int pending_lines_ = 0;
  const char* pending_prefix_ = "";  // "- " before a list item's text
};

}  // namespace og
