// The validate stage: checks the loaded content against the schema and builds
// the typed model, reporting every problem it finds (never only the first).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <unordered_map>
#include <variant>

#include "core/diagnostic.hpp"
#include "load/content_files.hpp"
#include "model/model.hpp"

namespace og {

using ContentEntity = std::variant<std::monostate, Service, Locality, Page, Pathway, StrategyPart, YoungPeoplePage>;

struct ValidateOptions {
  Date today;  // for "not reviewed for N months" warnings; empty turns them off
};

// Reads the content folder straight into the model: each file is read, parsed
// and turned into its model type on whichever of `jobs` threads is free, and
// its text and YAML tree are dropped at once, so a build never holds every
// file's text and tree together. Then finish_model() sorts and checks it.
// With `cache` (the preview server), a file in a content folder that is not
// among the cache's `changed` paths is not read again: its entity is moved
// from the model the last load made (cache->model, which the caller keeps)
// and its problems copied; and when every changed path is a file the cache
// knows, the folder is not listed again either.
struct CachedFile {
  Diagnostics diagnostics;
  bool unreadable = false;
  std::uint64_t digest = 0;  // of its bytes (core/hash.hpp's content_hash)
};
struct LoadCache {
  std::string display_dir;
  std::vector<ContentFile> listing;  // find_content_files()'s, and what it said
  Diagnostics listing_diagnostics;
  std::vector<CachedFile> files;                       // beside listing
  std::unordered_map<std::string, std::size_t> where;  // a display path's place in listing
  std::set<std::string, std::less<>> changed;          // display paths to read again
  // The model the last load made, once the caller is done with it; while
  // null, every file is read.
  std::shared_ptr<Model> model;
};
Model load_model(const std::filesystem::path& dir, unsigned jobs, Diagnostics& diagnostics, LoadCache* cache = nullptr);

// Once every file is in the model: sorts and indexes it, and checks the
// cross-references and the lints that need the whole model.
void finish_model(Model& model, const ValidateOptions& options, Diagnostics& diagnostics);

}  // namespace og
