#include <algorithm>

#include "render/page_data.hpp"

namespace og {

namespace {

mustache::data service_links(const RenderEnvironment& env, const std::vector<Ref>& refs) {
  std::vector<const Service*> services;
  for (const auto& r : refs)
    if (const Service* s = env.model.service(r.id)) services.push_back(s);
  return service_list(env, services);
}

// Cells the documents leave empty are shown as such, never filled in.
std::string or_not_agreed(const std::string& cell) {
  return cell.empty() ? "Not yet agreed" : cell;
}

// Actions under their themes, in the order each theme first appears; actions
// without a theme form a group without a heading.
mustache::data action_groups(const std::vector<Action>& actions) {
  std::vector<std::string> themes;
  for (const auto& a : actions)
    if (std::find(themes.begin(), themes.end(), a.theme) == themes.end()) themes.push_back(a.theme);
  mustache::data groups{mustache::data::type::list};
  for (const auto& theme : themes) {
    mustache::data rows{mustache::data::type::list};
    for (const auto& a : actions) {
      if (a.theme != theme) continue;
      mustache::data row;
      row.set("what", a.what);
      row.set("lead", or_not_agreed(a.lead));
      row.set("lead_missing", a.lead.empty());
      row.set("when", or_not_agreed(a.when));
      row.set("when_missing", a.when.empty());
      row.set("progress", or_not_agreed(a.progress));
      row.set("progress_missing", a.progress.empty());
      rows.push_back(row);
    }
    mustache::data group;
    put(group, "theme", theme);
    group.set("actions", rows);
    groups.push_back(group);
  }
  return groups;
}

// Quotes under their topics, in the order each topic first appears.
mustache::data quote_groups(const std::vector<Quote>& quotes) {
  std::vector<std::string> topics;
  for (const auto& q : quotes)
    if (std::find(topics.begin(), topics.end(), q.topic) == topics.end()) topics.push_back(q.topic);
  mustache::data groups{mustache::data::type::list};
  for (const auto& topic : topics) {
    mustache::data items{mustache::data::type::list};
    for (const auto& q : quotes) {
      if (q.topic != topic) continue;
      mustache::data item;
      item.set("text", q.text);
      item.set("source", q.source);
      items.push_back(item);
    }
    mustache::data group;
    put(group, "topic", topic);
    group.set("quotes", items);
    groups.push_back(group);
  }
  return groups;
}

}  // namespace

PageData strategy_index_page(const RenderEnvironment& env, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "strategy";
  p.title = "Our strategy";
  p.description = "What the partnership wants for children and families, and how it will get there.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  if (const StrategyPart* intro = env.model.strategy_part("index")) {
    p.title = intro->title;
    if (!intro->summary.empty()) p.description = intro->summary;
    put(p.data, "introduction", env.markdown(intro->body, 2, diagnostics));
    p.sensitive = intro->sensitive;
  }
  put(p.data, "summary", p.description);
  mustache::data parts{mustache::data::type::list};
  for (const auto& part : env.model.strategy) {
    if (part.id == "index") continue;
    mustache::data item = link_item(part.title, env.link(Urls::strategy_part(part.id)));
    put(item, "summary", part.summary);
    parts.push_back(item);
  }
  p.data.set("parts", parts);
  if (env.model.plan_on_a_page) {
    mustache::data plan = link_item(env.model.plan_on_a_page->title, env.link(plan_on_a_page_page_route()));
    plan.set("download", env.download(plan_on_a_page_route(), "Download the plan on a page to print"));
    p.data.set("plan", plan);
  } else {
    p.data.set("plan", false);
  }
  return p;
}

PageData strategy_part_page(const RenderEnvironment& env, const StrategyPart& part, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "strategy-part";
  p.title = part.title;
  p.description = part.summary;
  p.sensitive = part.sensitive;
  p.breadcrumbs = {{"Home", Urls::home()}, {"Our strategy", Urls::strategy()}};
  put(p.data, "summary", part.summary);
  put(p.data, "body", env.markdown(part.body, 2, diagnostics));
  p.data.set("has_items", !part.items.empty());
  p.data.set("items", text_list(part.items));
  p.data.set("has_actions", !part.actions.empty());
  p.data.set("action_groups", action_groups(part.actions));
  p.data.set("has_services", !part.services.empty());
  p.data.set("services", service_links(env, part.services));
  if (!part.last_reviewed.empty()) p.data.set("last_reviewed", part.last_reviewed.long_form());
  put_extra(p.data, part.extra);
  return p;
}

PageData young_people_index_page(const RenderEnvironment& env, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "young-people";
  p.title = "For young people";
  p.description = "What the partnership's plans mean for you, and who can help.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  p.sensitive = true;
  if (const YoungPeoplePage* intro = env.model.young_people_page("index")) {
    p.title = intro->title;
    if (!intro->summary.empty()) p.description = intro->summary;
    put(p.data, "introduction", env.markdown(intro->body, 2, diagnostics));
    p.sensitive = intro->sensitive;
  }
  put(p.data, "summary", p.description);
  mustache::data pages{mustache::data::type::list};
  for (const auto& page : env.model.young_people) {
    if (page.id == "index") continue;
    mustache::data item = link_item(page.title, env.link(Urls::young_people_page(page.id)));
    put(item, "summary", page.summary);
    pages.push_back(item);
  }
  p.data.set("pages", pages);
  return p;
}

PageData young_people_page(const RenderEnvironment& env, const YoungPeoplePage& page, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "young-people-page";
  p.title = page.title;
  p.description = page.summary;
  p.sensitive = page.sensitive;
  p.breadcrumbs = {{"Home", Urls::home()}, {"For young people", Urls::young_people()}};
  put(p.data, "summary", page.summary);
  put(p.data, "body", env.markdown(page.body, 2, diagnostics));
  p.data.set("has_quotes", !page.quotes.empty());
  p.data.set("quote_groups", quote_groups(page.quotes));
  p.data.set("has_services", !page.services.empty());
  p.data.set("services", service_links(env, page.services));
  put_extra(p.data, page.extra);
  return p;
}

}  // namespace og
