#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

template <typename Items>
std::vector<std::string_view> ids_of(const Items& items) {
  std::vector<std::string_view> ids;
  for (const auto& i : items) ids.push_back(i.id);
  return ids;
}

void check_ref(const Ref& ref, bool exists, std::string_view kind, const std::vector<std::string_view>& ids,
               std::string_view where_defined, Diagnostics& diagnostics) {
  if (exists) return;
  std::string hint = did_you_mean(ref.id, ids);
  if (hint.empty()) hint = "see " + std::string(where_defined) + " for the ones there are";
  diagnostics.error(ref.where, "unknown " + std::string(kind) + " '" + ref.id + "'", hint);
}

// Every box names strategy parts that exist and have something to show.
void check_plan_references(const Model& model, Diagnostics& diagnostics) {
  const PlanOnAPage& plan = *model.plan_on_a_page;
  const auto part_ids = ids_of(model.strategy);
  if (const StrategyPart* clash = model.strategy_part("plan-on-a-page"))
    diagnostics.error(clash->where, "a strategy part cannot be called 'plan-on-a-page'",
                      "the plan on a page has that address; rename the file");
  auto known = [&](const Ref& ref) {
    const bool exists = model.strategy_part(ref.id) != nullptr;
    check_ref(ref, exists, "strategy part", part_ids, "strategy/", diagnostics);
    return exists;
  };
  if (!plan.statement.id.empty() && known(plan.statement) && model.strategy_part(plan.statement.id)->summary.empty())
    diagnostics.error(plan.statement.where, "the strategy part '" + plan.statement.id + "' has no summary to show",
                      "add 'summary:' to strategy/" + plan.statement.id + ".md");
  for (const auto& box : plan.boxes) {
    for (const auto& ref : box.parts) {
      if (!known(ref)) continue;
      const StrategyPart& part = *model.strategy_part(ref.id);
      if (part.title.empty()) continue;  // its front matter is broken, and reported
      std::string missing;
      switch (box.show) {
        case PlanShow::items:
          if (part.items.empty() && part.summary.empty()) missing = "no 'items' or 'summary'";
          break;
        case PlanShow::summary:
          if (part.summary.empty()) missing = "no 'summary'";
          break;
        case PlanShow::body:
          if (trim(part.body.text).empty()) missing = "no text after its front matter";
          break;
        case PlanShow::actions:
          if (part.actions.empty()) missing = "no 'actions'";
          break;
      }
      if (!missing.empty())
        diagnostics.error(ref.where, "the strategy part '" + ref.id + "' has " + missing + " to show in this box",
                          "add it to strategy/" + ref.id + ".md, or change 'show'");
    }
  }
}

void check_level(const Model& model, int level, const Location& where, Diagnostics& diagnostics) {
  if (model.site_loaded && !model.level(level))
    diagnostics.error(where, "there is no level " + std::to_string(level),
                      "site.yaml defines levels 1 to " + std::to_string(model.site.levels.size()));
}

int months_between(const Date& from, const Date& to) {
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) --months;
  return months;
}

void check_service_references(const Model& model, const Service& s, Diagnostics& diagnostics) {
  // Whether refs[i] repeats an earlier ref (a service lists a handful).
  const auto repeated = [](const std::vector<Ref>& refs, std::size_t i) {
    for (std::size_t j = 0; j < i; ++j)
      if (refs[j].id == refs[i].id) return true;
    return false;
  };
  const auto category_ids = [&] { return ids_of(model.site.categories); };
  const auto locality_ids = [&] { return ids_of(model.localities); };
  for (std::size_t i = 0; i < s.categories.size() && model.site_loaded; ++i) {
    const Ref& c = s.categories[i];
    if (!model.category(c.id)) check_ref(c, false, "category", category_ids(), "site.yaml", diagnostics);
    if (repeated(s.categories, i)) diagnostics.warning(c.where, "the category '" + c.id + "' is listed twice");
  }
  for (std::size_t i = 0; i < s.localities.size(); ++i) {
    const Ref& l = s.localities[i];
    // A locality whose file could not be read was reported already.
    if (model.unreadable_localities.count(l.id)) continue;
    if (!model.locality(l.id)) check_ref(l, false, "locality", locality_ids(), "localities/", diagnostics);
    if (repeated(s.localities, i)) diagnostics.warning(l.where, "the locality '" + l.id + "' is listed twice");
  }
  for (std::size_t i = 0; i < s.levels.size(); ++i) check_level(model, s.levels[i], s.level_where[i], diagnostics);
}

