#include "documents/locality_directory.hpp"

#include <algorithm>

namespace og {

std::vector<DirectoryGroup> locality_directory(const Model& model, const Locality& locality) {
  std::vector<DirectoryGroup> groups;
  for (const auto& c : model.site.categories) groups.push_back({&c, {}});
  for (const auto& s : model.services) {
    const bool here = s.all_localities || std::any_of(s.localities.begin(), s.localities.end(),
                                                      [&](const Ref& r) { return r.id == locality.id; });
    if (!here) continue;
    // A service is listed once, under the first of its categories that exists.
    for (const auto& ref : s.categories) {
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const DirectoryGroup& g) { return g.category->id == ref.id; });
      if (group == groups.end()) continue;
      group->services.push_back(&s);
      break;
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const DirectoryGroup& g) { return g.services.empty(); }),
               groups.end());
  return groups;
}

}  // namespace og
