// A locality's printable directory: the services available there, grouped by
// category, with how to get each: what a health visitor hands to a family.
#include "core/text.hpp"
#include "documents/locality_directory.hpp"
#include "print/flow_parts.hpp"

namespace og {

PrintedDocument print_locality_directory(const PrintEnvironment& env, PangoContext* context, const Locality& locality,
                                         const PlannedDocument& document, Diagnostics& diagnostics) {
  const Model& model = env.model;
  const Date date = document_date(model, document);
  const std::string title = "Support in " + locality.name;
  FlowBuilder out(env.theme, [&env](std::string_view link) { return env.resolve(link); });

  out.heading(1, plain(title, true));
  if (!locality.summary.empty()) {
    out.paragraph(plain(locality.summary));
    out.blocks().back().style.size = 13;
  }
  auto joined = [](const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
      s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
  };
  if (!locality.places.empty())
    out.paragraph({TextRun{"Places: ", true, false, {}}, TextRun{joined(locality.places), false, false, {}}});
  if (!locality.hubs.empty())
    out.paragraph({TextRun{"Community hubs: ", true, false, {}}, TextRun{joined(locality.hubs), false, false, {}}});
  // Only a full address helps on paper; without base_url the line is left out.
  if (env.urls.has_origin()) {
    const std::string online = env.resolve(document.page_route);
    out.note({TextRun{"This directory is also on the web, where it is kept up to date: ", false, false, {}},
              TextRun{online, false, false, online}});
  }

  const std::vector<DirectoryGroup> groups = locality_directory(model, locality);
  std::size_t count = 0;
  for (const auto& g : groups) count += g.services.size();
  out.paragraph(
      plain(count_phrase(count, "service", "services") + (count == 1 ? " works" : " work") + " in this area."));
  for (const auto& g : groups) {
    out.open("Sect");
    out.heading(2, plain(g.category->name, true));
    if (!g.category->description.empty()) {
      out.note(plain(g.category->description));
      out.blocks().back().keep_with_next = true;  // with the first service
    }
    for (const Service* s : g.services) service_details(out, env, *s, 3);
    out.close();
  }

  PdfDocument pdf(595.276, 841.89, document_metadata(env, title, locality.summary, date));
  const FlowPage page = running_page(env, context, title, date);
  const int pages = draw_flow(pdf, context, env.fonts->family(), out.blocks(), page);
  return finish_document(pdf, pages, document.file, diagnostics);
}

}  // namespace og