// The export files an imported service under its Open Referral id when that
// is a UUID (export/oruk_record.cpp): two services with one would be one record.
void check_open_referral_ids(const Model& model, Diagnostics& diagnostics) {
  std::map<std::string_view, const Service*> imported;
  for (const auto& s : model.services) {
    if (!is_uuid(s.source.open_referral_id)) continue;
    const auto [first, fresh] = imported.emplace(s.source.open_referral_id, &s);
    if (!fresh)
      diagnostics.error(s.where,
                        "service '" + s.id + "' has the Open Referral id of service '" + first->second->id + "'",
                        "each is one record of a feed: remove 'source:' from a copy");
  }
}

}  // namespace

void check_references(const Model& model, Diagnostics& diagnostics) {
  for (const auto& s : model.services) check_service_references(model, s, diagnostics);
  check_open_referral_ids(model, diagnostics);
  const auto term_ids = ids_of(model.terms);
  const auto figure_ids = ids_of(model.figures);
  const auto service_ids = ids_of(model.services);
  auto check_services = [&](const std::vector<Ref>& refs) {
    for (const auto& r : refs)
      if (!model.unreadable_services.count(r.id))
        check_ref(r, model.service(r.id) != nullptr, "service", service_ids, "services/", diagnostics);
  };
  for (const auto& p : model.pathways) {
    for (const auto& step : p.steps) {
      check_services(step.services);
      if (step.level != 0) check_level(model, step.level, step.level_where, diagnostics);
    }
  }
  for (const auto& s : model.strategy) check_services(s.services);
  for (const auto& y : model.young_people) check_services(y.services);

  if (model.plan_on_a_page) check_plan_references(model, diagnostics);

  for (const auto& t : model.terms) {
    for (const auto& r : t.related) {
      check_ref(r, model.term(r.id) != nullptr, "glossary term", term_ids, "glossary.yaml", diagnostics);
      if (r.id == t.id) diagnostics.warning(r.where, "the term '" + t.term + "' is related to itself");
    }
  }
  for (const auto& l : model.localities) {
    for (const auto& f : l.figure_refs) {
      if (!model.figures_loaded) break;
      const bool known = std::find(figure_ids.begin(), figure_ids.end(), f.id) != figure_ids.end();
      check_ref(f, known, "figure", figure_ids, "figures.yaml", diagnostics);
    }
  }
}

void check_health(const Model& model, const ValidateOptions& options, Diagnostics& diagnostics) {
  // Without it the contact page and the accessibility statement cannot say how
  // to reach the partnership (the accessibility regulations ask for a way to
  // report problems): a missing fact to find, never one to invent.
  if (model.site_loaded && model.site.contact.empty()) {
    diagnostics.warning(model.site.where, "site.yaml has no 'contact' for the partnership",
                        "add the partnership's own email, phone or website when it publishes one");
  }
  for (const auto& s : model.services) {
    if (s.contact.empty()) {
      diagnostics.warning(s.where, "service '" + s.id + "' has no contact details",
                          "add a phone number, email or website from the source documents, or leave it missing");
    }
    if (s.last_reviewed.empty()) {
      diagnostics.warning(s.where, "service '" + s.id + "' has no 'last_reviewed' date");
    } else if (!options.today.empty()) {
      const int months = months_between(s.last_reviewed, options.today);
      if (months >= model.site.review_months) {
        diagnostics.warning(
            s.where,
            "service '" + s.id + "' was last reviewed on " + s.last_reviewed.long_form() + ", " +
                std::to_string(months) + " months ago",
            "site.yaml asks for a review every " + std::to_string(model.site.review_months) + " months");
      }
    }
  }
}

}  // namespace og
