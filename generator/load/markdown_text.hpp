// The words of Markdown without its markup: what the search index, the Open
// Referral export and summaries read. A build works it out once per
// description (pipeline/search_and_export.cpp).
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>

namespace og {

// Registers cmark-gfm's extensions once for the whole program (its registry
// is global and not safe to fill from two threads); every parser calls it first.
void ensure_markdown_extensions();

// A cmark-gfm parser with the extensions offergen's Markdown has (tables,
// autolinks, strikethrough, tagfilter); the caller frees it.
cmark_parser* new_markdown_parser(int options);

// The text of Markdown without markup: blocks, table cells and line breaks
// become single spaces.
std::string markdown_plain_text(std::string_view markdown);

}  // namespace og
