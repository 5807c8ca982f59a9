#include "render/css_blocks.hpp"

#include <vector>

#include "core/text.hpp"

namespace og {

void check_css_blocks(std::string_view css, const std::string& path, Diagnostics& diagnostics) {
  std::vector<Location> open;  // the '{'s not closed yet, innermost last
  int line = 1;
  std::size_t line_start = 0;
  const auto here = [&](std::size_t i) {
    return Location{path, line, utf8_length(css.substr(line_start, i - line_start)) + 1};
  };
  const auto newline = [&](std::size_t i) {
    ++line;
    line_start = i + 1;
  };
  for (std::size_t i = 0; i < css.size(); ++i) {
    const char c = css[i];
    if (c == '\n') {
      newline(i);
    } else if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      for (i += 2; i < css.size() && !(css[i] == '*' && i + 1 < css.size() && css[i + 1] == '/'); ++i)
        if (css[i] == '\n') newline(i);
      ++i;  // onto the '/' of "*/"
    } else if (c == '"' || c == '\'') {
      for (++i; i < css.size() && css[i] != c && css[i] != '\n'; ++i)
        if (css[i] == '\\' && i + 1 < css.size() && css[i + 1] != '\n') ++i;
      if (i < css.size() && css[i] == '\n') newline(i);  // an unclosed string ends at the line's end
    } else if (c == '\\' && i + 1 < css.size() && css[i + 1] != '\n') {
      ++i;  // an escaped character, such as '\{' in a selector
    } else if (c == '{') {
      open.push_back(here(i));
    } else if (c == '}') {
      if (open.empty())
        diagnostics.error(here(i), "this '}' closes no block", "remove it, or add the '{' it belongs to");
      else
        open.pop_back();
    }
  }
  for (const Location& where : open)
    diagnostics.error(where, "this '{' is never closed, so every rule after it is inside its block",
                      "add the missing '}' where the block ends");
}

}  // namespace og
