#include "documents/downloads.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "documents/locality_directory.hpp"

namespace og {

std::string plan_on_a_page_route() {
  return "/downloads/plan-on-a-page.pdf";
}
std::string plan_on_a_page_page_route() {
  return "/strategy/plan-on-a-page/";
}
std::string pathway_guide_route(std::string_view id) {
  return "/downloads/pathways/" + std::string(id) + ".pdf";
}
std::string locality_directory_route(std::string_view id) {
  return "/downloads/localities/" + std::string(id) + ".pdf";
}

std::vector<PlannedDocument> plan_documents(const Model& model) {
  std::vector<PlannedDocument> docs;
  auto add = [&](DocumentKind kind, std::size_t index, std::string route, std::string page,
                 std::vector<ContentKey> inputs) {
    std::string file = route.substr(1);
    docs.push_back({kind, index, std::move(route), std::move(file), std::move(page), std::move(inputs)});
  };
  // Its boxes' parts, and the newest review date of every part.
  if (model.plan_on_a_page)
    add(DocumentKind::plan_on_a_page, 0, plan_on_a_page_route(), plan_on_a_page_page_route(),
        {keys::of("plan-on-a-page", ""), keys::every("strategy")});
  for (std::size_t i = 0; i < model.pathways.size(); ++i) {
    // The steps, their services, and the glossary terms the guide uses.
    const Pathway& p = model.pathways[i];
    std::vector<ContentKey> inputs{keys::of("pathway", p.id), keys::of("glossary", "")};
    for (const auto& step : p.steps)
      for (const auto& r : step.services) inputs.push_back(keys::of("service", r.id));
    add(DocumentKind::pathway_guide, i, pathway_guide_route(p.id), "/pathways/" + p.id + "/", std::move(inputs));
  }
  // An area's: the area, and the services in it (grouped by the categories of site.yaml).
  std::unordered_map<std::string_view, std::vector<ContentKey>> areas;
  for (const auto& l : model.localities) areas[l.id] = {keys::of("locality", l.id)};
  for (const auto& s : model.services) {
    const ContentKey key = keys::of("service", s.id);
    if (s.all_localities)
      for (auto& [id, inputs] : areas) inputs.push_back(key);
    for (const auto& r : s.localities)
      if (auto it = areas.find(r.id); it != areas.end()) it->second.push_back(key);
  }
  for (std::size_t i = 0; i < model.localities.size(); ++i) {
    const Locality& l = model.localities[i];
    add(DocumentKind::locality_directory, i, locality_directory_route(l.id), "/localities/" + l.id + "/",
        std::move(areas[l.id]));
  }
  return docs;
}

// "84 KB": KB are 1,024 bytes, rounded up so that a small file is never "0 KB".
static std::string file_size_text(std::size_t bytes) {
  char buf[32];
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::string download_label(const DownloadFacts& facts) {
  std::string label = "PDF, " + file_size_text(facts.bytes);
  if (facts.pages > 0) label += ", " + std::to_string(facts.pages) + (facts.pages == 1 ? " page" : " pages");
  return label;
}

Date document_date(const Model& model, const PlannedDocument& document) {
  Date newest;
  auto consider = [&](const Date& d) { newest = std::max(newest, d); };
  switch (document.kind) {
    case DocumentKind::plan_on_a_page:
      for (const auto& part : model.strategy) consider(part.last_reviewed);
      break;
    case DocumentKind::pathway_guide: {
      const Pathway& p = model.pathways[document.index];
      consider(p.last_reviewed);
      for (const auto& step : p.steps)
        for (const auto& ref : step.services)
          if (const Service* s = model.service(ref.id)) consider(s->last_reviewed);
      break;
    }
    case DocumentKind::locality_directory:
      for (const auto& group : locality_directory(model, model.localities[document.index]))
        for (const Service* s : group.services) consider(s->last_reviewed);
      break;
  }
  return newest.empty() ? model.site.updated : newest;
}

Model document_model(const Model& model, const PlannedDocument& document) {
  Model copy;
  copy.site = model.site;
  copy.localities = model.localities;
  copy.terms = model.terms;
  copy.pathways = model.pathways;
  copy.strategy = model.strategy;
  copy.plan_on_a_page = model.plan_on_a_page;
  copy.site_loaded = model.site_loaded;
  std::vector<std::string_view> wanted;
  if (document.kind == DocumentKind::pathway_guide)
    for (const auto& step : model.pathways[document.index].steps)
      for (const auto& ref : step.services) wanted.push_back(ref.id);
  const std::string_view locality =
      document.kind == DocumentKind::locality_directory ? std::string_view(model.localities[document.index].id) : "";
  for (const auto& s : model.services) {
    bool keep = std::find(wanted.begin(), wanted.end(), s.id) != wanted.end();
    if (!locality.empty())
      keep = s.all_localities ||
             std::any_of(s.localities.begin(), s.localities.end(), [&](const Ref& r) { return r.id == locality; });
    if (keep) copy.services.push_back(s);
  }
  copy.index();
  return copy;
}

}  // namespace og
