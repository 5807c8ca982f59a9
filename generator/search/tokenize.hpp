// Words for the search index: folded to lower-case ASCII, split, stop words
// dropped and reduced to their stems, so that "parents" and "parenting" meet.
// The search page's JavaScript folds and splits queries the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace og::search {

// One word of a text: the form as written (folded) and its stem.
struct Token {
  std::string form;  // "parenting"
  std::string stem;  // "parent"
};

// U+00C0 to U+00FF without their accents, in order; '\0' splits words (× and ÷).
inline constexpr char kLatin1Letters[] =
    "aaaaaaaceeeeiiii"
    "dnooooo\0ouuuuyts"  // U+00C0..U+00DF
    "aaaaaaaceeeeiiii"
    "dnooooo\0ouuuuyty";  // U+00E0..U+00FF
static_assert(sizeof(kLatin1Letters) == 64 + 1);

// Calls on_word(word) for each word of `text`, folded: lower-case ASCII
// letters and digits; accented Latin letters lose their accents ("é" -> "e");
// everything else (punctuation, curly quotes) splits words. `word` is a
// string_view into `buffer`, which the caller keeps so that no word
// allocates; it is valid only during the call.
template <typename OnWord>
void for_each_word(std::string_view text, std::string& buffer, OnWord&& on_word) {
  buffer.clear();
  auto flush = [&] {
    if (buffer.empty()) return;
    on_word(std::string_view(buffer));
    buffer.clear();
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      buffer += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      buffer += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < n) {
      // U+00C0..U+00FF are C3 80..C3 BF in UTF-8.
      const auto next = static_cast<unsigned char>(text[++i]);
      const char folded = next >= 0x80 && next <= 0xBF ? kLatin1Letters[next - 0x80] : '\0';
      if (folded == '\0')
        flush();
      else
        buffer += folded;
    } else {
      flush();
    }
  }
  flush();
}

// The words of `text`, as for_each_word() finds them.
std::vector<std::string> split_words(std::string_view text);

// Words too common to help find anything ("the", "with", "my").
bool is_stop_word(std::string_view word);
const std::vector<std::string>& stop_words();  // sorted, for the JavaScript

// The Snowball English stemmer. Not shareable between threads: one per builder.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

// split_words, minus stop words and one-letter words, each with its stem.
std::vector<Token> tokenize(std::string_view text, Stemmer& stemmer);

}  // namespace og::search
