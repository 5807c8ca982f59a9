// The search tokenizer and a document's words (search/tokenize.hpp,
// search/words.hpp). The input's first three lines are a glossary term, what
// it stands for and another spelling (a synonym group); the rest is a
// document's text, as a title and a body. Checks: every word is lower-case
// ASCII letters and digits, tokens have stems, each stem's weight is within
// the cap, and an excerpt of valid UTF-8 is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "search/documents.hpp"
#include "search/tokenize.hpp"
#include "search/words.hpp"

namespace {

using namespace og;
using namespace og::search;

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "%s: '%.*s'\n", what, static_cast<int>(text.size()), text.data());
  std::abort();
}

bool folded(std::string_view word) {
  if (word.empty()) return false;
  for (const char c : word)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string_view next_line(std::string_view& rest) {
  const std::size_t nl = rest.find('\n');
  const std::string_view line = rest.substr(0, nl);
  rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Stemmer stemmer;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const bool utf8 = !find_invalid_utf8(rest);

  for (const std::string& word : split_words(rest))
    if (!folded(word)) fail("a word not folded", word);
  for (const Token& t : tokenize(rest, stemmer)) {
    if (!folded(t.form) || (t.form.size() < 2 && !(t.form[0] >= '0' && t.form[0] <= '9'))) fail("a token", t.form);
    if (t.stem.empty() || is_stop_word(t.form)) fail("a token's stem", t.form);
  }
  const std::string text(rest);
  for (const std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{20}, std::size_t{160}}) {
    const std::string cut = excerpt(text, limit);
    if (utf8 && find_invalid_utf8(cut)) fail("an excerpt cut a character", cut);
  }

  Term term;
  term.term = std::string(next_line(rest));
  term.stands_for = std::string(next_line(rest));
  term.also.emplace_back(next_line(rest));
  const std::vector<SynonymGroup> groups = synonym_groups({term}, stemmer);
  Lexicon lexicon(groups);
  Document doc;
  doc.title = std::string(next_line(rest));
  doc.fields = {{doc.title, kTitle}, {std::string(rest), kBody}};
  const DocumentWords words = words_of(doc, lexicon);
  for (const auto& [stem, weight] : words.weights)
    if (weight < 1 || weight > kMaxWeight) fail("a weight out of range", stem->text);
  for (const auto& [stem, form] : words.forms)
    if (!folded(form->text)) fail("a form not folded", form->text);
  return 0;
}
