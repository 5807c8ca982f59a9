#include "search/index_builder.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "core/json_writer.hpp"
#include "core/parallel.hpp"
#include "search/tokenize.hpp"
#include "search/words.hpp"

namespace og::search {

namespace {

using json = nlohmann::ordered_json;

// Documents indexed at once by add_all(): their words wait in memory until
// they are merged, so a large site never holds every document's words.
constexpr std::size_t kBlock = 512;

std::string shard_key(const std::string& form) {
  const char c = form.empty() ? '_' : form[0];
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? std::string(1, c) : "_";
}

std::string hashed_name(const std::string& stem, const std::string& bytes) {
  return stem + "." + short_hash(bytes) + ".json";
}

// [kind, address, title, summary, facets?]; the facets are JSON already.
std::string document_row(const Document& d) {
  std::string row;
  row.reserve(d.route.size() + d.title.size() + d.summary.size() + d.facets.size() + 16);
  JsonWriter j(row, 0, JsonWriter::Layout::compact);
  j.begin_array();
  j.value(std::string_view(&d.kind, 1));
  j.value(std::string_view(d.route).substr(1));
  j.value(d.title);
  j.value(d.summary);
  if (!d.facets.empty()) j.raw(d.facets);
  j.end_array();
  return row;
}

std::string dumped(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The start of the document table, the same for every site of this version:
// {"version":1,"kinds":{...},"stop":[...],"shards":
const std::string& table_start() {
  static const std::string start = [] {
    json kinds = json::object();
    for (const auto& [kind, label] : kind_labels()) kinds[std::string(1, kind)] = label;
    return "{\"version\":1,\"kinds\":" + dumped(kinds) + ",\"stop\":" + dumped(json(stop_words())) + ",\"shards\":";
  }();
  return start;
}

}  // namespace

struct SearchIndexBuilder::Impl {
  // One document's words by stem number, kept for replace().
  struct Terms {
    std::vector<std::pair<std::uint32_t, int>> weights;          // (stem, weight)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forms;  // (stem, form)
  };
  struct Stem {
    std::string text;
    std::vector<std::pair<std::uint32_t, int>> postings;  // (document, weight), by document
    std::vector<std::pair<std::uint32_t, int>> forms;     // (form, documents that wrote it); a stem has few
    std::vector<std::string> in_shards;                   // the shards that hold a piece of it
    bool dirty = false;
  };
  struct Shard {
    std::map<std::string, std::string> pieces;  // stem -> ["stem",[forms],[postings]]
    bool dirty = true;
    std::string name;
    std::shared_ptr<std::string> bytes;
  };

  Stemmer stemmer;
  std::vector<SynonymGroup> groups;
  std::unique_ptr<Lexicon> lexicon;  // replace()'s
  // add_all()'s, one per worker (the Snowball stemmer is not shared between
  // threads), kept from one call to the next so that a word is stemmed once.
  std::vector<std::unique_ptr<Lexicon>> lexicons;
  std::vector<Stem> stems;
  std::unordered_map<std::string, std::uint32_t> stem_ids;
  std::vector<std::string> form_texts;
  std::unordered_map<std::string, std::uint32_t> form_ids;
  std::vector<std::uint32_t> dirty_stems;
  std::map<std::string, Shard> shards;
  std::vector<Terms> terms;  // by document, with keep_terms
  bool table_dirty = true;
  std::shared_ptr<std::string> docs_bytes;
  unsigned jobs = 1;  // add_all()'s, for the files too

  void touch(std::uint32_t stem) {
    if (!stems[stem].dirty) {
      stems[stem].dirty = true;
      dirty_stems.push_back(stem);
    }
  }

  // The builder's number for a lexicon's stem or form, looked up by its
  // text the first time only.
  std::uint32_t stem_id(Interned& stem) {
    if (stem.id == Interned::kNone) {
      auto [it, added] = stem_ids.try_emplace(stem.text, static_cast<std::uint32_t>(stems.size()));
      if (added) stems.emplace_back().text = stem.text;
      stem.id = it->second;
    }
    return stem.id;
  }
  std::uint32_t form_id(Interned& form) {
    if (form.id == Interned::kNone) {
      auto [it, added] = form_ids.try_emplace(form.text, static_cast<std::uint32_t>(form_texts.size()));
      if (added) form_texts.push_back(form.text);
      form.id = it->second;
    }
    return form.id;
  }

