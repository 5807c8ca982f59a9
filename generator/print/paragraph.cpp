#include "print/paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

namespace og {

std::string link_attributes(const std::string& uri) {
  std::string out = "uri='";
  for (char c : uri) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Paragraph::Paragraph(PangoContext* context, const std::string& family, const RichText& text, const TextStyle& style,
                     double width)
    : layout_(pango_layout_new(context)), style_(style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family.c_str());
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout_.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
  if (style.leading != 1.0) pango_layout_set_line_spacing(layout_.get(), static_cast<float>(style.leading));

  PangoAttrList* attrs = pango_attr_list_new();
  for (const auto& run : text) {
    if (run.text.empty()) continue;
    Range r{text_.size(), text_.size() + run.text.size(), run.link};
    text_ += run.text;
    has_links_ = has_links_ || !run.link.empty();
    auto add = [&](PangoAttribute* a) {
      a->start_index = static_cast<guint>(r.start);
      a->end_index = static_cast<guint>(r.end);
      pango_attr_list_insert(attrs, a);
    };
    if (run.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    if (run.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC));
    // A link is its own pango run, so that it can be drawn inside its own tag.
    if (!run.link.empty()) add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
    ranges_.push_back(std::move(r));
  }
  pango_layout_set_text(layout_.get(), text_.c_str(), static_cast<int>(text_.size()));
  pango_layout_set_attributes(layout_.get(), attrs);
  pango_attr_list_unref(attrs);

  PangoLayoutIter* it = pango_layout_get_iter(layout_.get());
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    const int baseline = pango_layout_iter_get_baseline(it);
    lines_.push_back({y0 / double(PANGO_SCALE), y1 / double(PANGO_SCALE), baseline / double(PANGO_SCALE)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  if (text_.empty()) lines_.clear();
}

void Paragraph::Unref::operator()(PangoLayout* layout) const {
  g_object_unref(layout);
}

double Paragraph::height(int first, int last) const {
  if (first >= last) return 0;
  return lines_[static_cast<std::size_t>(last - 1)].bottom - lines_[static_cast<std::size_t>(first)].top;
}

double Paragraph::natural_width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return logical.width / double(PANGO_SCALE);
}

const Paragraph::Range& Paragraph::range_at(std::size_t byte) const {
  for (const auto& r : ranges_)
    if (byte >= r.start && byte < r.end) return r;
  return ranges_.back();
}

void Paragraph::draw(cairo_t* cr, double x, double y, int first, int last) const {
  if (lines_.empty() || first >= last) return;
  const double offset = y - lines_[static_cast<std::size_t>(first)].top;
  for (int i = first; i < last; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), i);
    const double baseline = offset + lines_[static_cast<std::size_t>(i)].baseline;
    double pen = x;
    for (GSList* node = line->runs; node; node = node->next) {
      auto* run = static_cast<PangoGlyphItem*>(node->data);
      const double width = pango_glyph_string_get_width(run->glyphs) / double(PANGO_SCALE);
      const Range& range = range_at(static_cast<std::size_t>(run->item->offset));
      const bool link = !range.link.empty();
      if (link)
        cairo_tag_begin(cr, CAIRO_TAG_LINK, link_attributes(range.link).c_str());
      else if (has_links_)
        cairo_tag_begin(cr, "Span", "");
      const Rgb& c = link ? style_.link_colour : style_.colour;
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_move_to(cr, pen, baseline);
      pango_cairo_show_glyph_item(cr, text_.c_str(), run);
      if (link) {
        // pango leaves underlines to whoever draws glyph by glyph.
        const double thickness = std::max(0.5, style_.size * 0.06);
        cairo_rectangle(cr, pen, baseline + style_.size * 0.14, width, thickness);
        cairo_fill(cr);
      }
      if (link)
        cairo_tag_end(cr, CAIRO_TAG_LINK);
      else if (has_links_)
        cairo_tag_end(cr, "Span");
      pen += width;
    }
  }
}

void fill_rect(cairo_t* cr, const Rgb& colour, double x, double y, double width, double height) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
}

}  // namespace og
