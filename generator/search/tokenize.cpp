#include "search/tokenize.hpp"

#include <algorithm>

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

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

// Each lexicon (words.hpp) asks once for each word it meets.
std::string Stemmer::stem(std::string_view word) {
  if (!stemmer_) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  return out ? std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)))
             : std::string(word);
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
