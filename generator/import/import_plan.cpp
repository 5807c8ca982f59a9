#include "import/import_plan.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

#include "core/text.hpp"
#include "import/service_file.hpp"
#include "load/front_matter.hpp"
#include "load/source_file.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

// Reads the 'source:' of a file the import wrote: its Open Referral id and feed.
void read_source_fields(const std::string& path, ExistingService& s) {
  if (s.text.find("\nsource:\n") == std::string::npos) return;
  Diagnostics ignored;  // a broken file is the build's to report
  auto source = make_source(path, s.text, ignored);
  if (!source) return;
  MarkdownSplit split = split_front_matter(*source, ignored);
  const YamlNode* src = split.front_matter ? split.front_matter->find("source") : nullptr;
  const YamlNode* id = src ? src->find("open_referral_id") : nullptr;
  const YamlNode* feed = src ? src->find("feed") : nullptr;
  if (id && id->is_scalar()) s.open_referral_id = std::string(trim(id->value));
  if (feed && feed->is_scalar()) s.feed = std::string(trim(feed->value));
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::created:
      return "created";
    case Outcome::updated:
      return "updated";
    case Outcome::unchanged:
      return "unchanged";
    case Outcome::kept:
      return "kept";
    case Outcome::refused:
      return "refused";
  }
  return "";
}

std::vector<ExistingService> read_existing_services(const fs::path& services_dir) {
  std::vector<ExistingService> found;
  std::error_code ec;
  if (!fs::is_directory(services_dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(services_dir, ec)) {
    if (entry.path().extension() != ".md" || !entry.is_regular_file(ec)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ExistingService s{entry.path().stem().string(), text.str(), {}, {}};
    read_source_fields(entry.path().string(), s);
    found.push_back(std::move(s));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return found;
}

std::vector<PlannedFile> plan_files(const std::vector<ImportedService>& services, const std::vector<std::string>& texts,
                                    const std::vector<ExistingService>& existing, bool force) {
  // The first file, by name, that records each (feed, id): feeds from two
  // systems may both number their services 1, 2, 3.
  std::map<std::pair<std::string, std::string>, const ExistingService*> by_source;
  std::set<std::string> taken;
  for (const ExistingService& e : existing) {
    taken.insert(e.id);
    if (!e.open_referral_id.empty()) by_source.emplace(std::pair(e.feed, e.open_referral_id), &e);
  }
  std::vector<PlannedFile> files(services.size());
  std::vector<std::size_t> fresh;
  for (std::size_t i = 0; i < services.size(); ++i) {
    files[i].service = i;
    files[i].text = texts[i];
    const ServiceSource& source = services[i].service.source;
    const auto known = by_source.find(std::pair(source.feed, source.open_referral_id));
    if (known != by_source.end())
      files[i].id = known->second->id;
    else
      fresh.push_back(i);
  }
  std::sort(fresh.begin(), fresh.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = services[a];
    const auto& y = services[b];
    return std::tie(x.slug, x.service.source.open_referral_id) < std::tie(y.slug, y.service.source.open_referral_id);
  });
  for (std::size_t i : fresh) {
    std::string id = services[i].slug;
    for (int n = 2; taken.count(id); ++n) id = services[i].slug + "-" + std::to_string(n);
    taken.insert(id);
    files[i].id = id;
  }
  for (PlannedFile& f : files) {
    const auto e = std::find_if(existing.begin(), existing.end(), [&](const auto& x) { return x.id == f.id; });
    if (e == existing.end())
      f.outcome = Outcome::created;
    else if (e->text == f.text)
      f.outcome = Outcome::unchanged;
    else if (force || unedited_since_import(e->text))
      f.outcome = Outcome::updated;
    else
      f.outcome = recorded_digest(e->text).value_or("-") == recorded_digest(f.text) ? Outcome::kept : Outcome::refused;
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return files;
}

}  // namespace og
