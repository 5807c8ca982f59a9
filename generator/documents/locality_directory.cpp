#include "documents/locality_directory.hpp"

#include <algorithm>

namespace og {

namespace {

template <typename CategoryOf>
std::vector<DirectoryGroup> group_by_category(const Model& model, const std::vector<const Service*>& here,
                                              CategoryOf&& category_of) {
  std::vector<DirectoryGroup> groups;
  groups.reserve(model.site.categories.size());
  for (const auto& c : model.site.categories) groups.push_back({&c, {}});
  for (const Service* s : here) {
    const std::size_t c = category_of(s);
    if (c >= groups.size()) continue;
    // A service that names the area twice comes twice, one after the other.
    auto& services = groups[c].services;
    if (services.empty() || services.back() != s) services.push_back(s);
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const DirectoryGroup& g) { return g.services.empty(); }),
               groups.end());
  return groups;
}

}  // namespace

std::size_t directory_category(const Model& model, const Service& service) {
  const auto& categories = model.site.categories;
  for (const auto& ref : service.categories) {
    auto it = std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.id == ref.id; });
    if (it != categories.end()) return static_cast<std::size_t>(it - categories.begin());
  }
  return kNoCategory;
}

std::vector<DirectoryGroup> locality_directory(const Model& model, const Locality& locality) {
  std::vector<const Service*> here;
  for (const auto& s : model.services) {
    if (s.all_localities ||
        std::any_of(s.localities.begin(), s.localities.end(), [&](const Ref& r) { return r.id == locality.id; }))
      here.push_back(&s);
  }
  return locality_directory(model, here);
}

std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here) {
  return group_by_category(model, here, [&](const Service* s) { return directory_category(model, *s); });
}

std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here,
                                               const std::vector<std::size_t>& category_of) {
  return group_by_category(model, here, [&](const Service* s) {
    const auto i = static_cast<std::size_t>(s - model.services.data());
    return i < category_of.size() ? category_of[i] : kNoCategory;
  });
}

}  // namespace og