  // Document `doc`'s posting in a stem's postings, or where it would go.
  static auto posting(std::vector<std::pair<std::uint32_t, int>>& postings, std::uint32_t doc) {
    return std::lower_bound(postings.begin(), postings.end(), std::make_pair(doc, 0));
  }

  // Adds a document's words. `touch_all`: every stem it has is written again;
  // otherwise only those that gain a form (replace() decides about weights).
  Terms merge(std::uint32_t doc, const DocumentWords& words, bool keep, bool touch_all = true) {
    Terms kept;
    for (const auto& [stem, weight] : words.weights) {
      const std::uint32_t id = stem_id(*stem);
      auto& postings = stems[id].postings;
      if (postings.empty() || postings.back().first < doc) {
        postings.emplace_back(doc, weight);
      } else {
        auto at = posting(postings, doc);
        if (at != postings.end() && at->first == doc)
          at->second = weight;  // left by remove()
        else
          postings.insert(at, {doc, weight});
      }
      if (touch_all) touch(id);
      if (keep) kept.weights.emplace_back(id, weight);
    }
    for (const auto& [stem, form] : words.forms) {
      const std::uint32_t id = stem_id(*stem);
      const std::uint32_t f = form_id(*form);
      auto& forms = stems[id].forms;
      // (Named again for the lambda: clang before 16 cannot capture a structured binding.)
      auto it = std::find_if(forms.begin(), forms.end(), [&form = f](const auto& p) { return p.first == form; });
      if (it == forms.end()) {
        forms.emplace_back(f, 1);
        touch(id);
      } else {
        ++it->second;
        if (touch_all) touch(id);
      }
      if (keep) kept.forms.emplace_back(id, f);
    }
    return kept;
  }

  // Takes a document's words out; a stem that loses a form is written again
  // (replace() decides about weights). Its postings stay, with weight 0, so
  // that merge() sets the weight of a stem the document still has in place
  // (a common stem's postings are thousands long: no erase and insert);
  // sweep() then drops those still at 0.
  void remove(std::uint32_t doc, const Terms& old) {
    for (const auto& [id, weight] : old.weights) {
      auto at = posting(stems[id].postings, doc);
      if (at != stems[id].postings.end() && at->first == doc) at->second = 0;
    }
    for (const auto& [id, f] : old.forms) {
      auto& forms = stems[id].forms;
      // (Named again for the lambda: clang before 16 cannot capture a structured binding.)
      auto it = std::find_if(forms.begin(), forms.end(), [&form = f](const auto& p) { return p.first == form; });
      if (it != forms.end() && --it->second == 0) {
        forms.erase(it);
        touch(id);
      }
    }
  }

  void sweep(std::uint32_t doc, const Terms& old) {
    for (const auto& [id, weight] : old.weights) {
      auto at = posting(stems[id].postings, doc);
      if (at != stems[id].postings.end() && at->first == doc && at->second == 0) stems[id].postings.erase(at);
    }
  }

  // The stems whose weight for a document differs between two sets of its
  // words: only their pieces change.
  void touch_changed_weights(const Terms& before, const Terms& after) {
    std::unordered_map<std::uint32_t, int> old_weight(before.weights.begin(), before.weights.end());
    for (const auto& [id, weight] : after.weights) {
      auto it = old_weight.find(id);
      if (it == old_weight.end() || it->second != weight) touch(id);
      if (it != old_weight.end()) old_weight.erase(it);
    }
    for (const auto& [id, weight] : old_weight) touch(id);
  }

  // A stem's piece of each shard it belongs in: (shard key, piece).
  std::vector<std::pair<std::string, std::string>> pieces_of(const Stem& stem) const {
    // Forms that start with their stem ("parents", "parenting") are left
    // out: the search page matches any word that starts with a stem. Only
    // forms such as "family" (stem "famili") are listed.
    std::vector<const std::string*> forms;
    for (const auto& [f, count] : stem.forms) forms.push_back(&form_texts[f]);
    std::sort(forms.begin(), forms.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    std::map<std::string, std::vector<std::string>> forms_by_key;
    forms_by_key[shard_key(stem.text)];
    for (const std::string* form : forms)
      if (form->rfind(stem.text, 0) != 0) forms_by_key[shard_key(*form)].push_back(*form);
    std::string list = "[";
    std::uint32_t previous = 0;
    list.reserve(stem.postings.size() * 7 + 2);
    char number[16];
    for (const auto& [doc, weight] : stem.postings) {
      if (list.size() > 1) list += ',';
      list.append(number, std::to_chars(number, number + sizeof number, doc - previous).ptr);
      list += ',';
      list.append(number, std::to_chars(number, number + sizeof number, weight).ptr);
      previous = doc;
    }
    list += ']';
    const std::string quoted = json(stem.text).dump();
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, forms] : forms_by_key)
      out.emplace_back(key, "[" + quoted + "," + json(forms).dump() + "," + list + "]");
    return out;
  }

