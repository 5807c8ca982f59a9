#include "model/model.hpp"

namespace og {

namespace {

template <typename T>
void build(std::map<std::string, std::size_t, std::less<>>& index, const std::vector<T>& items) {
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
}

template <typename T>
const T* lookup(const std::map<std::string, std::size_t, std::less<>>& index, const std::vector<T>& items,
                std::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

void Model::index() {
  build(service_index_, services);
  build(locality_index_, localities);
  build(category_index_, site.categories);
  build(term_index_, terms);
  build(page_index_, pages);
  build(pathway_index_, pathways);
  build(strategy_index_, strategy);
  build(young_people_index_, young_people);
}

const Service* Model::service(std::string_view id) const {
  return lookup(service_index_, services, id);
}
const Locality* Model::locality(std::string_view id) const {
  return lookup(locality_index_, localities, id);
}
const Category* Model::category(std::string_view id) const {
  return lookup(category_index_, site.categories, id);
}
const Term* Model::term(std::string_view id) const {
  return lookup(term_index_, terms, id);
}
const Page* Model::page(std::string_view id) const {
  return lookup(page_index_, pages, id);
}

const Pathway* Model::pathway(std::string_view id) const {
  return lookup(pathway_index_, pathways, id);
}
const StrategyPart* Model::strategy_part(std::string_view id) const {
  return lookup(strategy_index_, strategy, id);
}
const YoungPeoplePage* Model::young_people_page(std::string_view id) const {
  return lookup(young_people_index_, young_people, id);
}

const Level* Model::level(int number) const {
  for (const auto& l : site.levels)
    if (l.number == number) return &l;
  return nullptr;
}

}  // namespace og
