// What the search index holds: one document per page a reader may look for
// (services, pathways, young people's pages, the strategy, areas, glossary
// terms, free pages), with its text in fields that weigh differently.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "derive/service_text.hpp"
#include "model/model.hpp"

namespace og::search {

// How much a word counts, by where it is written.
enum Weight : int { kBody = 1, kFacet = 1, kCategory = 2, kSummary = 3, kKeywords = 6, kTitle = 8 };

struct Field {
  std::string text;
  int weight = kBody;
};

struct Document {
  char kind = 's';    // s service, p pathway, y young people, g strategy, l area, t term, f page
  std::string route;  // "/services/home-start/", before the base path
  std::string title;
  std::string summary;  // shown under the title in results
  std::vector<Field> fields;
  std::string facets;  // services only: what the filters read (derive/service_facts.hpp)
};

// The label shown for each kind of result ("Service", "Glossary"), in kind order.
const std::vector<std::pair<char, std::string>>& kind_labels();

// Where each document comes from (a kind, as in Document::kind, and an index
// into the model's vector of that kind), in a fixed order: services,
// pathways, young people's pages, strategy, areas, glossary terms, free
// pages, each in the model's order; and the document made from it, so that a
// build can make them on every core and the preview server can make again
// only those whose content changed.
struct DocumentSource {
  char kind;
  std::size_t index;
};
std::vector<DocumentSource> document_sources(const Model& model);
// `texts`: the services' plain text (derive/service_text.hpp; empty: parsed now).
Document make_document(const Model& model, const ServiceTexts& texts, const DocumentSource& source);

// The first sentence or so of `text`, at most about `limit` bytes, cut at a word.
std::string excerpt(const std::string& text, std::size_t limit = 160);

}  // namespace og::search
