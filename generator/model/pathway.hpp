// pathways/*.md: step-by-step journeys, such as what happens when a family asks for help.
#pragma once

#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

// How a step relates to the one before it, as in GOV.UK's step-by-step pattern:
// "and" steps happen alongside the previous one, "or" steps instead of it.
enum class StepJoin { next, and_, or_ };

struct PathwayStep {
  std::string title;
  Markdown text;
  std::vector<Ref> services;
  StepJoin join = StepJoin::next;
  int level = 0;         // the level of need (site.yaml) the step is about; 0 for none
  Location level_where;  // where 'level' was written
  Location where;
};

struct Pathway {
  std::string id;
  Location where;
  std::string title;
  std::string summary;
  std::string audience;   // "families", "practitioners" or "young-people"
  Markdown introduction;  // the Markdown body
  std::vector<PathwayStep> steps;
  int order = 0;
  bool sensitive = false;
  Date last_reviewed;
  Extra extra;  // free-form data for templates
};

}  // namespace og
