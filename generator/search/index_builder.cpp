#include "search/index_builder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "search/tokenize.hpp"

namespace og::search {

namespace {

using json = nlohmann::ordered_json;

// A posting's weight is capped so that one long page cannot drown the rest.
constexpr int kMaxWeight = 40;
// Body text counts each word at most this many times.
constexpr int kMaxBodyRepeats = 3;

// A glossary term with its abbreviation, expansion and other spellings: a
// document that writes any of them is found by all of them.
using Phrase = std::vector<Token>;
using SynonymGroup = std::vector<Phrase>;

std::vector<SynonymGroup> synonym_groups(const std::vector<Term>& terms, Stemmer& stemmer) {
  std::vector<SynonymGroup> groups;
  for (const auto& t : terms) {
    SynonymGroup g;
    std::set<std::vector<std::string>> seen;
    auto member = [&](const std::string& text) {
      Phrase p = tokenize(text, stemmer);
      std::vector<std::string> stems;
      for (const auto& tok : p) stems.push_back(tok.stem);
      if (!p.empty() && seen.insert(stems).second) g.push_back(std::move(p));
    };
    member(t.term);
    member(t.stands_for);
    for (const auto& a : t.also) member(a);
    if (g.size() > 1) groups.push_back(std::move(g));
  }
  return groups;
}

// How often `phrase` occurs in `tokens`, by stems.
int occurrences(const std::vector<Token>& tokens, const Phrase& phrase) {
  if (phrase.empty() || phrase.size() > tokens.size()) return 0;
  int n = 0;
  for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < phrase.size() && match; ++j)
      match = tokens[i + j].stem == phrase[j].stem;
    if (match) ++n;
  }
  return n;
}

struct Postings {
  std::set<std::string> forms;
  std::map<std::size_t, int> weights;  // document -> weight
};

std::string shard_key(const std::string& form) {
  const char c = form.empty() ? '_' : form[0];
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? std::string(1, c) : "_";
}

std::string hashed_name(const std::string& stem, const std::string& bytes) {
  return stem + "." + short_hash(bytes) + ".json";
}

}  // namespace

SearchIndex build_search_index(const std::vector<Document>& documents,
                               const std::vector<Term>& terms) {
  Stemmer stemmer;
  const std::vector<SynonymGroup> groups = synonym_groups(terms, stemmer);
  std::map<std::string, Postings> index;  // stem -> postings

  for (std::size_t doc = 0; doc < documents.size(); ++doc) {
    for (const auto& field : documents[doc].fields) {
      const std::vector<Token> tokens = tokenize(field.text, stemmer);
      const int repeats = field.weight == kBody ? kMaxBodyRepeats : 1;
      std::map<std::string, int> counts;
      for (const auto& t : tokens) {
        ++counts[t.stem];
        index[t.stem].forms.insert(t.form);
      }
      for (const auto& group : groups) {
        for (std::size_t i = 0; i < group.size(); ++i) {
          if (occurrences(tokens, group[i]) == 0) continue;
          for (std::size_t j = 0; j < group.size(); ++j) {
            if (j == i) continue;
            for (const auto& t : group[j]) {
              ++counts[t.stem];
              index[t.stem].forms.insert(t.form);
            }
          }
        }
      }
      for (const auto& [stem, n] : counts) {
        int& w = index[stem].weights[doc];
        w = std::min(kMaxWeight, w + field.weight * std::min(n, repeats));
      }
    }
  }

  // Shards by the first character of each word form.
  std::map<std::string, json> shards;
  for (const auto& [stem, postings] : index) {
    if (postings.weights.empty()) continue;
    // Forms that start with their stem ("parents", "parenting") are left out:
    // the search page matches any word that starts with a stem. Only forms
    // such as "family" (stem "famili") are listed.
    std::map<std::string, std::vector<std::string>> forms_by_key;
    forms_by_key[shard_key(stem)];
    for (const auto& f : postings.forms) {
      if (f.rfind(stem, 0) != 0) forms_by_key[shard_key(f)].push_back(f);
    }
    json list = json::array();
    std::size_t previous = 0;
    for (const auto& [doc, weight] : postings.weights) {
      list.push_back(doc - previous);
      list.push_back(weight);
      previous = doc;
    }
    for (const auto& [key, forms] : forms_by_key) {
      json& shard = shards[key];
      if (shard.is_null()) shard = json::array();
      shard.push_back(json::array({stem, forms, list}));
    }
  }

  SearchIndex result;
  json shard_names = json::object();
  std::vector<IndexFile> shard_files;
  for (const auto& [key, shard] : shards) {
    std::string bytes = shard.dump();
    const std::string name = hashed_name(key, bytes);
    shard_names[key] = name;
    shard_files.push_back({"search/" + name, std::move(bytes)});
  }

  json kinds = json::object();
  for (const auto& [kind, label] : kind_labels()) kinds[std::string(1, kind)] = label;
  json docs = json::array();
  for (const auto& d : documents) {
    json row = json::array({std::string(1, d.kind), d.route.substr(1), d.title, d.summary});
    if (!d.facets.empty()) row.push_back(json::parse(d.facets));
    docs.push_back(std::move(row));
  }
  json table = json::object();
  table["version"] = 1;
  table["kinds"] = kinds;
  table["stop"] = stop_words();
  table["shards"] = shard_names;
  table["docs"] = docs;
  std::string bytes = table.dump(-1, ' ', false, json::error_handler_t::replace);
  const std::string name = hashed_name("docs", bytes);
  result.docs_route = "/search/" + name;
  result.files.push_back({"search/" + name, std::move(bytes)});
  for (auto& f : shard_files) result.files.push_back(std::move(f));
  return result;
}

SearchIndex build_search_index(const Model& model) {
  return build_search_index(collect_documents(model), model.terms);
}

}  // namespace og::search
