#include <algorithm>
#include <cctype>

#include "render/page_data.hpp"

namespace og {

PageData glossary_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "glossary";
  p.title = "Glossary";
  p.description = "Words and abbreviations used by services, explained in plain English.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  // One page shows every term, so one sensitive term puts the control on it.
  p.sensitive = std::any_of(env.model.terms.begin(), env.model.terms.end(), [](const Term& t) { return t.sensitive; });

  // Group the terms by first letter, A to Z; anything else goes under "#".
  mustache::data letters{mustache::data::type::list};
  std::string current;
  mustache::data terms{mustache::data::type::list};
  auto flush = [&] {
    if (current.empty()) return;
    mustache::data letter;
    letter.set("letter", current);
    letter.set("id",
               "letter-" +
                   std::string(current == "#" ? "other" : std::string(1, static_cast<char>(std::tolower(current[0])))));
    letter.set("terms", terms);
    letters.push_back(letter);
    terms = mustache::data{mustache::data::type::list};
  };
  for (const auto& t : env.model.terms) {
    const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(t.term.empty() ? '#' : t.term[0])));
    const std::string letter = (first >= 'A' && first <= 'Z') ? std::string(1, first) : "#";
    if (letter != current) {
      flush();
      current = letter;
    }
    mustache::data item;
    item.set("id", t.id);
    item.set("term", t.term);
    put(item, "stands_for", t.stands_for);
    item.set("definition", t.definition);
    std::string also;
    for (std::size_t i = 0; i < t.also.size(); ++i) also += (i ? ", " : "") + t.also[i];
    put(item, "also", also);
    mustache::data related{mustache::data::type::list};
    std::vector<const Term*> others;
    for (const auto& r : t.related)
      if (const Term* other = env.model.term(r.id)) others.push_back(other);
    for (std::size_t i = 0; i < others.size(); ++i) {
      mustache::data link = link_item(others[i]->term, "#" + others[i]->id);
      link.set("last", i + 1 == others.size());
      related.push_back(link);
    }
    item.set("has_related", !others.empty());
    item.set("related", related);
    terms.push_back(item);
  }
  flush();
  p.data.set("letters", letters);
  p.data.set("count", std::to_string(env.model.terms.size()));
  return p;
}

}  // namespace og
