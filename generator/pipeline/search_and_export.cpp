#include "pipeline/search_and_export.hpp"

#include "core/parallel.hpp"
#include "export/open_referral.hpp"
#include "render/markdown.hpp"
#include "search/index_builder.hpp"

namespace og {

namespace {

// Services whose plain text is held at once.
constexpr std::size_t kTextBlock = 512;

}  // namespace

void write_search_and_export(Model& model, const Urls& urls,
                             const std::function<void(std::size_t, std::size_t)>& render_services,
                             std::vector<ServiceText>& texts, const std::string& docs_route, OutputSink& output,
                             unsigned jobs) {
  const std::string export_path = "openreferral/services.json";
  bool first_piece = true;
  OpenReferralWriter oruk(model, urls, [&](std::string&& piece) {
    output.write_piece(export_path, std::move(piece), first_piece);
    first_piece = false;
  });
  search::SearchIndexBuilder index(model.terms, false);
  const std::vector<search::DocumentSource> sources = search::document_sources(model);
  // The services are the first documents, in the model's order.
  const std::size_t services = model.services.size();
  for (std::size_t start = 0; start < services; start += kTextBlock) {
    const std::size_t end = std::min(services, start + kTextBlock);
    render_services(start, end);
    parallel_for(end - start, jobs, [&](std::size_t k) {
      Service& s = model.services[start + k];
      if (start + k < texts.size()) {
        s.description.plain = std::move(texts[start + k].description);
        s.how_to_access.plain = std::move(texts[start + k].how_to_access);
      }
      if (s.description.plain.empty()) fill_plain_text(s.description);
      if (s.how_to_access.plain.empty()) fill_plain_text(s.how_to_access);
    });
    index.add_range(model, sources, start, end, jobs);
    oruk.add(start, end, jobs);
    for (std::size_t i = start; i < end; ++i) {
      std::string().swap(model.services[i].description.plain);
      std::string().swap(model.services[i].how_to_access.plain);
    }
  }
  index.add_range(model, sources, services, sources.size(), jobs);
  oruk.finish();
  output.end_pieces(export_path);
  search::SearchIndex files = std::move(index).take_files(docs_route);
  for (auto& f : files.files) output.write(std::move(f.path), std::move(f.bytes));
}

}  // namespace og
