#include "documents/plan_content.hpp"

namespace og {

namespace {

PlanSection section_for(const StrategyPart& part, PlanShow show) {
  PlanSection s;
  s.part = &part;
  switch (show) {
    case PlanShow::items:
      if (!part.items.empty())
        s.points = part.items;
      else
        s.text = part.summary;
      break;
    case PlanShow::summary:
      s.text = part.summary;
      break;
    case PlanShow::body:
      s.body = &part.body;
      break;
    case PlanShow::actions:
      for (const auto& a : part.actions) s.points.push_back(a.when.empty() ? a.what : a.what + " (" + a.when + ")");
      break;
  }
  return s;
}

}  // namespace

PlanContent plan_content(const Model& model) {
  PlanContent content;
  if (!model.plan_on_a_page) return content;
  const PlanOnAPage& plan = *model.plan_on_a_page;
  content.plan = &plan;
  content.title = plan.title;
  content.subtitle = plan.subtitle;
  if (!plan.statement.id.empty()) content.statement = model.strategy_part(plan.statement.id);
  for (const auto& box : plan.boxes) {
    PlanBoxContent b;
    b.box = &box;
    std::vector<const StrategyPart*> parts;
    for (const auto& ref : box.parts)
      if (const StrategyPart* p = model.strategy_part(ref.id)) parts.push_back(p);
    if (parts.empty()) continue;
    b.route = "/strategy/" + parts.front()->id + "/";
    b.title = box.title;
    if (b.title.empty()) {
      for (std::size_t i = 0; i < parts.size(); ++i)
        b.title += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i]->title;
    }
    for (const StrategyPart* p : parts) {
      PlanSection s = section_for(*p, box.show);
      if (parts.size() > 1) s.heading = p->title;
      b.sections.push_back(std::move(s));
    }
    content.boxes.push_back(std::move(b));
  }
  return content;
}

}  // namespace og
