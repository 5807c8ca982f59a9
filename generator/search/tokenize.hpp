// Words for the search index: folded to lower-case ASCII, split, stop words
// dropped and reduced to their stems, so that "parents" and "parenting" meet.
// The search page's JavaScript folds and splits queries the same way.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace og::search {

// One word of a text: the form as written (folded) and its stem.
struct Token {
  std::string form;  // "parenting"
  std::string stem;  // "parent"
};

// Lower-case ASCII letters and digits; accented Latin letters lose their
// accents ("é" -> "e"); everything else (punctuation, curly quotes) splits words.
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
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// split_words, minus stop words and one-letter words, each with its stem.
std::vector<Token> tokenize(std::string_view text, Stemmer& stemmer);

}  // namespace og::search
