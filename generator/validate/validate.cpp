#include "validate/validate.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
}

template <typename T>
void sort_by_order(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    return std::tie(a.order, a.id) < std::tie(b.order, b.id);
  });
}

}  // namespace

Model validate(const LoadedContent& content, const ValidateOptions& options, Diagnostics& diagnostics) {
  Model model;
  if (content.site) {
    model.site = read_site(*content.site, diagnostics);
    model.site_loaded = true;
  } else {
    diagnostics.error({content.dir + "/site.yaml", 0, 0}, "the content has no site.yaml",
                      "every content folder needs a site.yaml with at least a title, partnership, categories and levels");
  }
  for (const auto& doc : content.services) model.services.push_back(read_service(doc, diagnostics));
  for (const auto& doc : content.localities) model.localities.push_back(read_locality(doc, diagnostics));
  if (content.figures) {
    read_figures(*content.figures, model, diagnostics);
    model.figures_loaded = true;
  }
  if (auto it = content.unreadable.find("localities"); it != content.unreadable.end())
    model.unreadable_localities.insert(it->second.begin(), it->second.end());
  if (auto it = content.unreadable.find("services"); it != content.unreadable.end())
    model.unreadable_services.insert(it->second.begin(), it->second.end());
  if (content.glossary) model.terms = read_glossary(*content.glossary, diagnostics);
  for (const auto& doc : content.pages) model.pages.push_back(read_page(doc, diagnostics));
  for (const auto& doc : content.pathways) model.pathways.push_back(read_pathway(doc, diagnostics));
  for (const auto& doc : content.strategy) model.strategy.push_back(read_strategy_part(doc, diagnostics));
  for (const auto& doc : content.young_people) model.young_people.push_back(read_young_people_page(doc, diagnostics));
  if (content.plan_on_a_page) model.plan_on_a_page = read_plan_on_a_page(*content.plan_on_a_page, diagnostics);

  sort_by_name(model.services);
  sort_by_name(model.localities);
  // The glossary reads A to Z whatever the capitals: "ACEs" before "Adoption".
  std::sort(model.terms.begin(), model.terms.end(), [](const Term& a, const Term& b) {
    const std::string la = to_lower_ascii(a.term), lb = to_lower_ascii(b.term);
    return std::tie(la, a.id) < std::tie(lb, b.id);
  });
  std::sort(model.pages.begin(), model.pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  sort_by_order(model.pathways);
  sort_by_order(model.strategy);
  sort_by_order(model.young_people);
  model.index();

  check_references(model, diagnostics);
  check_health(model, options, diagnostics);
  return model;
}

}  // namespace og
