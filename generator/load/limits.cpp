#include "load/limits.hpp"

#include <algorithm>

namespace og {

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

namespace {

// Whether a Markdown line's text after its markers is a thematic break such
// as "- - -" or "* * *", not lists inside one another.
bool thematic_break(std::string_view line) {
  std::size_t marks = 0;
  for (const char c : line) {
    if (c == '-' || c == '*' || c == '_')
      ++marks;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return marks >= 3;
}

// The length of a list marker ("-", "*", "+", "1.", "12)") followed by a
// space, a tab or the line's end at `i`, or 0.
std::size_t list_marker(std::string_view line, std::size_t i) {
  std::size_t end = i;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    end = i + 1;
  } else {
    while (end < line.size() && end - i < 9 && line[end] >= '0' && line[end] <= '9') ++end;
    if (end == i || end >= line.size() || (line[end] != '.' && line[end] != ')')) return 0;
    ++end;
  }
  return end == line.size() || line[end] == ' ' || line[end] == '\t' ? end - i : 0;
}

// Where on `line` the nesting of block quotes and lists first passes
// `limit`. A marker and the one space after it open a level; a level opened
// on a line above continues with two columns of indentation or more.
std::optional<std::size_t> too_deep(std::string_view line, std::size_t limit) {
  if (thematic_break(line)) return std::nullopt;
  std::size_t levels = 0, columns = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t marker = 0;
    if (line[i] == ' ' || line[i] == '\t') {
      columns += line[i] == '\t' ? 4 : 1;
      ++i;
      continue;
    }
    if (line[i] == '>')
      marker = 1;
    else if ((marker = list_marker(line, i)) == 0)
      break;
    if (++levels + columns / 2 > limit) return i;
    i += marker;
    if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<LimitProblem> check_line_lengths(std::string_view text) {
  std::size_t start = 0, characters = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (characters > kMaxLineCharacters)
        return LimitProblem{"the line is " + with_commas(characters) + " characters long, more than the " +
                                with_commas(kMaxLineCharacters) + " a line may have",
                            start, "break it into lines or paragraphs"};
      start = i + 1;
      characters = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++characters;
    }
  }
  return std::nullopt;
}

std::optional<LimitProblem> check_markdown_depth(std::string_view text) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (auto at = too_deep(text.substr(start, end - start), kMaxMarkdownDepth))
      return LimitProblem{
          "block quotes and lists are nested more than " + std::to_string(kMaxMarkdownDepth) + " levels deep",
          start + *at, "a text needs only a few levels; check the '>' and list markers"};
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace og
