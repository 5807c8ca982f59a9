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
  for (const auto& id : content.unreadable_localities) model.unreadable_localities.insert(id);
  if (content.glossary) model.terms = read_glossary(*content.glossary, diagnostics);
  for (const auto& doc : content.pages) model.pages.push_back(read_page(doc, diagnostics));

  sort_by_name(model.services);
  sort_by_name(model.localities);
  // The glossary reads A to Z whatever the capitals: "ACEs" before "Adoption".
  std::sort(model.terms.begin(), model.terms.end(), [](const Term& a, const Term& b) {
    const std::string la = to_lower_ascii(a.term), lb = to_lower_ascii(b.term);
    return std::tie(la, a.id) < std::tie(lb, b.id);
  });
  std::sort(model.pages.begin(), model.pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  model.index();

  check_references(model, diagnostics);
  check_health(model, options, diagnostics);
  return model;
}

}  // namespace og
