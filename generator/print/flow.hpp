// Flowing documents (pathway guides, locality directories): blocks of text
// laid out down A4 pages with pango, broken into pages, and drawn with their
// structure tags, a running header and footer, and "Page n of m".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "print/paginate.hpp"
#include "print/paragraph.hpp"
#include "print/pdf_document.hpp"
#include "print/text.hpp"

typedef struct _PangoContext PangoContext;

namespace og {

struct FlowBlock {
  std::vector<std::string> open;              // structure containers opened before it ("L", "LI"), outermost first
  std::string label;                          // a bullet or number drawn in the indent, tagged Lbl
  std::vector<std::string> open_after_label;  // containers opened after the label ("LBody"), closed by `close`
  std::string tag;                            // its own tag around the text: "P", "H2"; "" for none
  RichText text;
  TextStyle style;
  double indent = 0;  // from the content's left edge
  double space_before = 0, space_after = 0;
  bool keep_with_next = false;
  int group = -1;    // blocks kept on one page together
  int close = 0;     // containers closed after it
  std::string mark;  // a step's number, "and" or "or", drawn in a circle in the gutter
  int step = -1;     // the step the block belongs to: a line joins a step's blocks
};

struct FlowPage {
  double width = 595.276, height = 841.89;  // A4 portrait, in points
  double left = 56, right = 56, top = 72, bottom = 64;
  double gutter_line_x = 0;  // where the line joining steps runs (from the content's left)
  double mark_diameter = 22;
  Rgb line_colour{0.69, 0.71, 0.71};
  // Draws the page's header and footer: page from 1, of `pages`.
  std::function<void(PdfDocument&, int page, int pages)> furniture;
};

// Blocks stacked in one column with no page breaks: a box of the plan on a page.
class Stack {
 public:
  Stack(PangoContext* context, const std::string& family, std::vector<FlowBlock> blocks, double width);
  double height() const { return height_; }
  // Draws with the top-left corner at (x, y), with the blocks' structure tags.
  void draw(PdfDocument& pdf, double x, double y) const;

 private:
  PangoContext* context_;
  std::string family_;
  std::vector<FlowBlock> blocks_;
  std::vector<Paragraph> paragraphs_;
  std::vector<double> tops_;
  double height_ = 0;
};

// Lays out and draws `blocks`; returns the number of pages.
int draw_flow(PdfDocument& pdf, PangoContext* context, const std::string& family, const std::vector<FlowBlock>& blocks,
              const FlowPage& page);

}  // namespace og
