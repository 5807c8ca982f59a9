// The plan on a page: the strategy on one landscape page, always. Text
// shrinks until everything fits, down to 9 pt; below that the build fails
// with a diagnostic naming the box and by how much the page is too small.
#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "documents/plan_content.hpp"
#include "print/flow_parts.hpp"
#include "print/plan_layout.hpp"
#include "print/shrink.hpp"

namespace og {

namespace {

constexpr double kA4Long = 841.89, kA4Short = 595.276;

double mm(double points) {
  return points * 25.4 / 72.0;
}

// One layout of the whole page at one body text size.
struct PlanLayout {
  struct Box {
    std::unique_ptr<Paragraph> title;
    std::unique_ptr<Stack> body;
    double x = 0, width = 0, height = 0;  // the height it needs
  };
  std::unique_ptr<Paragraph> title, subtitle, partnership, statement_label, statement, footer, updated;
  std::vector<Box> boxes;
  std::vector<std::vector<std::size_t>> rows;  // box indexes
  std::vector<double> row_heights;
  double header_height = 0, statement_height = 0, footer_height = 0, used = 0;
};

class PlanPrinter {
 public:
  PlanPrinter(const PrintEnvironment& env, PangoContext* context, const PlanContent& content,
              const PlannedDocument& document)
      : env_(env),
        context_(context),
        content_(content),
        document_(document),
        family_(env.fonts->family()),
        theme_(env.theme) {
    const bool a3 = content.plan->a3;
    width_ = a3 ? kA4Long * std::sqrt(2.0) : kA4Long;
    height_ = a3 ? kA4Short * std::sqrt(2.0) : kA4Short;
    k_ = width_ / kA4Long;  // A3 is the A4 design, larger
  }

  // How much taller than the page the layout is at `body` points (<= 0: it fits).
  double overflow(double body) {
    layout_ = lay_out(body);
    last_size_ = body;
    return layout_.used - (height_ - 2 * margin());
  }

  PrintedDocument print(Diagnostics& diagnostics);

  PlanLayout layout_;

 private:
  double margin() const { return 24 * k_; }
  double gap() const { return 10 * k_; }
  TextStyle style(double size, bool bold, const Rgb& colour) const {
    return TextStyle{.size = size, .bold = bold, .colour = colour, .link_colour = colour};
  }
  std::unique_ptr<Paragraph> text(const RichText& t, const TextStyle& s, double width) const {
    return std::make_unique<Paragraph>(context_, family_, t, s, width);
  }
  PlanLayout lay_out(double body);
  std::vector<FlowBlock> box_blocks(const PlanBoxContent& box, double body) const;
  void draw(PdfDocument& pdf, const PlanLayout& l, double body) const;

