#include <map>

#include "core/text.hpp"
#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

std::vector<Term> read_glossary(const YamlDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  std::vector<Term> terms;
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "glossary.yaml");
  const auto* items = r.list("terms", Need::required);
  r.finish();
  if (!items) return terms;
  std::map<std::string, int> first_line;
  for (const auto& item : *items) {
    FieldReader t(&item, src, diagnostics, "a glossary term");
    Term term;
    term.where = t.here();
    term.term = t.text("term", Need::required);
    term.id = t.text("id");
    term.stands_for = t.text("stands_for");
    term.definition = t.text("definition", Need::required);
    term.also = t.text_list("also");
    term.related = t.ref_list("related");
    if (auto b = t.boolean("sensitive")) term.sensitive = *b;
    t.finish();
    if (term.term.empty()) continue;
    if (term.id.empty())
      term.id = slugify(term.term);
    else
      check_id(diagnostics, term.where, term.id, "id");
    auto [it, inserted] = first_line.emplace(term.id, term.where.line);
    if (!inserted) {
      diagnostics.error(term.where, "the term '" + term.term + "' is defined twice",
                        "it is already defined on line " + std::to_string(it->second));
      continue;
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace og
