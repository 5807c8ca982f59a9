// The validate stage: checks the loaded content against the schema and builds
// the typed model, reporting every problem it finds (never only the first).
#pragma once

#include <filesystem>
#include <variant>

#include "core/diagnostic.hpp"
#include "load/content_files.hpp"
#include "model/model.hpp"

namespace og {

struct ValidateOptions {
  Date today;  // for "not reviewed for N months" warnings; empty turns them off
};

// Reads the content folder straight into the model: each file is read, parsed
// and turned into its model type on whichever of `jobs` threads is free, and
// its text and YAML tree are dropped at once, so a build never holds every
// file's text and tree together. Then finish_model() sorts and checks it.
// With `files`, each file's own problems go there (with the file) instead of
// into `diagnostics`, for the preview server, which re-reads one file at a time.
struct LoadedFile {
  ContentFile file;
  Diagnostics diagnostics;
  bool unreadable = false;
};
Model load_model(const std::filesystem::path& dir, unsigned jobs, Diagnostics& diagnostics,
                 std::vector<LoadedFile>* files = nullptr);

// What one file in a folder of content (services/, localities/, pages/,
// pathways/, strategy/, young-people/) adds to the model; monostate when it
// could not be read or is a single file (site.yaml, glossary.yaml ...).
using ContentEntity = std::variant<std::monostate, Service, Locality, Page, Pathway, StrategyPart, YoungPeoplePage>;
ContentEntity read_entity(const ContentFile& file, const ParsedFile& parsed, Diagnostics& diagnostics);

// Reads a single file (site.yaml, glossary.yaml, figures.yaml) into `model`,
// replacing what it held before. Does nothing for other files.
void read_single_file(const ContentFile& file, const ParsedFile& parsed, Model& model, Diagnostics& diagnostics);

// Once every file is in the model: sorts and indexes it, and checks the
// cross-references and the lints that need the whole model.
void finish_model(Model& model, const ValidateOptions& options, Diagnostics& diagnostics);
// finish_model() in parts, for the preview server, which checks again only
// the services that changed: sorting and indexing, one service's references,
// everything else's references, and the lints. order_model() says whether
// anything moved; it indexes the model again when something did, or always
// with `index_always` (entities replaced in place keep their index).
bool order_model(Model& model, bool index_always = true);
void check_service_references(const Model& model, const Service& service, Diagnostics& diagnostics);
void check_other_references(const Model& model, Diagnostics& diagnostics);
void check_health(const Model& model, const ValidateOptions& options, Diagnostics& diagnostics);

}  // namespace og
