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
#include "render/mustache.hpp"
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

// What a step made for each service, by the service's id.
template <typename T>
class PerService {
 public:
  // The value made for `id` from what has `digest`, or null.
  const T* find(const std::string& id, std::uint64_t digest) const {
    auto it = items_.find(id);
    return it != items_.end() && it->second.digest == digest ? &it->second.value : nullptr;
  }
  // Keeps values[i] for model.services[i], forgetting services that are gone.
  void keep(const Model& model, const std::vector<std::uint64_t>& digests, const std::vector<T>& values) {
    if (items_.size() > model.services.size()) items_.clear();
    for (std::size_t i = 0; i < values.size(); ++i) items_[model.services[i].id] = {digests[i], values[i]};
    if (items_.size() > model.services.size()) {  // a service was renamed or removed
      items_.clear();
      keep(model, digests, values);
    }
  }

 private:
  std::unordered_map<std::string, Cached<T>> items_;
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
  LoadCache load;  // each content file, and the last build's model
  PerService<std::shared_ptr<const ServiceText>> texts;
  std::unordered_map<std::string, Cached<CachedPage>> pages;  // by file
  PerService<std::shared_ptr<mustache::data>> cards;
  PerService<SharedBytes> records;                                     // Open Referral
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
  // What the last build planned, for printing in the background (its model
  // is load.model): its documents and the digest of what each reads.
  std::vector<PlannedDocument> documents;
  std::vector<std::uint64_t> document_digests;
};

}  // namespace og
