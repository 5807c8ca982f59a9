// A document's words for the search index: each word folded, stemmed and
// counted with the weight of the field it is in, glossary phrases counted
// with their synonyms' words too. Each thread has its own Lexicon, so that
// the hot loop takes no lock; index_builder.cpp merges what they find.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/glossary.hpp"
#include "search/documents.hpp"
#include "search/tokenize.hpp"

namespace og::search {

// A posting's weight is capped so that one long page cannot drown the rest.
constexpr int kMaxWeight = 40;
// Body text counts each word at most this many times.
constexpr int kMaxBodyRepeats = 3;

// A glossary term with its abbreviation, expansion and other spellings: a
// document that writes any of them is found by all of them.
using Phrase = std::vector<Token>;
using SynonymGroup = std::vector<Phrase>;
std::vector<SynonymGroup> synonym_groups(const std::vector<Term>& terms, Stemmer& stemmer);

// A phrase of a synonym group: Lexicon::groups()[group][phrase].
struct PhraseRef {
  std::size_t group, phrase;
};

// A word or stem as a thread's lexicon holds it, once, with the builder's
// number for it once merge() has seen it (so that the builder looks it up
// by its text only the first time), and words_of()'s counts.
struct Interned {
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::string text;
  std::uint32_t id = kNone;
  // Stems only: the glossary phrases whose first word has this stem.
  const std::vector<PhraseRef>* phrases = nullptr;
  // words_of(): the field and the document that last counted it (their
  // stamps), and its count in that field and weight in that document.
  std::uint32_t field = 0, document = 0;
  int count = 0, weight = 0;
};

// One document's words: each stem's weight, and the forms it was written in,
// each once, in the order they first occur.
struct DocumentWords {
  std::vector<std::pair<Interned*, int>> weights;
  std::vector<std::pair<Interned*, Interned*>> forms;  // (stem, form)
};

// One thread's words: each folded word once, with its stem, so that a word
// is looked up by one hash and compared by its address from then on.
class Lexicon {
 public:
  struct Word {
    Interned* form;
    Interned* stem;  // null: a stop word or a single letter
  };

  explicit Lexicon(const std::vector<SynonymGroup>& groups) {
    for (const auto& group : groups) {
      auto& g = groups_.emplace_back();
      for (const auto& phrase : group) {
        auto& p = g.emplace_back();
        for (const auto& t : phrase) p.push_back({intern(forms_, t.form), intern(stems_, t.stem)});
      }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g)
      for (std::size_t i = 0; i < groups_[g].size(); ++i)
        if (!groups_[g][i].empty()) starting_[groups_[g][i][0].stem].push_back({g, i});
    for (auto& [stem, phrases] : starting_) stem->phrases = &phrases;
  }

  // The words of `text`, as tokenize() finds them.
  void split(std::string_view text, std::vector<Word>& out) {
    out.clear();
    for_each_word(text, buffer_, [&](std::string_view word) {
      const Word w = lookup(word);
      if (w.stem) out.push_back(w);
    });
  }

  // Each group's phrases as the stems of their words (and their forms).
  const std::vector<std::vector<std::vector<Word>>>& groups() const { return groups_; }

  // A number no field or document has had yet (words_of()'s stamps).
  std::uint32_t next_stamp() { return ++stamp_; }

 private:
  static Interned* intern(std::unordered_map<std::string, std::unique_ptr<Interned>>& set, const std::string& s) {
    auto& slot = set[s];
    if (!slot) slot = std::make_unique<Interned>(Interned{s});
    return slot.get();
  }

  Word lookup(std::string_view text) {
    if (auto known = words_.find(text); known != words_.end()) return known->second;
    const std::string word(text);
    Word w{intern(forms_, word), nullptr};
    const bool keep = !(word.size() < 2 && !(word[0] >= '0' && word[0] <= '9')) && !is_stop_word(word);
    if (keep) w.stem = intern(stems_, stemmer_.stem(word));
    words_.emplace(word, w);
    return w;
  }

  // Looks a word up by a string_view, without making a string of it.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };

  Stemmer stemmer_;
  std::string buffer_;
  std::unordered_map<std::string, Word, WordHash, std::equal_to<>> words_;
  std::unordered_map<std::string, std::unique_ptr<Interned>> forms_, stems_;
  std::vector<std::vector<std::vector<Word>>> groups_;
  std::unordered_map<Interned*, std::vector<PhraseRef>> starting_;
  std::uint32_t stamp_ = 0;
};

// Each field's words with the field's weight, body text at most
// kMaxBodyRepeats times; a glossary phrase counts its synonyms' words too.
DocumentWords words_of(const Document& doc, Lexicon& lexicon);

}  // namespace og::search
