#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

std::vector<Action> read_actions(FieldReader& r, const SourceFile& src, Diagnostics& diagnostics) {
  std::vector<Action> actions;
  const YamlNode* list = r.node("actions");
  if (!list) return actions;
  if (!list->is_sequence()) {
    diagnostics.error(r.at(*list), "'actions' must be a list, not " + std::string(describe_kind(*list)),
                      "start each action with '- what: ...'");
    return actions;
  }
  for (const auto& item : list->items) {
    FieldReader a(&item, src, diagnostics, "an action");
    Action action;
    action.where = a.here();
    action.theme = a.text("theme");
    action.what = a.text("what", Need::required);
    // Left empty when the documents do not say: shown as "not yet agreed".
    action.lead = a.text("lead");
    action.when = a.text("when");
    action.progress = a.text("progress");
    a.finish();
    actions.push_back(std::move(action));
  }
  return actions;
}

bool front_matter_present(const MarkdownDocument& doc, Diagnostics& diagnostics, std::string_view what) {
  if (doc.front_matter) return true;
  if (!doc.broken_front_matter)
    diagnostics.error(doc.source->at(1, 1), "the " + std::string(what) + " has no front matter",
                      "start the file with '---', a line 'title: ...', and '---'");
  return false;
}

}  // namespace

StrategyPart read_strategy_part(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  StrategyPart p;
  p.id = src.id;
  p.where = src.at(0, 0);
  check_file_id(src, diagnostics);
  p.body.text = std::string(doc.body);
  p.body.origin = src.at(doc.body_line, 1);
  if (!front_matter_present(doc, diagnostics, "strategy part")) return p;
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the strategy part");
  p.title = r.text("title", Need::required);
  p.summary = r.text("summary");
  if (auto n = r.integer("order", 0, 999)) p.order = static_cast<int>(*n);
  p.items = r.text_list("items");
  p.actions = read_actions(r, src, diagnostics);
  p.services = r.ref_list("services");
  if (auto b = r.boolean("sensitive")) p.sensitive = *b;
  if (auto d = r.date("last_reviewed")) p.last_reviewed = *d;
  p.extra = read_extra(r);
  r.finish();
  return p;
}

YoungPeoplePage read_young_people_page(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  YoungPeoplePage p;
  p.id = src.id;
  p.where = src.at(0, 0);
  check_file_id(src, diagnostics);
  p.body.text = std::string(doc.body);
  p.body.origin = src.at(doc.body_line, 1);
  if (!front_matter_present(doc, diagnostics, "page")) return p;
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the page");
  p.title = r.text("title", Need::required);
  p.summary = r.text("summary");
  if (auto n = r.integer("order", 0, 999)) p.order = static_cast<int>(*n);
  if (const YamlNode* quotes = r.node("quotes")) {
    if (!quotes->is_sequence()) {
      diagnostics.error(r.at(*quotes), "'quotes' must be a list, not " + std::string(describe_kind(*quotes)),
                        "start each quote with '- text: ...'");
    } else {
      for (const auto& item : quotes->items) {
        FieldReader q(&item, src, diagnostics, "a quote");
        Quote quote;
        quote.text = q.text("text", Need::required);
        // A quote without its source would be a claim nobody can check.
        quote.source = q.text("source", Need::required);
        quote.topic = q.text("topic");
        q.finish();
        if (!quote.text.empty()) p.quotes.push_back(std::move(quote));
      }
    }
  }
  p.services = r.ref_list("services");
  if (auto b = r.boolean("sensitive")) p.sensitive = *b;
  if (auto d = r.date("last_reviewed")) p.last_reviewed = *d;
  p.extra = read_extra(r);
  r.finish();
  return p;
}

}  // namespace og