  const PrintEnvironment& env_;
  PangoContext* context_;
  const PlanContent& content_;
  const PlannedDocument& document_;
  std::string family_;
  const DocumentTheme& theme_;
  double width_ = 0, height_ = 0, k_ = 1;
  double last_size_ = 0;
};

std::vector<FlowBlock> PlanPrinter::box_blocks(const PlanBoxContent& box, double body) const {
  FlowSizes sizes;
  sizes.body = body;
  sizes.h3 = body * 1.05;
  sizes.h4 = body;
  sizes.small = std::max(9.0, body * 0.85);
  FlowBuilder out(
      theme_, [this](std::string_view link) { return env_.resolve(link); }, sizes);
  for (const auto& section : box.sections) {
    if (!section.heading.empty()) {
      out.heading(3, plain(section.heading, true));
      FlowBlock& h = out.blocks().back();
      h.style.colour = theme_.brand;
      h.space_before = out.blocks().size() == 1 ? 0 : body * 0.7;
      h.space_after = body * 0.25;
    }
    if (!section.points.empty()) {
      std::vector<RichText> items;
      for (const auto& p : section.points) items.push_back(plain(p));
      out.bullets(items);
    } else if (!section.text.empty()) {
      out.paragraph(plain(section.text));
    } else if (section.body) {
      out.markdown(*section.body, section.heading.empty() ? 3 : 4);
    }
  }
  // Even line spacing inside a box (no gaps between items): pdftotext then
  // reads each box as one column instead of across the boxes of a row.
  for (auto& b : out.blocks()) {
    if (b.tag.size() == 2 && b.tag[0] == 'H') continue;
    b.space_after = 0;
    b.style.leading = 1.08;
  }
  return std::move(out.blocks());
}

PlanLayout PlanPrinter::lay_out(double body) {
  PlanLayout l;
  const double m = margin(), inner = width_ - 2 * m, pad = 14 * k_;
  // The header band: title and subtitle on the left, the partnership on the right.
  l.partnership = text(plain(env_.model.site.partnership, true), style(10 * k_, true, theme_.white), inner * 0.3);
  const double title_width = inner - 2 * pad - l.partnership->natural_width() - pad;
  l.title = text(plain(content_.title, true), style(22 * k_, true, theme_.white), title_width);
  double band = pad + l.title->height() + pad;
  if (!content_.subtitle.empty()) {
    l.subtitle = text(plain(content_.subtitle), style(11 * k_, false, theme_.white), title_width);
    band += 2 * k_ + l.subtitle->height();
  }
  l.header_height = band + 4 * k_;  // and the accent stripe under it
  if (content_.statement) {
    const double w = inner - 2 * pad - 6 * k_;
    l.statement_label =
        text(plain(content_.statement->title, true), style(std::max(9.0, body * 0.95), true, theme_.brand), w);
    l.statement = text(plain(content_.statement->summary), style(body * 1.45, false, theme_.text), w);
    l.statement_height = 10 * k_ + l.statement_label->height() + 2 * k_ + l.statement->height() + 10 * k_;
  }
  // The footer is set at the smallest readable size (on A4) whatever the body text is.
  const std::string route = env_.resolve("/strategy/");
  l.footer = text({TextRun{env_.model.site.partnership + ". The whole strategy: ", false, false, {}},
                   TextRun{route, false, false, route}},
                  style(9 * k_, false, theme_.secondary), inner * 0.7);
  const Date date = document_date(env_.model, document_);
  if (!date.empty())
    l.updated = text(plain("Updated " + date.long_form()), style(9 * k_, false, theme_.secondary), inner * 0.3);
  l.footer_height = l.footer->height();

  // The grid: `columns` boxes a row; a shorter last row shares the full width.
  const int columns = content_.plan->columns;
  const std::size_t n = content_.boxes.size();
  for (std::size_t i = 0; i < n; i += static_cast<std::size_t>(columns)) {
    std::vector<std::size_t> row;
    for (std::size_t j = i; j < std::min(n, i + static_cast<std::size_t>(columns)); ++j) row.push_back(j);
    l.rows.push_back(row);
  }
  l.boxes.resize(n);
  const double box_pad = std::max(6.0 * k_, body * 0.7);
  for (const auto& row : l.rows) {
    const double w = (inner - gap() * static_cast<double>(row.size() - 1)) / static_cast<double>(row.size());
    double x = m, tallest = 0;
    for (std::size_t index : row) {
      PlanLayout::Box& box = l.boxes[index];
      const PlanBoxContent& c = content_.boxes[index];
      box.x = x;
      box.width = w;
      box.title = text({TextRun{c.title, true, false, env_.resolve(c.route)}}, style(body * 1.2, true, theme_.white),
                       w - 2 * box_pad);
      box.body = std::make_unique<Stack>(context_, family_, box_blocks(c, body), w - 2 * box_pad);
      box.height = box_pad * 0.6 + box.title->height() + box_pad * 0.6 + box_pad + box.body->height() + box_pad;
      tallest = std::max(tallest, box.height);
      x += w + gap();
    }
    l.row_heights.push_back(tallest);
  }
  l.used =
      l.header_height + gap() + (content_.statement ? l.statement_height + gap() : 0) + gap() * 0.5 + l.footer_height;
  for (double h : l.row_heights) l.used += h;
  l.used += gap() * static_cast<double>(l.rows.size() > 0 ? l.rows.size() - 1 : 0) + gap();
  return l;
}

void PlanPrinter::draw(PdfDocument& pdf, const PlanLayout& l, double body) const {
  cairo_t* cr = pdf.cr();
  auto tagged = [&](const char* tag, const Paragraph& p, double x, double y) {
    pdf.begin(tag);
    p.draw(cr, x, y);
    pdf.end();
  };
  const double m = margin(), inner = width_ - 2 * m, pad = 14 * k_;
  double y = m;

  // Header band and accent stripe.
  const double band = l.header_height - 4 * k_;
  fill_rect(cr, theme_.brand, m, y, inner, band);
  fill_rect(cr, theme_.accent, m, y + band, inner, 4 * k_);
  tagged("H1", *l.title, m + pad, y + pad);
  if (l.subtitle) tagged("P", *l.subtitle, m + pad, y + pad + l.title->height() + 2 * k_);
  tagged("P", *l.partnership, m + inner - pad - l.partnership->natural_width(), y + pad);
  y += l.header_height + gap();

  // The statement (the vision) across the page.
  if (content_.statement) {
    fill_rect(cr, theme_.tint, m, y, inner, l.statement_height);
    fill_rect(cr, theme_.brand, m, y, 6 * k_, l.statement_height);
    const double x = m + 6 * k_ + pad;
    pdf.begin("Sect");
    tagged("H2", *l.statement_label, x, y + 10 * k_);
    tagged("P", *l.statement, x, y + 10 * k_ + l.statement_label->height() + 2 * k_);
    pdf.end();
    y += l.statement_height + gap();
  }

  // The boxes; rows share what is left of the page, so the grid fills it.
  const double footer_top = height_ - m - l.footer_height;
  const double grid_height = footer_top - gap() * 0.5 - y;
  double needed = gap() * static_cast<double>(l.rows.size() - 1);
  for (double h : l.row_heights) needed += h;
  const double extra = std::max(0.0, grid_height - needed) / static_cast<double>(l.rows.size());
  const double box_pad = std::max(6.0 * k_, body * 0.7);
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    const double row_height = l.row_heights[r] + extra;
    for (std::size_t index : l.rows[r]) {
      const PlanLayout::Box& box = l.boxes[index];
      const double head = box_pad * 0.6 + box.title->height() + box_pad * 0.6;
      fill_rect(cr, theme_.tint, box.x, y, box.width, row_height);
      fill_rect(cr, theme_.brand, box.x, y, box.width, head);
      pdf.begin("Sect");
      tagged("H2", *box.title, box.x + box_pad, y + box_pad * 0.6);
      box.body->draw(pdf, box.x + box_pad, y + head + box_pad);
      pdf.end();
    }
    y += row_height + gap();
  }

