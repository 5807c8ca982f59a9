// offergen import oruk: Open Referral UK feeds into a partnership's
// services/. Everything is read, converted and checked first; files are
// written only when at least one service could be imported, each through a
// temporary file in services/ renamed into place, so a failed import leaves
// the folder as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace og {

struct ImportOptions {
  std::vector<std::string> feeds;  // files or folders of *.json, as given
  std::string into;                // the content folder (with site.yaml), as given
  std::optional<std::string> map;  // --map FILE
  bool force = false;              // overwrite files edited by hand since their import
};

struct ImportResult {
  bool imported = false;  // at least one service created, updated or unchanged
  Diagnostics diagnostics;
  std::string report;  // what was done, for stdout
};

ImportResult import_oruk(const ImportOptions& options);

}  // namespace og
