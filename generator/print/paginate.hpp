// Page-break decisions, kept apart from pango so that they can be tested with
// plain numbers: where each block (or part of one) goes, on which page.
#pragma once

#include <cstddef>
#include <vector>

namespace og {

struct MeasuredBlock {
  std::vector<double> lines;  // the height of each line, in order (at least one)
  double space_before = 0;    // dropped at the top of a page
  double space_after = 0;
  bool keep_with_next = false;  // a heading: never the last thing on a page
  bool splittable = true;       // may break between lines (two lines stay together at each end)
  int group = -1;               // consecutive blocks of one group (>= 0) move to a new page together
};

struct Placement {
  std::size_t block = 0;
  int first_line = 0, last_line = 0;  // lines [first, last) of the block
  int page = 0;                       // from 0
  double y = 0;                       // the top of the first line, from the top of the page's content area
};

struct Pagination {
  std::vector<Placement> placements;  // in block order
  int pages = 1;
};

// Lays `blocks` out on pages whose content area is `page_height` high.
Pagination paginate(const std::vector<MeasuredBlock>& blocks, double page_height);

}  // namespace og
