// plan-on-a-page.yaml: which parts of the strategy go in which box of the
// one-page summary, in what order. Boxes refer to strategy parts by id.
#pragma once

#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

// What a box shows of each of its strategy parts.
enum class PlanShow {
  items,    // the part's key points (its summary when it has none)
  summary,  // the part's one-sentence summary
  body,     // the part's Markdown
  actions,  // what the part's action plan will do
};

struct PlanBox {
  std::string title;       // empty: the part's title (or the parts' titles)
  std::vector<Ref> parts;  // strategy part ids, in order
  PlanShow show = PlanShow::items;
  Location where;  // the box in plan-on-a-page.yaml, for the overflow diagnostic
};

struct PlanOnAPage {
  std::string title;
  std::string subtitle;
  Ref statement;    // optional: a part whose summary spans the top (the vision)
  int columns = 3;  // boxes side by side
  bool a3 = false;  // the PDF's paper: A4 landscape, or A3 landscape
  std::vector<PlanBox> boxes;
  Location where;  // the file
};

}  // namespace og
