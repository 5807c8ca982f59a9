// The whole partnership offer as typed values. Built by the validate stage,
// then frozen: every later stage takes it as const.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/glossary.hpp"
#include "model/locality.hpp"
#include "model/page.hpp"
#include "model/pathway.hpp"
#include "model/plan.hpp"
#include "model/service.hpp"
#include "model/site.hpp"
#include "model/strategy.hpp"

namespace og {

struct Model {
  Site site;
  std::vector<Service> services;     // sorted by name, then id
  std::vector<Locality> localities;  // sorted by name, then id
  std::vector<FigureDefinition> figures;
  std::vector<FigureGroup> figure_groups;
  std::vector<FigureColumn> figure_columns;   // extra table columns, such as a total
  std::vector<Term> terms;                    // sorted A-Z by term
  std::vector<Page> pages;                    // sorted by id
  std::vector<Pathway> pathways;              // sorted by order, then id
  std::vector<StrategyPart> strategy;         // sorted by order, then id
  std::vector<YoungPeoplePage> young_people;  // sorted by order, then id
  std::optional<PlanOnAPage> plan_on_a_page;  // only when content has plan-on-a-page.yaml

  // What could not be read, so that references to it are not reported again.
  bool site_loaded = false;
  bool figures_loaded = false;
  std::set<std::string, std::less<>> unreadable_services;
  std::set<std::string, std::less<>> unreadable_localities;

  // By id (or number), through the indexes index() builds; nullptr when there is none.
  const Service* service(std::string_view id) const { return lookup(service_index_, services, id); }
  const Locality* locality(std::string_view id) const { return lookup(locality_index_, localities, id); }
  const Category* category(std::string_view id) const { return lookup(category_index_, site.categories, id); }
  const Term* term(std::string_view id) const { return lookup(term_index_, terms, id); }
  const Page* page(std::string_view id) const { return lookup(page_index_, pages, id); }
  const Level* level(int number) const;
  const Pathway* pathway(std::string_view id) const { return lookup(pathway_index_, pathways, id); }
  const StrategyPart* strategy_part(std::string_view id) const { return lookup(strategy_index_, strategy, id); }
  const YoungPeoplePage* young_people_page(std::string_view id) const {
    return lookup(young_people_index_, young_people, id);
  }

  // Builds the id indexes; called once, after the vectors are final.
  void index();

 private:
  using Index = std::map<std::string, std::size_t, std::less<>>;
  template <typename T>
  static const T* lookup(const Index& index, const std::vector<T>& items, std::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &items[it->second];
  }
  Index service_index_, locality_index_, category_index_, term_index_, page_index_, pathway_index_, strategy_index_,
      young_people_index_;
};

}  // namespace og
