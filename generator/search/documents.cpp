#include "search/documents.hpp"

#include "core/parallel.hpp"
#include "derive/markdown.hpp"
#include "derive/service_facts.hpp"
#include "derive/urls.hpp"
#include "model/age_band.hpp"

namespace og::search {

namespace {

void add(Document& d, const std::string& text, int weight) {
  if (!text.empty()) d.fields.push_back({text, weight});
}

void add_markdown(Document& d, const Markdown& md) {
  if (!md.empty()) d.fields.push_back({plain_text_of(md), kBody});
}

// `texts`: the services' plain text (derive/service_text.hpp).
Document service_document(const Model& m, const ServiceTexts& texts, const Service& s) {
  Document d;
  d.kind = 's';
  d.route = Urls::service(s.id);
  d.title = s.name;
  d.summary = s.summary;
  add(d, s.name, kTitle);
  for (const auto& k : s.keywords) add(d, k, kKeywords);
  add(d, s.summary, kSummary);
  add(d, description_plain(m, texts, s), kBody);
  add(d, access_plain(m, texts, s), kBody);
  add(d, s.organisation, kBody);
  add(d, s.eligibility, kBody);
  for (const auto& c : s.categories)
    if (const Category* cat = m.category(c.id)) add(d, cat->name, kCategory);
  // Place names let "parenting Dewsbury" find what is on offer there.
  for (const auto& l : m.localities) {
    bool here = s.all_localities;
    for (const auto& r : s.localities) here = here || r.id == l.id;
    if (!here) continue;
    add(d, l.name, kFacet);
    for (const auto& p : l.places) add(d, p, kFacet);
  }
  // The words of the age bands a service for a narrow age range is for, so
  // that "teenager" or "baby" find it even when its text says "aged 11 to 17".
  // Services for most ages would match every band and crowd the rest out.
  if ((s.min_age || s.max_age) && s.max_age.value_or(25) - s.min_age.value_or(0) <= 8) {
    for (const auto& band : age_bands())
      if (serves_ages(s, band.min, band.max)) add(d, band.description, kFacet);
  }
  d.facets = service_facets_json(s);
  return d;
}

}  // namespace

const std::vector<std::pair<char, std::string>>& kind_labels() {
  static const std::vector<std::pair<char, std::string>> labels = {
      {'s', "Service"},  {'p', "Step by step"}, {'y', "For young people"}, {'g', "Our strategy"}, {'l', "Area"},
      {'t', "Glossary"}, {'f', "Page"}};
  return labels;
}

std::string excerpt(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::size_t stop = text.find(". ");
  if (stop != std::string::npos && stop + 1 <= limit && stop > limit / 3) return text.substr(0, stop + 1);
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut == 0) cut = limit;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  return out + "\xE2\x80\xA6";  // …
}

namespace {

void free_text(Document& d, const std::string& title, const std::string& summary, const Markdown& body) {
  const std::string plain = plain_text_of(body);
  d.title = title;
  d.summary = summary.empty() ? excerpt(plain) : summary;
  add(d, title, kTitle);
  add(d, summary, kSummary);
  add(d, plain, kBody);
}

}  // namespace

std::vector<DocumentSource> document_sources(const Model& m) {
  std::vector<DocumentSource> out;
  out.reserve(m.services.size() + m.pathways.size() + m.young_people.size() + m.strategy.size() + m.localities.size() +
              m.terms.size() + m.pages.size());
  for (std::size_t i = 0; i < m.services.size(); ++i) out.push_back({'s', i});
  for (std::size_t i = 0; i < m.pathways.size(); ++i) out.push_back({'p', i});
  for (std::size_t i = 0; i < m.young_people.size(); ++i) out.push_back({'y', i});
  for (std::size_t i = 0; i < m.strategy.size(); ++i) out.push_back({'g', i});
  for (std::size_t i = 0; i < m.localities.size(); ++i) out.push_back({'l', i});
  for (std::size_t i = 0; i < m.terms.size(); ++i) out.push_back({'t', i});
  for (std::size_t i = 0; i < m.pages.size(); ++i)
    if (m.pages[i].id != "index") out.push_back({'f', i});  // the home page
  return out;
}

Document make_document(const Model& m, const ServiceTexts& texts, const DocumentSource& source) {
  Document d;
  d.kind = source.kind;
  switch (source.kind) {
    case 's':
      return service_document(m, texts, m.services[source.index]);
    case 'p': {
      const Pathway& p = m.pathways[source.index];
      d.route = Urls::pathway(p.id);
      d.title = p.title;
      d.summary = p.summary;
      add(d, p.title, kTitle);
      add(d, p.summary, kSummary);
      add_markdown(d, p.introduction);
      for (const auto& step : p.steps) {
        add(d, step.title, kBody);
        add_markdown(d, step.text);
      }
      break;
    }
    case 'y': {
      const YoungPeoplePage& y = m.young_people[source.index];
      d.route = y.id == "index" ? Urls::young_people() : Urls::young_people_page(y.id);
      free_text(d, y.title, y.summary, y.body);
      for (const auto& q : y.quotes) add(d, q.text, kBody);
      break;
    }
    case 'g': {
      const StrategyPart& g = m.strategy[source.index];
      d.route = g.id == "index" ? Urls::strategy() : Urls::strategy_part(g.id);
      free_text(d, g.title, g.summary, g.body);
      for (const auto& item : g.items) add(d, item, kSummary);
      for (const auto& a : g.actions) add(d, a.what, kBody);
      break;
    }
    case 'l': {
      const Locality& l = m.localities[source.index];
      d.route = Urls::locality(l.id);
      free_text(d, l.name, l.summary, l.description);
      for (const auto& p : l.places) add(d, p, kKeywords);
      for (const auto& h : l.hubs) add(d, h, kCategory);
      break;
    }
    case 't': {
      const Term& t = m.terms[source.index];
      d.route = Urls::term(t.id);
      d.title = t.stands_for.empty() ? t.term : t.term + " (" + t.stands_for + ")";
      d.summary = t.definition;
      add(d, t.term, kTitle);
      add(d, t.stands_for, kTitle);
      for (const auto& a : t.also) add(d, a, kKeywords);
      add(d, t.definition, kSummary);
      break;
    }
    case 'f': {
      const Page& p = m.pages[source.index];
      d.route = Urls::page(p.id);
      free_text(d, p.title, p.summary, p.body);
      break;
    }
    default:
      break;
  }
  return d;
}

}  // namespace og::search
