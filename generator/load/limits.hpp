// How much of a hand-written file offergen reads: a file, a line, a nest or a
// list past these is refused with a message naming the limit, before yaml-cpp
// or cmark-gfm spend time or memory on it. Each is many times what real
// content needs (docs/content.md, "Limits"); the checks cost one pass over
// the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace og {

// The largest glossary of the example content is 20 kB; 1 MB is thousands of terms.
constexpr std::size_t kMaxFileBytes = 1u << 20;
// Its longest line is 313 characters; a whole long description may be one line.
constexpr std::size_t kMaxLineCharacters = 20'000;
// Lists and mappings inside one another (block or flow style); yaml-cpp's
// own limit (2,000) comes with the message "bad file".
constexpr std::size_t kMaxYamlDepth = 64;
// Items in one list, or entries in one mapping: a glossary of thousands of terms.
constexpr std::size_t kMaxYamlItems = 10'000;
// Block quotes and list items inside one another in a Markdown text.
constexpr std::size_t kMaxMarkdownDepth = 32;

struct LimitProblem {
  std::string message;
  std::size_t pos = 0;  // byte offset into the text
  std::string hint;
};

// 1048576 as "1,048,576".
std::string with_commas(std::size_t n);

// The first line of `text` longer than kMaxLineCharacters, reported at its start.
std::optional<LimitProblem> check_line_lengths(std::string_view text);

// Block quotes and lists in Markdown `text` nested more than
// kMaxMarkdownDepth deep, reported where the level past the limit opens.
// The count errs high (each two columns of indentation count as a level
// of list), never low.
std::optional<LimitProblem> check_markdown_depth(std::string_view text);

}  // namespace og
