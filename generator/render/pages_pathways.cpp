#include "core/text.hpp"
#include "documents/pathway_guide.hpp"
#include "render/page_data.hpp"

namespace og {

PageData pathways_index_page(const RenderEnvironment& env, Diagnostics&) {
  PageData p;
  p.template_name = "pathways";
  p.title = "Step by step";
  p.description = "What happens at each step when you ask for support, and how services work together.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  mustache::data list{mustache::data::type::list};
  for (const auto& pw : env.model.pathways) {
    mustache::data item = link_item(pw.title, env.link(Urls::pathway(pw.id)));
    put(item, "summary", pw.summary);
    item.set("audience", audience_label(pw.audience));
    item.set("steps", std::to_string(pw.steps.size()));
    list.push_back(item);
  }
  p.data.set("pathways", list);
  return p;
}

PageData pathway_page(const RenderEnvironment& env, const Pathway& pw, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "pathway";
  p.title = pw.title;
  p.description = pw.summary;
  p.sensitive = pw.sensitive;
  p.breadcrumbs = {{"Home", Urls::home()}, {"Step by step", Urls::pathways()}};
  put(p.data, "summary", pw.summary);
  p.data.set("audience", audience_label(pw.audience));
  put(p.data, "introduction", env.markdown(pw.introduction, 2, diagnostics));
  mustache::data steps{mustache::data::type::list};
  // The numbering, the services and the terms are decided once, for this
  // page and the printable guide alike.
  for (const GuideStep& g : guide_steps(env.model, pw)) {
    const PathwayStep& step = *g.step;
    mustache::data s;
    s.set("number", std::to_string(g.number));
    s.set("id", "step-" + std::to_string(&step - pw.steps.data() + 1));
    put(s, "logic", g.logic);
    s.set("title", step.title);
    if (const Level* level = step.level ? env.model.level(step.level) : nullptr) {
      mustache::data l;
      l.set("number", std::to_string(level->number));
      l.set("name", level->name);
      put(l, "description", level->description);
      s.set("level", l);
    } else {
      s.set("level", false);
    }
    put(s, "text", env.markdown(step.text, 3, diagnostics));
    mustache::data services{mustache::data::type::list};
    for (const Service* svc : g.services) {
      mustache::data link = link_item(svc->name, env.link(Urls::service(svc->id)));
      put(link, "summary", svc->summary);
      services.push_back(link);
    }
    s.set("has_services", !g.services.empty());
    // A step with nothing more than its title has nothing to show or hide.
    s.set("has_panel", !g.services.empty() || !trim(step.text.text).empty() || step.level != 0);
    s.set("services", services);
    steps.push_back(s);
  }
  p.data.set("steps", steps);
  mustache::data terms{mustache::data::type::list};
  const std::vector<const Term*> used = terms_used(env.model, pw);
  for (const Term* t : used) {
    mustache::data term;
    term.set("term", t->term);
    put(term, "stands_for", t->stands_for);
    term.set("definition", t->definition);
    term.set("url", env.link(Urls::term(t->id)));
    terms.push_back(term);
  }
  p.data.set("has_terms", !used.empty());
  p.data.set("terms", terms);
  p.data.set("download", env.download(pathway_guide_route(pw.id), "Download this guide to print"));
  p.step_by_step = true;
  if (!pw.last_reviewed.empty()) p.data.set("last_reviewed", pw.last_reviewed.long_form());
  put_extra(p.data, pw.extra);
  return p;
}

}  // namespace og
