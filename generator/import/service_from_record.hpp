// One feed record as a service of the partnership: its text converted, its
// terms and areas mapped, its facts checked. What is uncertain is kept with a
// note for a person; what is personal (staff names and emails) was never read.
#pragma once

#include <string>
#include <vector>

#include "import/import_map.hpp"
#include "import/oruk_feed.hpp"
#include "model/service.hpp"
#include "model/site.hpp"

namespace og {

struct ImportedService {
  Service service;                    // id not yet chosen
  std::string slug;                   // from its name
  std::vector<std::string> review;    // what a person should look at
  std::vector<std::string> unmapped;  // the record's terms and areas the map does not name
};

// `feed` is the name the file records as 'source: feed:'.
ImportedService service_from_record(const FeedRecord& record, const std::string& feed, const ImportMap& map,
                                    const MapTargets& targets);

}  // namespace og
