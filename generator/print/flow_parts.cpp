#include "print/flow_parts.hpp"

#include <cairo.h>

#include "derive/service_facts.hpp"
#include "print/paragraph.hpp"

namespace og {

FlowPage running_page(const PrintEnvironment& env, PangoContext* context, const std::string& title, const Date& date) {
  FlowPage page;
  page.gutter_line_x = 11;
  page.line_colour = env.theme.rule;
  const DocumentTheme& theme = env.theme;
  const std::string family = env.fonts->family();
  const std::string site_title = env.model.site.title;
  const std::string updated = date.empty() ? std::string() : "Last updated " + date.long_form();
  page.furniture = [&theme, context, family, site_title, title, updated, width = page.width, height = page.height,
                    left = page.left, right = page.right](PdfDocument& pdf, int n, int pages) {
    cairo_t* cr = pdf.cr();
    const TextStyle s{.size = 9, .colour = theme.secondary};
    const double inner = width - left - right;
    auto put = [&](const std::string& text, bool bold, bool on_right, double y) {
      Paragraph p(context, family, plain(text, bold), s, inner / 2);
      p.draw(cr, on_right ? width - right - p.natural_width() : left, y);
    };
    put(site_title, true, false, 30);
    put(title, false, true, 30);
    fill_rect(cr, theme.brand, left, 46, inner, 1.5);
    fill_rect(cr, theme.rule, left, height - 44, inner, 0.75);
    if (!updated.empty()) put(updated, false, false, height - 38);
    put("Page " + std::to_string(n) + " of " + std::to_string(pages), false, true, height - 38);
  };
  return page;
}

void service_details(FlowBuilder& out, const PrintEnvironment& env, const Service& s, int level) {
  out.begin_group();
  out.heading(level, {TextRun{s.name, true, false, env.resolve("/services/" + s.id + "/")}});
  if (!s.summary.empty()) out.paragraph(plain(s.summary));
  std::string facts = age_range_text(s);
  if (s.all_localities) facts += " \u00b7 All areas";
  if (!s.cost.empty()) facts += " \u00b7 " + s.cost;
  out.note(plain(facts));
  std::string routes;
  for (AccessRoute r : s.access) routes += (routes.empty() ? "" : "; ") + std::string(access_route_name(r));
  if (!routes.empty()) out.paragraph({TextRun{"How to get it: ", true, false, {}}, TextRun{routes, false, false, {}}});
  out.markdown(s.how_to_access, level + 1);
  auto line = [&](const char* label, const std::string& value, const std::string& link) {
    if (value.empty()) return;
    out.paragraph({TextRun{std::string(label) + ": ", true, false, {}}, TextRun{value, false, false, link}});
    out.blocks().back().space_after = 2;
  };
  std::string tel;
  for (char c : s.contact.phone)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') tel += c;
  line("Phone", s.contact.phone, tel.empty() ? std::string() : "tel:" + tel);
  line("Email", s.contact.email, "mailto:" + s.contact.email);
  line("Website", s.contact.website, s.contact.website);
  line("Address", s.contact.address, {});
  line("Opening times", s.opening_times, {});
  if (s.contact.empty())
    out.paragraph(plain("We do not have contact details for this service yet. Ask your health visitor, school or GP."));
  out.blocks().back().space_after = out.sizes().body;
  out.end_group();
}

PdfMetadata document_metadata(const PrintEnvironment& env, std::string title, std::string subject, const Date& date) {
  return PdfMetadata{.title = std::move(title),
                     .author = env.model.site.partnership,
                     .subject = std::move(subject),
                     .language = env.model.site.language,
                     .date = date};
}

PrintedDocument finish_document(PdfDocument& pdf, int pages, const std::string& what, Diagnostics& diagnostics) {
  std::string error;
  PrintedDocument doc;
  doc.bytes = pdf.finish(error);
  doc.pages = pages;
  if (!error.empty()) diagnostics.error({what, 0, 0}, error);
  return doc;
}

}  // namespace og
