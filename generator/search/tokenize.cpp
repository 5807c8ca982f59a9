#include "search/tokenize.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <libstemmer.h>

namespace og::search {

namespace {

// U+00C0 to U+00FF without their accents, in order; '\0' splits words (× and ÷).
constexpr char kLatin1Letters[] =
    "aaaaaaaceeeeiiii"
    "dnooooo\0ouuuuyts"  // U+00C0..U+00DF
    "aaaaaaaceeeeiiii"
    "dnooooo\0ouuuuyty";  // U+00E0..U+00FF
static_assert(sizeof(kLatin1Letters) == 64 + 1);
constexpr std::string_view kLatin1(kLatin1Letters, 64);

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // U+00C0..U+00FF are C3 80..C3 BF in UTF-8.
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const char folded = next >= 0x80 && next <= 0xBF ? kLatin1[next - 0x80] : '\0';
      ++i;
      if (folded == '\0')
        flush();
      else
        word += folded;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

const std::vector<std::string>& stop_words() {
  static const std::vector<std::string> words = [] {
    // Only words that never tell pages apart. Question words and pronouns stay:
    // pages are called "Who can help" and "What you told us".
    std::vector<std::string> w = {"a",   "an",   "and", "are",  "as", "at",  "be",  "by",
                                  "for", "from", "in",  "into", "is", "it",  "its", "me",
                                  "my",  "of",   "on",  "or",   "so", "the", "to",  "with"};
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
  std::map<std::string, std::string, std::less<>> known;  // word -> stem
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
  if (auto it = impl_->known.find(word); it != impl_->known.end()) return it->second;
  const sb_symbol* out =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                       static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)))
                         : std::string(word);
  impl_->known.emplace(std::string(word), stem);
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
