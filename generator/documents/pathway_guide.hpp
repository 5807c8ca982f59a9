// What a pathway's step-by-step page and its printable guide hold: the steps
// numbered as GOV.UK's step-by-step pattern numbers them, the services each
// links to, and the glossary terms the pathway uses.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace og {

struct GuideStep {
  const PathwayStep* step = nullptr;
  int number = 0;                        // "and" and "or" steps share the number of the step before
  std::string logic;                     // "", "and" or "or"
  std::vector<const Service*> services;  // those that exist, in the order written
};

std::vector<GuideStep> guide_steps(const Model& model, const Pathway& pathway);

// Glossary terms whose name (or another spelling) appears as a whole word in
// the pathway's title, summary, introduction, steps or the names, summaries
// and referral routes of the services its steps link to, A to Z. Abbreviations
// (no lower-case letters) match only in capitals; other terms in any case.
std::vector<const Term*> terms_used(const Model& model, const Pathway& pathway);

// "For families", "For practitioners", "For young people".
const char* audience_label(const std::string& audience);

// Whether `phrase` appears in `text` as whole words.
bool mentions(std::string_view text, std::string_view phrase);

}  // namespace og
