// The mapping file of an import (--map FILE, YAML): which of the
// partnership's categories and levels of need each term of a feed stands
// for, which localities each service area is, and the defaults for the rest.
// Every id it names is checked against the partnership's content.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/site.hpp"

namespace og {

struct TermMapping {
  std::vector<std::string> categories;
  std::vector<int> levels;
};

struct AreaMapping {
  bool all = false;
  std::vector<std::string> localities;
};

struct ImportMap {
  // Keys as the feed writes them, compared without regard to case.
  std::vector<std::pair<std::string, TermMapping>> terms;
  std::vector<std::pair<std::string, AreaMapping>> areas;
  // Given in the map's 'defaults:'; when empty, the import uses the first
  // category and level of site.yaml, self-referral and all localities, and
  // asks a person to review them.
  std::vector<std::string> default_categories;
  std::vector<int> default_levels;
  std::vector<std::string> default_access;

  const TermMapping* term(const std::vector<std::string>& keys) const;
  const AreaMapping* area(const std::string& name) const;
};

// What a map may name: the partnership's categories and levels (site.yaml)
// and localities (the files in localities/, and their names in the same order).
struct MapTargets {
  const Site* site = nullptr;
  std::vector<std::string> localities;
  std::vector<std::string> locality_names;
};

// Reads and checks the map; problems are reported at their line, with
// did-you-mean hints, and give nullopt.
std::optional<ImportMap> read_import_map(const std::filesystem::path& file, const std::string& display,
                                         const MapTargets& targets, Diagnostics& diagnostics);

}  // namespace og
