// A digest of what each output reads, so that the preview server makes again
// only the outputs whose digest changed (pipeline/build_cache.hpp). Every
// output reads the site as a whole (site.yaml, the assets, the card
// templates, the address, the set of pages and the footer's links): the
// `site` digest. Besides that, a page reads the content keys its plan lists
// (render/page_plan.hpp) and its templates.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "model/content_keys.hpp"
#include "render/assets.hpp"
#include "render/page_plan.hpp"
#include "render/templates.hpp"
#include "validate/validate.hpp"

namespace og {

class InputDigests {
 public:
  InputDigests() = default;
  // From the files as the last load read them, and the plan.
  InputDigests(const LoadCache& files, const Model& model, const std::vector<PlannedPage>& pages, const Urls& urls,
               const std::vector<Asset>& assets, const TemplateSet& templates);
  // The printed documents' sizes and pages (keys::download()).
  void add_downloads(const std::map<std::string, DownloadFacts, std::less<>>& downloads);

  std::uint64_t site() const { return site_; }
  // site() with each of `keys` and its digest.
  std::uint64_t of(const std::vector<ContentKey>& keys) const;
  // A page made with page template `name`, and the layout.
  std::uint64_t page(const std::vector<ContentKey>& keys, const std::string& template_name) const;
  std::uint64_t of(ContentKey key) const;

 private:
  std::unordered_map<ContentKey, std::uint64_t> keys_;
  std::map<std::string, std::uint64_t, std::less<>> templates_;
  std::uint64_t site_ = 0;
};

// Digests of several things together.
std::uint64_t mix(std::uint64_t a, std::uint64_t b);

}  // namespace og
