// The plan on a page as HTML: the same boxes as the PDF (see
// documents/plan_content.hpp), laid out for the screen and, with @page, for
// A4 landscape print.
#include "documents/plan_content.hpp"
#include "render/page_data.hpp"

namespace og {

PageData plan_on_a_page_page(const RenderEnvironment& env, Diagnostics& diagnostics) {
  const PlanContent content = plan_content(env.model);
  PageData p;
  p.template_name = "plan-on-a-page";
  p.title = content.title;
  p.description = content.subtitle.empty() ? "The partnership's strategy on one page." : content.subtitle;
  p.breadcrumbs = {{"Home", Urls::home()}, {"Our strategy", Urls::strategy()}};
  put(p.data, "subtitle", content.subtitle);
  if (content.statement) {
    mustache::data statement;
    statement.set("label", content.statement->title);
    statement.set("text", content.statement->summary);
    statement.set("url", env.link(Urls::strategy_part(content.statement->id)));
    p.data.set("statement", statement);
  } else {
    p.data.set("statement", false);
  }
  mustache::data boxes{mustache::data::type::list};
  int index = 0;
  for (const PlanBoxContent& box : content.boxes) {
    mustache::data b = link_item(box.title, env.link(box.route));
    b.set("index", std::to_string(++index));
    mustache::data sections{mustache::data::type::list};
    for (const PlanSection& section : box.sections) {
      mustache::data s;
      put(s, "heading", section.heading);
      put(s, "heading_url", section.heading.empty() ? std::string() : env.link(Urls::strategy_part(section.part->id)));
      s.set("has_points", !section.points.empty());
      s.set("points", text_list(section.points));
      put(s, "text", section.text);
      put(s, "body",
          section.body ? env.markdown(*section.body, section.heading.empty() ? 3 : 4, diagnostics) : std::string());
      sections.push_back(s);
    }
    b.set("sections", sections);
    boxes.push_back(b);
  }
  p.data.set("boxes", boxes);
  p.data.set("columns", std::to_string(content.plan ? content.plan->columns : 3));
  p.data.set("download", env.download(plan_on_a_page_route(), "Download the plan on a page to print"));
  return p;
}

}  // namespace og
