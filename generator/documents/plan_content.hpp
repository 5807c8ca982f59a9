// What the plan on a page holds, resolved from plan-on-a-page.yaml against the
// strategy: the HTML page and the PDF both lay out exactly this.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace og {

struct PlanSection {
  const StrategyPart* part = nullptr;
  std::string heading;              // the part's title when a box holds several parts, else empty
  std::vector<std::string> points;  // for items and actions: the lines to list
  std::string text;                 // for summary: the sentence
  const Markdown* body = nullptr;   // for body
};

struct PlanBoxContent {
  const PlanBox* box = nullptr;
  std::string title;
  std::string route;  // the strategy page of its (first) part
  std::vector<PlanSection> sections;
};

struct PlanContent {
  const PlanOnAPage* plan = nullptr;
  std::string title;
  std::string subtitle;
  const StrategyPart* statement = nullptr;  // the vision across the top, or null
  std::vector<PlanBoxContent> boxes;
};

// Parts that do not exist are left out (validation has reported them).
PlanContent plan_content(const Model& model);

}  // namespace og
