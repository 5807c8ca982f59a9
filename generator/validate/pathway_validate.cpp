#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

Pathway read_pathway(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Pathway p;
  p.id = src.id;
  p.where = src.at(0, 0);
  check_file_id(src, diagnostics);
  p.introduction.text = std::string(doc.body);
  p.introduction.origin = src.at(doc.body_line, 1);
  if (!front_matter_present(doc, diagnostics, "pathway",
                            "start the file with '---', then its title, summary and steps, then '---'"))
    return p;
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the pathway");
  p.title = r.text("title", Need::required);
  p.summary = r.text("summary", Need::required);
  p.audience = r.choice("audience", {"families", "practitioners", "young-people"});
  if (p.audience.empty()) p.audience = "families";
  if (auto n = r.integer("order", 0, 999)) p.order = static_cast<int>(*n);
  if (auto b = r.boolean("sensitive")) p.sensitive = *b;
  if (auto d = r.date("last_reviewed")) p.last_reviewed = *d;
  if (const auto* steps = r.list("steps", Need::required, "start each step with '- title: ...'")) {
    for (const auto& item : *steps) {
      FieldReader s(&item, src, diagnostics, "a step");
      PathwayStep step;
      step.where = s.here();
      step.title = s.text("title", Need::required);
      step.text = s.markdown("text");
      step.services = s.ref_list("services");
      if (auto level = s.integer("level", 1, 9)) {
        step.level = static_cast<int>(*level);
        step.level_where = s.at(*s.node("level"));
      }
      const std::string join = s.choice("join", {"and", "or"});
      if (join == "and") step.join = StepJoin::and_;
      if (join == "or") step.join = StepJoin::or_;
      if (step.join != StepJoin::next && p.steps.empty())
        diagnostics.error(s.at(*s.node("join")), "the first step cannot be joined to a step before it",
                          "remove 'join' from the first step");
      s.finish();
      p.steps.push_back(std::move(step));
    }
    if (steps->empty()) diagnostics.error(r.at(*r.node("steps")), "the pathway has no steps");
  }
  p.extra = read_extra(r);
  r.finish();
  return p;
}

}  // namespace og
