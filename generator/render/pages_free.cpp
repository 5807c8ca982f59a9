#include "render/page_data.hpp"

namespace og {

PageData home_page(const RenderEnvironment& env, Diagnostics& diagnostics) {
  const Site& site = env.model.site;
  PageData p;
  p.template_name = "home";
  p.title = site.title;
  p.description = site.description;
  if (const Page* intro = env.model.page("index")) {
    p.title = intro->title;
    if (!intro->summary.empty()) p.description = intro->summary;
    put(p.data, "introduction", env.markdown(intro->body, 2, diagnostics));
    p.sensitive = intro->sensitive;
  }
  put(p.data, "lead", p.description);
  mustache::data cats{mustache::data::type::list};
  for (const auto& c : site.categories) {
    mustache::data item = link_item(c.name, env.link(Urls::category(c.id)));
    put(item, "description", c.description);
    cats.push_back(item);
  }
  p.data.set("categories", cats);
  mustache::data areas{mustache::data::type::list};
  for (const auto& l : env.model.localities) areas.push_back(link_item(l.name, env.link(Urls::locality(l.id))));
  p.data.set("localities", areas);
  p.data.set("services_url", env.link(Urls::services()));
  p.data.set("glossary_url", env.link(Urls::glossary()));
  p.data.set("service_count", std::to_string(env.model.services.size()));
  return p;
}

PageData free_page(const RenderEnvironment& env, const Page& page, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "page";
  p.title = page.title;
  p.description = page.summary;
  p.sensitive = page.sensitive;
  p.breadcrumbs = {{"Home", Urls::home()}};
  put(p.data, "summary", page.summary);
  put(p.data, "body", env.markdown(page.body, 2, diagnostics));
  if (!page.last_reviewed.empty()) p.data.set("last_reviewed", page.last_reviewed.long_form());
  put_extra(p.data, page.extra);
  return p;
}

PageData not_found_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "404";
  p.title = "Page not found";
  p.description = "There is no page at this address.";
  p.data.set("services_url", env.link(Urls::services()));
  p.data.set("home_url", env.link(Urls::home()));
  return p;
}

}  // namespace og
