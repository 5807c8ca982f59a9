#include "render/page_data.hpp"

namespace og {

namespace {

const char* audience_text(const std::string& audience) {
  if (audience == "practitioners") return "For practitioners";
  if (audience == "young-people") return "For young people";
  return "For families";
}

}  // namespace

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
    item.set("audience", audience_text(pw.audience));
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
  p.data.set("audience", audience_text(pw.audience));
  put(p.data, "introduction", env.markdown(pw.introduction, 2, diagnostics));
  mustache::data steps{mustache::data::type::list};
  int number = 0;
  for (std::size_t i = 0; i < pw.steps.size(); ++i) {
    const PathwayStep& step = pw.steps[i];
    mustache::data s;
    if (step.join == StepJoin::next) ++number;
    s.set("number", std::to_string(number));
    s.set("id", "step-" + std::to_string(i + 1));
    put(s, "logic", step.join == StepJoin::and_ ? "and" : step.join == StepJoin::or_ ? "or" : "");
    s.set("is_and", step.join == StepJoin::and_);
    s.set("is_or", step.join == StepJoin::or_);
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
    for (const auto& ref : step.services) {
      if (const Service* svc = env.model.service(ref.id)) {
        mustache::data link = link_item(svc->name, env.link(Urls::service(svc->id)));
        put(link, "summary", svc->summary);
        services.push_back(link);
      }
    }
    s.set("has_services", !step.services.empty());
    s.set("services", services);
    steps.push_back(s);
  }
  p.data.set("steps", steps);
  if (!pw.last_reviewed.empty()) p.data.set("last_reviewed", pw.last_reviewed.long_form());
  return p;
}

}  // namespace og
