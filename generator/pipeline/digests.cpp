#include "pipeline/digests.hpp"

#include <algorithm>

#include "core/hash.hpp"
#include "render/environment.hpp"

namespace og {

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  // As boost's hash_combine, on 64 bits.
  return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 12) + (a >> 4));
}

namespace {

// The kind of content key each kind of file has (site.yaml's is the site
// digest).
constexpr std::pair<ContentSlot, std::string_view> kKinds[] = {{ContentSlot::glossary, "glossary"},
                                                               {ContentSlot::figures, "figures"},
                                                               {ContentSlot::plan_on_a_page, "plan-on-a-page"},
                                                               {ContentSlot::services, "service"},
                                                               {ContentSlot::localities, "locality"},
                                                               {ContentSlot::pages, "page"},
                                                               {ContentSlot::pathways, "pathway"},
                                                               {ContentSlot::strategy, "strategy"},
                                                               {ContentSlot::young_people, "young-people"}};

std::string_view kind_of(ContentSlot slot) {
  for (const auto& [s, kind] : kKinds)
    if (s == slot) return kind;
  return "";
}

}  // namespace

InputDigests::InputDigests(const LoadCache& files, const Model& model, const std::vector<PlannedPage>& pages,
                           const Urls& urls, const std::vector<Asset>& assets, const TemplateSet& templates) {
  std::uint64_t site = 0;
  std::unordered_map<ContentKey, std::uint64_t> every;
  for (std::size_t i = 0; i < files.listing.size(); ++i) {
    const ContentFile& file = files.listing[i];
    const CachedFile& f = files.files[i];
    if (file.slot == ContentSlot::site) site = mix(site, f.digest);
    const std::string_view kind = kind_of(file.slot);
    const std::uint64_t digest = mix(f.digest, f.unreadable);
    keys_[keys::of(kind, file.single() ? "" : file.id())] = digest;
    if (!file.single())
      every[keys::every(kind)] = mix(mix(every[keys::every(kind)], content_hash(file.display)), digest);
  }
  keys_.insert(every.begin(), every.end());

  for (const auto& a : assets) site = mix(site, content_hash(a.bytes));
  // The set of pages (for link checks, the navigation), in any order: a
  // renamed service moves its page but adds or removes none.
  std::vector<std::string_view> routes;
  for (const auto& page : pages) routes.push_back(page.route);
  std::sort(routes.begin(), routes.end());
  for (const auto route : routes) site = mix(site, content_hash(route));
  site = mix(site, content_hash(urls.link("/")));
  site = mix(site, content_hash(urls.absolute("/")));
  // The footer's links: the pages with 'nav'.
  for (const auto& p : model.pages)
    if (p.nav_order > 0) site = mix(mix(mix(site, content_hash(p.id)), content_hash(p.title)), p.nav_order);
  for (const auto& [name, text] : templates.sources()) templates_[name] = content_hash(text);
  for (const auto& card : card_templates()) site = mix(site, templates_.count(card.name) ? templates_[card.name] : 0);
  site_ = site;
}

void InputDigests::add_downloads(const std::map<std::string, DownloadFacts, std::less<>>& downloads) {
  for (const auto& [route, facts] : downloads) keys_[keys::download(route)] = mix(facts.bytes, facts.pages);
}

std::uint64_t InputDigests::of(ContentKey key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? 0 : it->second;
}

std::uint64_t InputDigests::of(const std::vector<ContentKey>& keys) const {
  std::uint64_t d = site_;
  for (const ContentKey k : keys) d = mix(mix(d, k), of(k));
  return d;
}

std::uint64_t InputDigests::page(const std::vector<ContentKey>& keys, const std::string& template_name) const {
  auto digest = [&](std::string_view name) {
    auto it = templates_.find(name);
    return it == templates_.end() ? 0 : it->second;
  };
  return mix(mix(of(keys), digest(template_name)), digest("layout"));
}

}  // namespace og
