#include "model/model.hpp"

namespace og {

namespace {

template <typename T>
void build(std::map<std::string, std::size_t, std::less<>>& index, const std::vector<T>& items) {
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
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

const Level* Model::level(int number) const {
  for (const auto& l : site.levels)
    if (l.number == number) return &l;
  return nullptr;
}

}  // namespace og