  // Writes the pieces of the stems that changed into their shards, and joins
  // the shards that changed, on up to `jobs` threads. `spend`: the builder
  // makes its files once (a build), so each stem's postings go as soon as its
  // piece is made, and each shard's pieces once it is joined.
  void update_pieces(unsigned jobs, bool spend = false) {
    for (const std::uint32_t id : dirty_stems) {
      Stem& stem = stems[id];
      stem.dirty = false;
      for (const auto& key : stem.in_shards) {
        Shard& shard = shards[key];
        shard.pieces.erase(stem.text);
        shard.dirty = true;
      }
      stem.in_shards.clear();
    }
    // An edit in the preview touches a few stems: no threads for those.
    constexpr std::size_t kFewStems = 256;
    std::vector<std::vector<std::pair<std::string, std::string>>> made(dirty_stems.size());
    parallel_for(dirty_stems.size(), dirty_stems.size() > kFewStems ? jobs : 1, [&](std::size_t k) {
      Stem& stem = stems[dirty_stems[k]];
      if (stem.postings.empty()) return;
      made[k] = pieces_of(stem);
      if (spend) {
        std::vector<std::pair<std::uint32_t, int>>().swap(stem.postings);
        std::vector<std::pair<std::uint32_t, int>>().swap(stem.forms);
      }
    });
    for (std::size_t k = 0; k < dirty_stems.size(); ++k) {
      Stem& stem = stems[dirty_stems[k]];
      for (auto& [key, piece] : made[k]) {
        Shard& shard = shards[key];
        shard.pieces[stem.text] = std::move(piece);
        shard.dirty = true;
        stem.in_shards.push_back(key);
      }
    }
    dirty_stems.clear();
    std::vector<std::pair<const std::string*, Shard*>> to_join;  // (key, shard)
    for (auto it = shards.begin(); it != shards.end();) {
      if (it->second.pieces.empty()) {
        it = shards.erase(it);
        table_dirty = true;
        continue;
      }
      if (it->second.dirty) {
        to_join.emplace_back(&it->first, &it->second);
        table_dirty = true;
      }
      ++it;
    }
    parallel_for(to_join.size(), made.size() > kFewStems ? jobs : 1, [&](std::size_t k) {
      Shard& shard = *to_join[k].second;
      std::size_t size = 2;
      for (const auto& [stem, piece] : shard.pieces) size += piece.size() + 1;
      std::string bytes;
      bytes.reserve(size);
      bytes += '[';
      for (const auto& [stem, piece] : shard.pieces) {
        if (bytes.size() > 1) bytes += ',';
        bytes += piece;
      }
      bytes += ']';
      shard.name = hashed_name(*to_join[k].first, bytes);
      shard.bytes = std::make_shared<std::string>(std::move(bytes));
      shard.dirty = false;
      if (spend) decltype(shard.pieces)().swap(shard.pieces);
    });
  }
};

SearchIndexBuilder::SearchIndexBuilder(const std::vector<Term>& terms, bool keep_terms)
    : impl_(std::make_unique<Impl>()), keep_terms_(keep_terms) {
  impl_->groups = synonym_groups(terms, impl_->stemmer);
}

SearchIndexBuilder::~SearchIndexBuilder() = default;

void SearchIndexBuilder::add_all(std::size_t count, unsigned jobs, const std::function<Document(std::size_t)>& make) {
  Impl& m = *impl_;
  const std::size_t first = rows_.size();
  rows_.resize(first + count);
  if (keep_terms_) m.terms.resize(first + count);
  if (m.lexicons.size() < std::max(1u, jobs)) m.lexicons.resize(std::max(1u, jobs));
  m.jobs = jobs;
  std::vector<DocumentWords> words;
  for (std::size_t start = 0; start < count; start += kBlock) {
    const std::size_t n = std::min(kBlock, count - start);
    words.assign(n, {});
    parallel_for_workers(n, jobs, [&](std::size_t k, unsigned worker) {
      auto& lexicon = m.lexicons[worker];
      if (!lexicon) lexicon = std::make_unique<Lexicon>(m.groups);
      const Document d = make(start + k);
      words[k] = words_of(d, *lexicon);
      rows_[first + start + k] = document_row(d);
    });
    // Merged in document order, on one thread.
    for (std::size_t k = 0; k < n; ++k) {
      const auto doc = static_cast<std::uint32_t>(first + start + k);
      Impl::Terms kept = m.merge(doc, words[k], keep_terms_);
      if (keep_terms_) m.terms[doc] = std::move(kept);
    }
  }
  m.table_dirty = true;
}

void SearchIndexBuilder::add_all(const std::vector<Document>& documents, unsigned jobs) {
  add_all(documents.size(), jobs, [&](std::size_t i) { return documents[i]; });
}

void SearchIndexBuilder::add_all(const Model& model, const ServiceTexts& texts, unsigned jobs) {
  const std::vector<DocumentSource> sources = document_sources(model);
  add_all(sources.size(), jobs, [&](std::size_t i) { return make_document(model, texts, sources[i]); });
}

void SearchIndexBuilder::replace(std::size_t index, const Document& document) {
  Impl& m = *impl_;
  const auto doc = static_cast<std::uint32_t>(index);
  if (!m.lexicon) m.lexicon = std::make_unique<Lexicon>(m.groups);
  if (keep_terms_) {
    // Only the stems whose weight or forms change are written again: an edit
    // of a summary touches a few stems, not every stem the document has.
    m.remove(doc, m.terms[index]);
    Impl::Terms kept = m.merge(doc, words_of(document, *m.lexicon), true, false);
    m.sweep(doc, m.terms[index]);
    m.touch_changed_weights(m.terms[index], kept);
    m.terms[index] = std::move(kept);
  } else {
    m.merge(doc, words_of(document, *m.lexicon), false);
  }
  std::string row = document_row(document);
  if (row != rows_[index]) {
    rows_[index] = std::move(row);
    m.table_dirty = true;
  }
}

std::vector<SearchIndexBuilder::SharedFile> SearchIndexBuilder::shared_files() {
  return shared_files(false);
}

std::vector<SearchIndexBuilder::SharedFile> SearchIndexBuilder::shared_files(bool spend) {
  Impl& m = *impl_;
  m.update_pieces(m.jobs, spend);
  if (m.table_dirty || !m.docs_bytes) {
    const std::string& start = table_start();
    std::size_t size = start.size() + 16;
    for (const auto& row : rows_) size += row.size() + 1;
    for (const auto& [key, shard] : m.shards) size += key.size() + shard.name.size() + 6;
    std::string table;
    table.reserve(size);
    table += start;
    table += '{';
    bool first = true;
    for (const auto& [key, shard] : m.shards) {
      if (!first) table += ',';
      first = false;
      table += dumped(json(key));
      table += ':';
      table += dumped(json(shard.name));
    }
    table += "},\"docs\":[";
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (i) table += ',';
      table += rows_[i];
    }
    table += "]}";
    m.docs_bytes = std::make_shared<std::string>(std::move(table));
    m.table_dirty = false;
  }
  std::vector<SharedFile> files;
  files.push_back({std::string(kTableRoute).substr(1), m.docs_bytes});
  for (const auto& [key, shard] : m.shards) files.push_back({"search/" + shard.name, shard.bytes});
  return files;
}

SearchIndex SearchIndexBuilder::take_files() && {
  SearchIndex result;
  auto files = shared_files(true);
  // Only `files` holds the bytes now: they are moved out, not copied.
  impl_ = std::make_unique<Impl>();
  rows_ = {};
  for (auto& f : files)
    result.files.push_back({std::move(f.path), std::move(*std::const_pointer_cast<std::string>(f.bytes))});
  return result;
}

SearchIndex build_search_index(const std::vector<Document>& documents, const std::vector<Term>& terms) {
  SearchIndexBuilder builder(terms, false);
  builder.add_all(documents, 1);
  return std::move(builder).take_files();
}

}  // namespace og::search
