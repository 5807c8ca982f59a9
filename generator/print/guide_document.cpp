// A pathway's printable guide: A4 portrait, the steps as GOV.UK's
// step-by-step pattern draws them, the services each step links to with how
// to reach them, and the glossary terms the guide uses.
#include <map>

#include "documents/pathway_guide.hpp"
#include "print/flow_parts.hpp"

namespace og {

PrintedDocument print_pathway_guide(const PrintEnvironment& env, PangoContext* context, const Pathway& pathway,
                                    const PlannedDocument& document, Diagnostics& diagnostics) {
  const Model& model = env.model;
  const Date date = document_date(model, document);
  FlowBuilder out(env.theme, [&env](std::string_view link) { return env.resolve(link); });
  const double gutter = 34;

  out.heading(1, plain(pathway.title, true));
  if (!pathway.summary.empty()) {
    out.paragraph(plain(pathway.summary));
    out.blocks().back().style.size = 13;
  }
  std::string meta = audience_label(pathway.audience);
  if (!date.empty()) meta += " \u00b7 Last updated " + date.long_form();
  out.note(plain(meta));
  // Only a full address helps on paper; without base_url the line is left out.
  if (env.urls.has_origin()) {
    const std::string online = env.resolve(document.page_route);
    out.note({TextRun{"This guide is also on the web, where it is kept up to date: ", false, false, {}},
              TextRun{online, false, false, online}});
  }
  out.markdown(pathway.introduction, 2);

  const std::vector<GuideStep> steps = guide_steps(model, pathway);
  std::map<const Service*, std::string> first_step;
  out.space(6);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const GuideStep& g = steps[i];
    out.set_step(static_cast<int>(i));
    out.set_indent(gutter);
    out.open("Sect");
    out.heading(2, plain(g.step->title, true), g.logic.empty() ? std::to_string(g.number) : g.logic);
    out.blocks().back().space_before = i == 0 ? 4 : 14;
    out.markdown(g.step->text, 3);
    for (const Service* s : g.services) {
      // A service's details are printed once, at the first step that links to it.
      auto [it, first] = first_step.emplace(
          s, g.logic.empty() ? "step " + std::to_string(g.number) : "the step \u201c" + g.step->title + "\u201d");
      if (first) {
        service_details(out, env, *s, 3);
      } else {
        out.paragraph({TextRun{s->name, true, false, env.resolve("/services/" + s->id + "/")},
                       TextRun{": how to reach it is under " + it->second + ".", false, false, {}}});
      }
    }
    out.close();
  }
  out.set_step(-1);
  out.set_indent(0);

  const std::vector<const Term*> terms = terms_used(model, pathway);
  if (!terms.empty()) {
    out.heading(2, plain("Words used in this guide", true));
    for (const Term* t : terms) {
      RichText text{TextRun{t->term, true, false, {}}};
      if (!t->stands_for.empty()) text.push_back({" (" + t->stands_for + ")", false, false, {}});
      text.push_back({": " + t->definition, false, false, {}});
      out.paragraph(std::move(text));
    }
  }

  PdfDocument pdf(595.276, 841.89, document_metadata(env, pathway.title, pathway.summary, date));
  const FlowPage page = running_page(env, context, pathway.title, date);
  const int pages = draw_flow(pdf, context, env.fonts->family(), out.blocks(), page);
  return finish_document(pdf, pages, document.file, diagnostics);
}

}  // namespace og
