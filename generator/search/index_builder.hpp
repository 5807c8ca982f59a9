// Builds the search index files from the frozen model.
//
// The index is split so that a phone downloads little, and nothing until the
// reader starts to search:
//   search/docs.json          the document table: kind, address, title, summary
//                             and, for services, the facets the filters read;
//                             the stop words, and the name of every shard.
//                             Always at the same address, so that pages link
//                             to it without depending on what is in it: the
//                             search script asks the server whether it changed
//                             (fetch's cache: "no-cache")
//   search/<c>.<hash>.json    one shard per first character of a word: each
//                             stem, the forms it was written in that do not
//                             start with it ("family" for "famili"), and its
//                             postings (document, weight), documents as gaps:
//                             ["famili", ["family"], [0, 8, 3, 1]]
// Word forms ("parents", "parenting" -> "parent") and the glossary's
// abbreviations ("MST" <-> "Multi-Systemic Therapy") are resolved here, at
// build time, so that the JavaScript only looks words up.
//
// SearchIndexBuilder keeps what the files are made of (each stem's postings,
// each stem's piece of its shards, each document's row) so that the preview
// server can replace one document and write again only the pieces it
// touched; a build uses the same code once, so both give the same bytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "search/documents.hpp"

namespace og::search {

struct IndexFile {
  std::string path;  // relative to the site root: "search/p.1a2b3c4d5e.json"
  std::string bytes;
};

// The document table's address (before the base path).
inline constexpr const char* kTableRoute = "/search/docs.json";

struct SearchIndex {
  std::vector<IndexFile> files;  // the document table first, then shards A-Z
};

// The index of `documents` with the glossary's synonyms (tests).
// Deterministic: the same documents give the same bytes.
SearchIndex build_search_index(const std::vector<Document>& documents, const std::vector<Term>& terms);

class SearchIndexBuilder {
 public:
  // `keep_terms`: remember each document's words, so that replace() can take
  // them out again (the preview server); a build does not need them.
  SearchIndexBuilder(const std::vector<Term>& terms, bool keep_terms);
  ~SearchIndexBuilder();
  SearchIndexBuilder(const SearchIndexBuilder&) = delete;
  SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

  // Indexes every document (in this order), on up to `jobs` threads; from
  // the model, each document is made on the thread that indexes it.
  void add_all(const std::vector<Document>& documents, unsigned jobs);
  void add_all(const Model& model, const ServiceTexts& texts, unsigned jobs);
  // Replaces document `index` (same position, same kind of page).
  void replace(std::size_t index, const Document& document);

  // The files, shared rather than copied (the preview server keeps them),
  // writing again only the shards that changed since the last call.
  struct SharedFile {
    std::string path;
    std::shared_ptr<const std::string> bytes;
  };
  std::vector<SharedFile> shared_files();
  // The files, moved out rather than copied, from a builder that is done
  // with (a build makes its files once): each stem's postings go as soon as
  // they are written, so the index is never held twice.
  SearchIndex take_files() &&;

 private:
  std::vector<SharedFile> shared_files(bool spend);
  void add_all(std::size_t count, unsigned jobs, const std::function<Document(std::size_t)>& make);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool keep_terms_;
  std::vector<std::string> rows_;  // each document's row of the table, as JSON
};

}  // namespace og::search
