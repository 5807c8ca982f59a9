#include "search/words.hpp"

#include <algorithm>
#include <set>

namespace og::search {

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

namespace {

// The glossary phrases that occur in `words`, each once, in the order of
// the groups and their phrases.
void phrases_in(const std::vector<Lexicon::Word>& words, const Lexicon& lexicon, std::vector<PhraseRef>& found) {
  found.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto* candidates = words[i].stem->phrases;
    if (!candidates) continue;
    for (const auto& ref : *candidates) {
      const auto& phrase = lexicon.groups()[ref.group][ref.phrase];
      if (i + phrase.size() > words.size()) continue;
      bool match = true;
      for (std::size_t j = 1; j < phrase.size() && match; ++j) match = words[i + j].stem == phrase[j].stem;
      if (match) found.push_back(ref);
    }
  }
  if (found.size() < 2) return;
  std::sort(found.begin(), found.end(),
            [](const auto& x, const auto& y) { return x.group != y.group ? x.group < y.group : x.phrase < y.phrase; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& x, const auto& y) { return x.group == y.group && x.phrase == y.phrase; }),
              found.end());
}

}  // namespace

DocumentWords words_of(const Document& doc, Lexicon& lexicon) {
  using Word = Lexicon::Word;
  // Each field's words count with the field's weight, body text at most
  // three times; a glossary phrase counts the words of its synonyms too.
  // Words are interned, so the same text is the same entry: counts are kept
  // on the entries, stamped with the field and document that made them.
  DocumentWords out;
  std::vector<Word> words;
  std::vector<Interned*> in_field;
  std::vector<PhraseRef> found;
  const std::uint32_t document = lexicon.next_stamp();
  for (const auto& field : doc.fields) {
    lexicon.split(field.text, words);
    const std::uint32_t stamp = lexicon.next_stamp();
    in_field.clear();
    auto count = [&](const Word& w) {
      if (w.stem->field != stamp) {
        w.stem->field = stamp;
        w.stem->count = 0;
        in_field.push_back(w.stem);
      }
      ++w.stem->count;
      if (w.form->document != document) {  // a form has one stem
        w.form->document = document;
        out.forms.emplace_back(w.stem, w.form);
      }
    };
    for (const Word& w : words) count(w);
    phrases_in(words, lexicon, found);
    for (const auto& ref : found) {
      const auto& group = lexicon.groups()[ref.group];
      for (std::size_t j = 0; j < group.size(); ++j)
        if (j != ref.phrase)
          for (const Word& w : group[j]) count(w);
    }
    const int repeats = field.weight == kBody ? kMaxBodyRepeats : 1;
    for (Interned* stem : in_field) {
      if (stem->document != document) {
        stem->document = document;
        stem->weight = 0;
        out.weights.emplace_back(stem, 0);
      }
      stem->weight += field.weight * std::min(stem->count, repeats);
    }
  }
  // Each stem's weights from every field, added up to the cap.
  for (auto& [stem, weight] : out.weights) weight = std::min(kMaxWeight, stem->weight);
  return out;
}

}  // namespace og::search
