#include "documents/pathway_guide.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace og {

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
}

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

bool find_word(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (std::size_t pos = text.find(phrase); pos != std::string_view::npos; pos = text.find(phrase, pos + 1)) {
    const bool start = pos == 0 || !word_char(text[pos - 1]);
    const std::size_t end = pos + phrase.size();
    const bool finish = end >= text.size() || !word_char(text[end]);
    if (start && finish) return true;
  }
  return false;
}

}  // namespace

const char* audience_label(const std::string& audience) {
  if (audience == "practitioners") return "For practitioners";
  if (audience == "young-people") return "For young people";
  return "For families";
}

bool mentions(std::string_view text, std::string_view phrase) {
  if (has_lower(phrase)) return find_word(to_lower_ascii(text), to_lower_ascii(phrase));
  return find_word(text, phrase);
}

std::vector<GuideStep> guide_steps(const Model& model, const Pathway& pathway) {
  std::vector<GuideStep> steps;
  int number = 0;
  for (const auto& step : pathway.steps) {
    GuideStep g;
    g.step = &step;
    if (step.join == StepJoin::next || number == 0) ++number;
    g.number = number;
    g.logic = step.join == StepJoin::and_ ? "and" : step.join == StepJoin::or_ ? "or" : "";
    for (const auto& ref : step.services)
      if (const Service* s = model.service(ref.id)) g.services.push_back(s);
    steps.push_back(std::move(g));
  }
  return steps;
}

std::vector<const Term*> terms_used(const Model& model, const Pathway& pathway) {
  std::string text = pathway.title + "\n" + pathway.summary + "\n" + pathway.introduction.text;
  for (const auto& step : pathway.steps) {
    text += "\n" + step.title + "\n" + step.text.text;
    // The guide prints how to reach each service, so their words count too.
    for (const auto& ref : step.services)
      if (const Service* s = model.service(ref.id))
        text += "\n" + s->name + "\n" + s->summary + "\n" + s->how_to_access.text;
  }
  std::vector<const Term*> used;
  for (const auto& term : model.terms) {  // already A to Z
    bool found = mentions(text, term.term);
    for (const auto& other : term.also) found = found || mentions(text, other);
    if (found) used.push_back(&term);
  }
  return used;
}

}  // namespace og
