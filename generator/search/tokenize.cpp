#include "search/tokenize.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <libstemmer.h>

namespace og::search {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for_each_word(text, word, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

const std::vector<std::string>& stop_words() {
  static const std::vector<std::string> words = [] {
    // Only words that never tell pages apart. Question words and pronouns stay:
    // pages are called "Who can help" and "What you told us".
    std::vector<std::string> w = {"a",  "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into",
                                  "is", "it", "its", "me",  "my", "of", "on", "or", "so",  "the",  "to", "with"};
    std::sort(w.begin(), w.end());
    return w;
  }();
  return words;
}

bool is_stop_word(std::string_view word) {
  const auto& w = stop_words();
  return std::binary_search(w.begin(), w.end(), word);
}

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
  std::unordered_map<std::string, std::string> known;  // word -> stem
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {
  impl_->stemmer = sb_stemmer_new("english", "UTF_8");
}

Stemmer::~Stemmer() {
  if (impl_->stemmer) sb_stemmer_delete(impl_->stemmer);
}

std::string Stemmer::stem(std::string_view word) {
  if (!impl_->stemmer) return std::string(word);
  // Texts repeat their words: each is stemmed once per stemmer.
  std::string key(word);
  if (auto it = impl_->known.find(key); it != impl_->known.end()) return it->second;
  const sb_symbol* out =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  std::string stem =
      out ? std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)))
          : std::string(word);
  impl_->known.emplace(std::move(key), stem);
  return stem;
}

std::vector<Token> tokenize(std::string_view text, Stemmer& stemmer) {
  std::vector<Token> tokens;
  for (auto& word : split_words(text)) {
    if (word.size() < 2 && !(word[0] >= '0' && word[0] <= '9')) continue;
    if (is_stop_word(word)) continue;
    std::string stem = stemmer.stem(word);
    tokens.push_back({std::move(word), std::move(stem)});
  }
  return tokens;
}

}  // namespace og::search
