// One block of text laid out by pango at a width: wrapped into lines, which
// can be measured, split between pages, and drawn into a tagged PDF.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "print/text.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _cairo cairo_t;

namespace og {

class Paragraph {
 public:
  // `width` in points; the font is `family` at `style.size` points.
  Paragraph(PangoContext* context, const std::string& family, const RichText& text, const TextStyle& style,
            double width);

  int line_count() const { return static_cast<int>(lines_.size()); }
  double height() const { return lines_.empty() ? 0 : lines_.back().bottom; }
  // The height of lines [first, last).
  double height(int first, int last) const;
  double line_height(int line) const { return lines_[line].bottom - lines_[line].top; }
  double first_baseline() const { return lines_.empty() ? 0 : lines_.front().baseline; }
  // The widest line, in points.
  double natural_width() const;
  bool has_links() const { return has_links_; }

  // Draws lines [first, last) with the top of line `first` at (x, y). Links
  // get a Link structure tag each; the other text of a paragraph that holds a
  // link goes in Span tags, or cairo 1.16 would leave it out of the structure.
  void draw(cairo_t* cr, double x, double y, int first, int last) const;
  void draw(cairo_t* cr, double x, double y) const { draw(cr, x, y, 0, line_count()); }

 private:
  struct Line {
    double top = 0, bottom = 0, baseline = 0;
  };
  struct Range {
    std::size_t start = 0, end = 0;  // bytes
    std::string link;
  };
  const Range& range_at(std::size_t byte) const;

  struct Unref {
    void operator()(PangoLayout* layout) const;
  };
  std::unique_ptr<PangoLayout, Unref> layout_;
  std::string text_;
  std::vector<Range> ranges_;
  std::vector<Line> lines_;
  TextStyle style_;
  bool has_links_ = false;
};

// Fills a rectangle in `colour`; outside a structure tag it becomes an artifact.
void fill_rect(cairo_t* cr, const Rgb& colour, double x, double y, double width, double height);

// cairo's attribute syntax for a link: uri='...' with ' and \ escaped.
std::string link_attributes(const std::string& uri);

}  // namespace og
