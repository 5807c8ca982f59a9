#include "documents/locality_directory.hpp"

#include <algorithm>

namespace og {

std::vector<DirectoryGroup> locality_directory(const Model& model, const Locality& locality) {
  std::vector<const Service*> here;
  for (const auto& s : model.services) {
    if (s.all_localities || std::any_of(s.localities.begin(), s.localities.end(),
                                        [&](const Ref& r) { return r.id == locality.id; }))
      here.push_back(&s);
  }
  return locality_directory(model, here);
}

std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here) {
  std::vector<DirectoryGroup> groups;
  for (const auto& c : model.site.categories) groups.push_back({&c, {}});
  for (const Service* s : here) {
    // A service is listed once, under the first of its categories that exists.
    for (const auto& ref : s->categories) {
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const DirectoryGroup& g) { return g.category->id == ref.id; });
      if (group == groups.end()) continue;
      // A service that names the area twice comes twice, one after the other.
      if (group->services.empty() || group->services.back() != s) group->services.push_back(s);
      break;
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const DirectoryGroup& g) { return g.services.empty(); }),
               groups.end());
  return groups;
}

}  // namespace og
