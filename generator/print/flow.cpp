#include "print/flow.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace og {

namespace {

constexpr double kLabelGap = 6;

struct StepSpan {
  double top = 1e9, bottom = -1e9;
  bool has_mark = false;
  double mark_top = 0;
};

void draw_mark(cairo_t* cr, PangoContext* context, const std::string& family, const FlowBlock& b, const FlowPage& page,
               double x, double first_line_top, double first_line_height) {
  const double d = page.mark_diameter;
  const double cx = x + d / 2, cy = first_line_top + first_line_height / 2;
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy, d / 2 - 0.75, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, 1.5);
  cairo_set_source_rgb(cr, b.style.colour.r, b.style.colour.g, b.style.colour.b);
  cairo_stroke(cr);
  TextStyle s = b.style;
  s.size = b.mark.size() > 2 ? d * 0.36 : d * 0.5;
  s.bold = true;
  Paragraph text(context, family, plain(b.mark, true), s, d * 2);
  const double w = text.natural_width();
  text.draw(cr, cx - w / 2, cy - text.height() / 2);
  // An invisible space after it, so that the heading reads "1 Talk to someone",
  // not "1Talk to someone", when it is copied or read aloud.
  Paragraph space(context, family, plain(" "), s, d);
  space.draw(cr, cx + w / 2, cy - text.height() / 2);
}

// Opens a block's structure and draws its label, before its first line is drawn.
void begin_block_text(PdfDocument& pdf, PangoContext* context, const std::string& family, const FlowBlock& b,
                      const Paragraph& p, double x, double y) {
  if (!b.label.empty()) {
    pdf.begin("Lbl");
    Paragraph label(context, family, plain(b.label), b.style, std::max(b.indent, 1.0));
    label.draw(pdf.cr(), x - kLabelGap - label.natural_width(), y + p.first_baseline() - label.first_baseline());
    pdf.end();
  }
  for (const auto& tag : b.open_after_label) pdf.begin(tag);
  if (!b.tag.empty()) pdf.begin(b.tag);
}

// Closes what begin_block_text and the block's `close` ask for.
void end_block(PdfDocument& pdf, const FlowBlock& b, bool drew_text) {
  if (!drew_text) {
    for (const auto& tag : b.open_after_label) pdf.begin(tag);  // closed by `close` below
  } else if (!b.tag.empty()) {
    pdf.end();
  }
  // open_after_label containers stay open until `close` ends them, so that
  // a list item's later paragraphs and nested lists can sit inside its LBody.
  for (int k = 0; k < b.close; ++k) pdf.end();
}

}  // namespace

Stack::Stack(PangoContext* context, const std::string& family, std::vector<FlowBlock> blocks, double width)
    : context_(context), family_(family), blocks_(std::move(blocks)) {
  paragraphs_.reserve(blocks_.size());
  double y = 0;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const FlowBlock& b = blocks_[i];
    paragraphs_.emplace_back(context, family, b.text, b.style, width - b.indent);
    if (paragraphs_.back().line_count() == 0) {
      tops_.push_back(y);
      continue;
    }
    if (y > 0) y += b.space_before;
    tops_.push_back(y);
    y += paragraphs_.back().height() + b.space_after;
    height_ = y - b.space_after;
  }
}

void Stack::draw(PdfDocument& pdf, double x, double y) const {
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const FlowBlock& b = blocks_[i];
    const Paragraph& p = paragraphs_[i];
    for (const auto& tag : b.open) pdf.begin(tag);
    const bool text = p.line_count() > 0;
    if (text) {
      begin_block_text(pdf, context_, family_, b, p, x + b.indent, y + tops_[i]);
      p.draw(pdf.cr(), x + b.indent, y + tops_[i]);
    }
    end_block(pdf, b, text);
  }
}

