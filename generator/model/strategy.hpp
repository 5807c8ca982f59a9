// strategy/*.md and young-people/*.md: the partnership's strategy, a part per
// file, and the child-friendly version of it.
#pragma once

#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

// One row of an action plan. Empty cells are facts the documents leave
// unknown: pages show them as "not yet agreed", never as a guess.
struct Action {
  std::string theme;  // the plan's heading this action is under ("Training"); optional
  std::string what;
  std::string lead;
  std::string when;
  std::string progress;
  Location where;
};

struct StrategyPart {
  std::string id;
  Location where;
  std::string title;
  std::string summary;
  Markdown body;
  int order = 0;
  std::vector<std::string> items;  // the part's key points, short enough for the plan on a page
  std::vector<Action> actions;     // an action plan, if the part has one
  std::vector<Ref> services;       // services the part names
  bool sensitive = false;
  Date last_reviewed;
  Extra extra;  // free-form data for templates
};

// A short quote from a young person, with where it came from.
struct Quote {
  std::string text;
  std::string source;  // "Young people's wants and needs work, 2018"
  std::string topic;   // what young people were asked about; quotes are grouped by it (optional)
};

struct YoungPeoplePage {
  std::string id;
  Location where;
  std::string title;
  std::string summary;
  Markdown body;
  int order = 0;
  std::vector<Quote> quotes;
  std::vector<Ref> services;  // services for young people to show on the page
  bool sensitive = true;      // young people's pages offer "exit this page" unless content says not
  Date last_reviewed;
  Extra extra;  // free-form data for templates
};

}  // namespace og
