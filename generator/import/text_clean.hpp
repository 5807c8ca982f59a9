// Text from a feed made safe to write into content: the characters that have
// no place in it removed, and what Markdown would read as markup escaped.
#pragma once

#include <string>
#include <string_view>

namespace og {

// Zero-width characters, control characters (C0 and C1), private-use
// characters (the stray bullets of word processors' symbol fonts) and
// non-characters and U+FFFD (a character lost before the feed was written):
// removed from imported text.
bool is_dropped_code_point(char32_t c);
// Spaces, tabs, line ends, no-break and other Unicode spaces: all written as
// one ordinary space.
bool is_space_code_point(char32_t c);

// Decodes the UTF-8 code point at text[at] and moves `at` past it; an invalid
// byte is read as U+FFFD, one byte long.
char32_t next_code_point(std::string_view text, std::size_t& at);

// One line of plain text: dropped characters removed, every run of spaces
// (line ends included) one space, trimmed. For names, phone numbers and the like.
std::string clean_line(std::string_view text);

// Appends `text` (already cleaned) with a backslash before every ASCII
// character that Markdown could read as markup (emphasis, links, HTML,
// entities, code, tables, headings), so that it renders as the same text.
void append_markdown_escaped(std::string& out, std::string_view text);

// Escapes what would start a block at the beginning of a line: "- ", "+ ",
// "1. ", "1) ", "=" (the list and heading markers not escaped everywhere).
std::string escape_line_start(std::string_view line);

}  // namespace og