namespace {

// Pass 1 of draw_flow: every block laid out, and the pages decided.
Pagination lay_out_pages(PangoContext* context, const std::string& family, const std::vector<FlowBlock>& blocks,
                         const FlowPage& page, std::vector<Paragraph>& paragraphs) {
  std::vector<MeasuredBlock> measured;
  paragraphs.reserve(blocks.size());
  measured.reserve(blocks.size());
  for (const auto& b : blocks) {
    paragraphs.emplace_back(context, family, b.text, b.style, page.width - page.left - page.right - b.indent);
    const Paragraph& p = paragraphs.back();
    MeasuredBlock m;
    for (int i = 0; i < p.line_count(); ++i) m.lines.push_back(p.line_height(i));
    m.space_before = b.space_before;
    m.space_after = b.space_after;
    m.keep_with_next = b.keep_with_next;
    m.group = b.group;
    m.splittable = b.mark.empty() && b.label.empty();
    measured.push_back(std::move(m));
  }
  return paginate(measured, page.height - page.top - page.bottom);
}

// The lines joining steps, page by page, known before drawing.
struct StepLines {
  std::map<std::pair<int, int>, StepSpan> spans;  // (page, step)
  int last_step = -1;

  StepLines(const std::vector<FlowBlock>& blocks, const std::vector<Paragraph>& paragraphs,
            const Pagination& pagination, const FlowPage& page) {
    for (const auto& pl : pagination.placements) {
      const FlowBlock& b = blocks[pl.block];
      if (b.step < 0) continue;
      last_step = std::max(last_step, b.step);
      StepSpan& s = spans[{pl.page, b.step}];
      s.top = std::min(s.top, pl.y);
      s.bottom = std::max(s.bottom, pl.y + paragraphs[pl.block].height(pl.first_line, pl.last_line));
      if (!b.mark.empty() && pl.first_line == 0) {
        s.has_mark = true;
        s.mark_top = pl.y + paragraphs[pl.block].line_height(0) / 2 - page.mark_diameter / 2;
      }
    }
  }

  void draw(cairo_t* cr, int p, const FlowPage& page) const {
    const double x = page.left + page.gutter_line_x;
    for (const auto& [key, s] : spans) {
      if (key.first != p) continue;
      const int step = key.second;
      double from = s.has_mark ? s.mark_top + page.mark_diameter : 0;
      double to = s.bottom;
      auto next = spans.find({p, step + 1});
      if (next != spans.end() && next->second.has_mark)
        to = next->second.mark_top;
      else if (step < last_step)
        to = page.height - page.top - page.bottom;
      if (to > from) fill_rect(cr, page.line_colour, x - 1, page.top + from, 2, to - from);
    }
  }
};

}  // namespace

int draw_flow(PdfDocument& pdf, PangoContext* context, const std::string& family, const std::vector<FlowBlock>& blocks,
              const FlowPage& page) {
  std::vector<Paragraph> paragraphs;
  const Pagination pagination = lay_out_pages(context, family, blocks, page, paragraphs);
  const int pages = pagination.pages;
  const StepLines lines(blocks, paragraphs, pagination, page);
  auto furniture = [&](int p) {
    if (page.furniture) page.furniture(pdf, p + 1, pages);
    lines.draw(pdf.cr(), p, page);
  };

  // Pass 2: draw, now that "Page n of m" is known.
  furniture(0);
  int current = 0;
  auto go_to = [&](int target) {
    while (current < target) {
      ++current;
      pdf.next_page([&] { furniture(current); });
    }
  };
  std::size_t next = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const FlowBlock& b = blocks[i];
    const Paragraph& p = paragraphs[i];
    if (next < pagination.placements.size() && pagination.placements[next].block == i)
      go_to(pagination.placements[next].page);
    for (const auto& tag : b.open) pdf.begin(tag);
    bool first = true;
    while (next < pagination.placements.size() && pagination.placements[next].block == i) {
      const Placement& pl = pagination.placements[next++];
      go_to(pl.page);
      const double x = page.left + b.indent;
      const double y = page.top + pl.y;
      if (first) {
        begin_block_text(pdf, context, family, b, p, x, y);
        if (!b.mark.empty()) draw_mark(pdf.cr(), context, family, b, page, page.left, y, p.line_height(0));
        first = false;
      }
      p.draw(pdf.cr(), x, y, pl.first_line, pl.last_line);
    }
    end_block(pdf, b, !first);
  }
  return pages;
}

}  // namespace og
