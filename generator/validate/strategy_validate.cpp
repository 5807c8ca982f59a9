#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

std::vector<Action> read_actions(FieldReader& r, const SourceFile& src, Diagnostics& diagnostics) {
  std::vector<Action> actions;
  const auto* items = r.list("actions", Need::optional, "start each action with '- what: ...'");
  if (!items) return actions;
  for (const auto& item : *items) {
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

// The fields a strategy part and a young people's page share, around those
// `middle` reads.
template <typename T, typename Middle>
T read_ordered_page(const MarkdownDocument& doc, Diagnostics& diagnostics, const std::string& what, Middle&& middle) {
  const SourceFile& src = *doc.source;
  T p;
  p.id = src.id;
  p.where = src.at(0, 0);
  check_file_id(src, diagnostics);
  p.body.text = std::string(doc.body);
  p.body.origin = src.at(doc.body_line, 1);
  if (!front_matter_present(doc, diagnostics, what)) return p;
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the " + what);
  p.title = r.text("title", Need::required);
  p.summary = r.text("summary");
  if (auto n = r.integer("order", 0, 999)) p.order = static_cast<int>(*n);
  middle(r, p);
  p.services = r.ref_list("services");
  if (auto b = r.boolean("sensitive")) p.sensitive = *b;
  if (auto d = r.date("last_reviewed")) p.last_reviewed = *d;
  p.extra = read_extra(r);
  r.finish();
  return p;
}

}  // namespace

StrategyPart read_strategy_part(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  return read_ordered_page<StrategyPart>(doc, diagnostics, "strategy part", [&](FieldReader& r, StrategyPart& p) {
    p.items = r.text_list("items");
    p.actions = read_actions(r, *doc.source, diagnostics);
  });
}

YoungPeoplePage read_young_people_page(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  return read_ordered_page<YoungPeoplePage>(doc, diagnostics, "page", [&](FieldReader& r, YoungPeoplePage& p) {
    const auto* quotes = r.list("quotes", Need::optional, "start each quote with '- text: ...'");
    for (const auto& item : quotes ? *quotes : std::span<const YamlNode>{}) {
      FieldReader q(&item, *doc.source, diagnostics, "a quote");
      Quote quote;
      quote.text = q.text("text", Need::required);
      // A quote without its source would be a claim nobody can check.
      quote.source = q.text("source", Need::required);
      quote.topic = q.text("topic");
      q.finish();
      if (!quote.text.empty()) p.quotes.push_back(std::move(quote));
    }
  });
}

}  // namespace og
