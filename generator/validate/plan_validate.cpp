#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

PlanOnAPage read_plan_on_a_page(const YamlDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  PlanOnAPage plan;
  plan.where = src.at(0, 0);
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "plan-on-a-page.yaml");
  plan.title = r.text("title", Need::required);
  plan.subtitle = r.text("subtitle");
  if (const YamlNode* statement = r.node("statement")) {
    if (auto id = r.scalar_text(*statement, "statement")) plan.statement = {*id, r.at(*statement)};
  }
  if (auto n = r.integer("columns", 1, 4)) plan.columns = static_cast<int>(*n);
  plan.a3 = r.choice("paper", {"a4", "a3"}) == "a3";
  if (const auto* boxes = r.list("boxes", Need::required, "start each box with '- parts: [...]'")) {
    for (const auto& item : *boxes) {
      FieldReader b(&item, src, diagnostics, "a box");
      PlanBox box;
      box.where = b.here();
      box.title = b.text("title");
      box.parts = b.ref_list("parts", Need::required);
      const std::string show = b.choice("show", {"items", "summary", "body", "actions"});
      if (show == "summary") box.show = PlanShow::summary;
      if (show == "body") box.show = PlanShow::body;
      if (show == "actions") box.show = PlanShow::actions;
      b.finish();
      plan.boxes.push_back(std::move(box));
    }
    if (boxes->empty()) diagnostics.error(r.at(*r.node("boxes")), "the plan on a page has no boxes");
  }
  r.finish();
  return plan;
}

}  // namespace og