  tagged("P", *l.footer, m, footer_top);
  if (l.updated) tagged("P", *l.updated, m + inner - l.updated->natural_width(), footer_top);
}

PrintedDocument PlanPrinter::print(Diagnostics& diagnostics) {
  const PlannedDocument& document = document_;
  const FitResult fit =
      fit_text_size([this](double body) { return overflow(body); }, kSmallestPlanText, kLargestPlanText * k_);
  if (!fit.fits) {
    layout_ = lay_out(kSmallestPlanText);
    std::size_t tallest = 0;
    for (std::size_t i = 0; i < layout_.boxes.size(); ++i)
      if (layout_.boxes[i].height > layout_.boxes[tallest].height) tallest = i;
    const PlanBoxContent& box = content_.boxes[tallest];
    diagnostics.error(box.box->where,
                      plan_overflow_message(box.title, mm(fit.overflow), mm(layout_.boxes[tallest].height)),
                      "shorten this box's text, move a part to another box, or add 'paper: a3'");
    return {};
  }
  if (fit.size != last_size_) layout_ = lay_out(fit.size);
  const Date date = document_date(env_.model, document);
  PdfDocument pdf(width_, height_, document_metadata(env_, content_.title, content_.subtitle, date));
  draw(pdf, layout_, fit.size);
  return finish_document(pdf, 1, document.file, diagnostics);
}

}  // namespace

std::string plan_overflow_message(const std::string& box_title, double overflow_mm, double box_mm) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "the plan on a page does not fit on one page even with %g pt text: it is %.1f mm too tall; "
                "its tallest box, '%s', needs %.1f mm",
                kSmallestPlanText, overflow_mm, box_title.c_str(), box_mm);
  return buf;
}

PrintedDocument print_plan_on_a_page(const PrintEnvironment& env, PangoContext* context,
                                     const PlannedDocument& document, Diagnostics& diagnostics) {
  const PlanContent content = plan_content(env.model);
  if (!content.plan || content.boxes.empty()) return {};
  PlanPrinter printer(env, context, content, document);
  return printer.print(diagnostics);
}

}  // namespace og
