// A feed's HTML description as Markdown for offergen, through an allow-list:
// paragraphs, line breaks, lists, bold, italic, links to http(s):, mailto:
// and tel:, headings (from '##', no level skipped) and tables. Everything
// else is dropped, its text kept where it is text; every character of text is
// escaped so that it renders as itself, never as HTML or a link.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace og {

struct ConvertedText {
  std::string markdown;              // no trailing newline; "" when no text was left
  std::string plain;                 // the text alone, on one line
  std::string lead;                  // the first paragraph as plain text, else the first list item, table or heading
  std::string after_lead;            // the Markdown after `lead` when the text starts with it, else all of it
  std::vector<std::string> dropped;  // what was left out, for a person: "script (1)", "image (2)"
};

// Parses `html` with gumbo as the content of a <div>. Text without any HTML
// tag ("<team>" is none) is taken as plain text: its blank lines start
// paragraphs, its lines that start "- " (or "* ", "• ") are list items, its
// other line ends are line breaks: the layout of offergen's own export.
ConvertedText html_to_markdown(std::string_view html);

// gumbo's time grows with the square of how deeply elements nest (each new
// element looks through the open ones), so a field is converted only when it
// has at most this many tags: a long description has a few hundred.
constexpr std::size_t kMaxTags = 2000;
// The number of tags in `html` ('<' before a letter), counting up to `limit + 1`.
std::size_t count_tags(std::string_view html, std::size_t limit = kMaxTags);

// An address a link may keep: http(s) with a host, mailto: with an address,
// tel: with a number; percent-encoded where Markdown or a browser would read
// it otherwise. "" when the link must go.
std::string allowed_link(std::string_view href);

}  // namespace og
