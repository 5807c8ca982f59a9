#include "print/paginate.hpp"

#include <algorithm>
#include <numeric>

namespace og {

namespace {

constexpr int kMinLines = 2;  // no widows or orphans: two lines at each side of a break

double lines_height(const MeasuredBlock& b, int first, int last) {
  return std::accumulate(b.lines.begin() + first, b.lines.begin() + last, 0.0);
}

double total(const MeasuredBlock& b) {
  return lines_height(b, 0, static_cast<int>(b.lines.size()));
}

bool starts_group(const std::vector<MeasuredBlock>& blocks, std::size_t i) {
  return blocks[i].group >= 0 && (i == 0 || blocks[i - 1].group != blocks[i].group);
}

double group_height(const std::vector<MeasuredBlock>& blocks, std::size_t i) {
  double h = 0;
  for (std::size_t j = i; j < blocks.size() && blocks[j].group == blocks[i].group; ++j)
    h += (j == i ? 0 : blocks[j - 1].space_after + blocks[j].space_before) + total(blocks[j]);
  return h;
}

// The height that must fit below `y` for block i to start on this page: the
// whole group it begins, or a heading with the start of what follows it
// (all of it, when that is a group).
double needed_to_start(const std::vector<MeasuredBlock>& blocks, std::size_t i) {
  if (starts_group(blocks, i)) return group_height(blocks, i);
  double h = total(blocks[i]);
  for (std::size_t j = i; blocks[j].keep_with_next && j + 1 < blocks.size(); ++j) {
    const MeasuredBlock& next = blocks[j + 1];
    h += blocks[j].space_after + next.space_before;
    if (starts_group(blocks, j + 1)) return h + group_height(blocks, j + 1);
    const int lines = next.splittable ? std::min<int>(kMinLines, static_cast<int>(next.lines.size()))
                                      : static_cast<int>(next.lines.size());
    h += lines_height(next, 0, lines);
  }
  return h;
}

}  // namespace

Pagination paginate(const std::vector<MeasuredBlock>& blocks, double page_height) {
  Pagination out;
  int page = 0;
  double y = 0;
  auto new_page = [&] {
    ++page;
    y = 0;
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const MeasuredBlock& b = blocks[i];
    if (b.lines.empty()) continue;
    double space = y > 0 ? b.space_before : 0;
    const double need = needed_to_start(blocks, i);
    // Move on when what must stay together does not fit here but would on a fresh page.
    if (y > 0 && y + space + need > page_height && need <= page_height) {
      const bool can_split =
          b.splittable && b.group < 0 && !b.keep_with_next && static_cast<int>(b.lines.size()) >= 2 * kMinLines;
      if (!can_split || y + space + lines_height(b, 0, kMinLines) > page_height) {
        new_page();
        space = 0;
      }
    }
    y += space;
    int line = 0;
    const int count = static_cast<int>(b.lines.size());
    while (line < count) {
      int fit = line;
      double h = 0;
      while (fit < count && y + h + b.lines[static_cast<std::size_t>(fit)] <= page_height)
        h += b.lines[static_cast<std::size_t>(fit++)];
      int last = fit;
      if (last < count) {
        if (!b.splittable || b.group >= 0) {
          last = line;  // not splittable: all on the next page
        } else {
          if (count - last < kMinLines) last = count - kMinLines;  // leave two lines for the next page
          if (last - line < kMinLines) last = line;                // fewer than two here: move them all
        }
      }
      if (last <= line) {
        if (y > 0) {
          new_page();
          continue;
        }
        // On a fresh page and still too tall: place what fits (at least a line) and go on.
        last = std::max(fit, line + 1);
        if (!b.splittable || b.group >= 0) last = count;
      }
      out.placements.push_back({i, line, last, page, y});
      y += lines_height(b, line, last);
      line = last;
      if (line < count) new_page();
    }
    y += b.space_after;
  }
  out.pages = page + 1;
  return out;
}

}  // namespace og
