// Builds the search index files from the frozen model.
//
// The index is split so that a phone downloads little, and nothing until the
// reader starts to search:
//   search/docs.<hash>.json   the document table: kind, address, title, summary
//                             and, for services, the facets the filters read;
//                             the stop words, and the name of every shard
//   search/<c>.<hash>.json    one shard per first character of a word: each
//                             stem, the forms it was written in that do not
//                             start with it ("family" for "famili"), and its
//                             postings (document, weight), documents as gaps:
//                             ["famili", ["family"], [0, 8, 3, 1]]
// Word forms ("parents", "parenting" -> "parent") and the glossary's
// abbreviations ("MST" <-> "Multi-Systemic Therapy") are resolved here, at
// build time, so that the JavaScript only looks words up.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"
#include "search/documents.hpp"

namespace og::search {

struct IndexFile {
  std::string path;  // relative to the site root: "search/p.1a2b3c4d5e.json"
  std::string bytes;
};

struct SearchIndex {
  std::string docs_route;        // "/search/docs.1a2b3c4d5e.json", before the base path
  std::vector<IndexFile> files;  // the document table first, then shards A-Z
};

// Deterministic: the same model gives the same bytes.
SearchIndex build_search_index(const Model& model);

// The same, from documents and the glossary (tests).
SearchIndex build_search_index(const std::vector<Document>& documents,
                               const std::vector<Term>& terms);

}  // namespace og::search
