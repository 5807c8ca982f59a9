// What the preview server keeps from one build to the next, so that the same
// steps (pipeline/build_site.hpp) redo after an edit only what it changed:
// each step looks up what it would make by a digest of what that reads
// (pipeline/digests.hpp), and makes it only when the digest is new. A build
// without a cache makes everything.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "derive/service_text.hpp"
#include "documents/downloads.hpp"
#include "search/index_builder.hpp"
#include "validate/validate.hpp"

namespace og {

class FontLibrary;

using SharedBytes = std::shared_ptr<const std::string>;

// Something a step made, with the digest of what it read.
template <typename T>
struct Cached {
  std::uint64_t digest = 0;
  T value;
};

struct CachedPage {
  SharedBytes bytes;
  std::string template_name;  // the page template it was rendered with
  Diagnostics diagnostics;    // what rendering it found
};

struct CachedDocument {
  SharedBytes bytes;  // null when it could not be printed
  DownloadFacts facts;
  Diagnostics diagnostics;
};

struct BuildCache {
  LoadCache load;                                                      // each content file
  std::unordered_map<std::string, Cached<ServiceText>> texts;          // by service id
  std::unordered_map<std::string, Cached<CachedPage>> pages;           // by file
  std::unordered_map<std::string, Cached<SharedBytes>> records;        // Open Referral, by service id
  std::map<std::string, Cached<CachedDocument>, std::less<>> printed;  // by route
  // The search index, and the digest of each of its documents.
  std::unique_ptr<search::SearchIndexBuilder> search;
  std::vector<std::uint64_t> search_digests;
  std::vector<char> search_kinds;
  std::uint64_t search_terms = 0;
  // The print step prints nothing: documents are printed in the background
  // (serve/live_site.hpp), and each build takes the last print of each.
  std::shared_ptr<const FontLibrary> fonts;
  Diagnostics font_diagnostics;
  // What the last build planned, for printing in the background: its model
  // (never changed: the next build makes a new one), its documents and the
  // digest of what each reads.
  std::shared_ptr<const Model> model;
  std::vector<PlannedDocument> documents;
  std::vector<std::uint64_t> document_digests;
};

}  // namespace og
