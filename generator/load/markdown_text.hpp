// The words of Markdown without its markup: what the search index, the Open
// Referral export and summaries read. The model keeps it
// (Markdown::plain), worked out once when a file is read.
#pragma once

#include <string>
#include <string_view>

namespace og {

// Registers cmark-gfm's extensions once for the whole program (its registry
// is global and not safe to fill from two threads); every parser calls it first.
void ensure_markdown_extensions();

// The text of Markdown without markup: blocks, table cells and line breaks
// become single spaces.
std::string markdown_plain_text(std::string_view markdown);

}  // namespace og
