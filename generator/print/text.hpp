// Text as the layout engine sees it: runs of one style (bold, italic, a link)
// and the style of a whole block of them.
#pragma once

#include <string>
#include <vector>

#include "core/colour.hpp"

namespace og {

struct TextRun {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;  // an absolute or root-relative address; empty for plain text
};

using RichText = std::vector<TextRun>;

inline RichText plain(std::string text, bool bold = false) {
  return {TextRun{std::move(text), bold, false, {}}};
}

struct TextStyle {
  double size = 10;  // points
  bool bold = false;
  Rgb colour{0.043, 0.047, 0.047};
  Rgb link_colour{0.114, 0.31, 0.569};
  double leading = 1.0;  // pango line spacing factor; 1 = the font's own line height
};

}  // namespace og
