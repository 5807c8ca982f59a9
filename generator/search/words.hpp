// A document's words for the search index: each word folded, stemmed and
// counted with the weight of the field it is in, glossary phrases counted
// with their synonyms' words too. Each thread has its own Lexicon, so that
// the hot loop takes no lock; index_builder.cpp merges what they find.
#pragma once

#include <cstdint>
#include <cstring>
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

// Each word a lexicon has seen, found by its text with one probe of a flat
// table (a page's every word is looked up here: std::unordered_map's nodes
// cost a cache miss or two a word). V is the value kept for a word.
template <typename V>
class WordTable {
 public:
  WordTable() : slots_(1024) {}

  // A word's bytes in one or two loads (the longer words eight bytes at a
  // step), mixed so that the low bits that pick a slot depend on every
  // byte. Only this table sees it.
  static std::uint64_t hash(std::string_view word) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ word.size();
    const char* p = word.data();
    std::size_t n = word.size();
    auto mix = [&](std::uint64_t v) {
      h = (h ^ v) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    };
    for (; n > 8; p += 8, n -= 8) mix(load64(p));
    // The last one to eight bytes: overlapping loads of what is there (the
    // length, mixed in above, tells the overlaps apart).
    if (n == 8)
      mix(load64(p));
    else if (n >= 4)
      mix(load32(p) | (load32(p + n - 4) << 32));
    else if (n > 0)
      mix(static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16));
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
  }

  const V* find(std::string_view word, std::uint64_t h) const {
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == h && slot.size == word.size() && same(keys_.data() + slot.at, word)) return &slot.value;
    }
  }

  void insert(std::string_view word, std::uint64_t h, V value) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(Slot{h, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(word.size()), true, value});
    keys_.append(word);
    ++count_;
  }

 private:
  // Eight or four bytes of a word in one load.
  static std::uint64_t load64(const char* at) {
    std::uint64_t v;
    std::memcpy(&v, at, 8);
    return v;
  }
  static std::uint64_t load32(const char* at) {
    std::uint32_t v;
    std::memcpy(&v, at, 4);
    return v;
  }

  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t at = 0, size = 0;  // the word in keys_
    bool used = false;
    V value{};
  };

  // Whether the `word.size()` bytes at `at` are `word`: most words are
  // short, and a call to memcmp() for each costs more than the compare.
  static bool same(const char* at, std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    if (n > 16) return std::memcmp(at, p, n) == 0;
    if (n >= 8) return load64(at) == load64(p) && load64(at + n - 8) == load64(p + n - 8);
    if (n >= 4) return load32(at) == load32(p) && load32(at + n - 4) == load32(p + n - 4);
    for (std::size_t i = 0; i < n; ++i)
      if (at[i] != p[i]) return false;
    return true;
  }

  void place(const Slot& slot) {
    std::size_t i = slot.hash & (slots_.size() - 1);
    while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.used) place(slot);
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
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
    const std::uint64_t h = WordTable<Word>::hash(text);
    if (const Word* known = words_.find(text, h)) return *known;
    const std::string word(text);
    Word w{intern(forms_, word), nullptr};
    const bool keep = !(word.size() < 2 && !(word[0] >= '0' && word[0] <= '9')) && !is_stop_word(word);
    if (keep) w.stem = intern(stems_, stemmer_.stem(word));
    words_.insert(text, h, w);
    return w;
  }

  Stemmer stemmer_;
  std::string buffer_;
  WordTable<Word> words_;
  std::unordered_map<std::string, std::unique_ptr<Interned>> forms_, stems_;
  std::vector<std::vector<std::vector<Word>>> groups_;
  std::unordered_map<Interned*, std::vector<PhraseRef>> starting_;
  std::uint32_t stamp_ = 0;
};

// Each field's words with the field's weight, body text at most
// kMaxBodyRepeats times; a glossary phrase counts its synonyms' words too.
DocumentWords words_of(const Document& doc, Lexicon& lexicon);

}  // namespace og::search
