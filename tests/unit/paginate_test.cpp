// Page-break decisions of the layout engine, with plain numbers.
#include <catch2/catch.hpp>

#include <sstream>

#include "print/paginate.hpp"

using namespace og;

namespace {

MeasuredBlock block(int lines, double line = 10, double before = 0, double after = 0) {
  MeasuredBlock b;
  b.lines.assign(static_cast<std::size_t>(lines), line);
  b.space_before = before;
  b.space_after = after;
  return b;
}

MeasuredBlock heading() {
  MeasuredBlock b = block(1, 20, 10, 4);
  b.keep_with_next = true;
  return b;
}

// "block:first-last@page/y" for every placement, to compare in one line.
std::string describe(const Pagination& p) {
  std::ostringstream out;
  for (const auto& pl : p.placements)
    out << pl.block << ":" << pl.first_line << "-" << pl.last_line << "@" << pl.page << "/" << pl.y << " ";
  out << "pages=" << p.pages;
  return out.str();
}

}  // namespace

TEST_CASE("page breaks fall between blocks, and keep what belongs together", "[print][paginate]") {
  struct Row {
    const char* what;
    std::vector<MeasuredBlock> blocks;
    double height;
    const char* expected;
  };
  MeasuredBlock grouped1 = block(2), grouped2 = block(3);
  grouped1.group = grouped2.group = 0;
  MeasuredBlock unsplittable = block(5);
  unsplittable.splittable = false;
  const Row rows[] = {
      {"everything fits on one page", {block(2), block(3, 10, 5)}, 100, "0:0-2@0/0 1:0-3@0/25 pages=1"},
      {"a block that does not fit starts the next page, without its space before",
       {block(8), block(3, 10, 5)},
       100,
       "0:0-8@0/0 1:0-3@1/0 pages=2"},
      {"a long paragraph splits, leaving at least two lines on each page",
       {block(7), block(6)},
       100,
       "0:0-7@0/0 1:0-3@0/70 1:3-6@1/0 pages=2"},
      {"no single line is left at the top of the next page (no widow)",
       {block(8), block(3)},
       100,
       "0:0-8@0/0 1:0-3@1/0 pages=2"},
      {"a four-line paragraph with room for three lines leaves two for the next page",
       {block(7), block(4)},
       100,
       "0:0-7@0/0 1:0-2@0/70 1:2-4@1/0 pages=2"},
      {"a heading is never the last thing on a page",
       {block(7), heading(), block(4)},
       100,
       "0:0-7@0/0 1:0-1@1/0 2:0-4@1/24 pages=2"},
      {"a group moves to the next page whole",
       {block(6), grouped1, grouped2},
       100,
       "0:0-6@0/0 1:0-2@1/0 2:0-3@1/20 pages=2"},
      {"an unsplittable block moves whole", {block(7), unsplittable}, 100, "0:0-7@0/0 1:0-5@1/0 pages=2"},
      {"a block taller than a page breaks over pages", {block(25)}, 100, "0:0-10@0/0 0:10-20@1/0 0:20-25@2/0 pages=3"},
      {"an unsplittable block taller than a page overflows its own page",
       {block(1), unsplittable},
       30,
       "0:0-1@0/0 1:0-5@1/0 pages=2"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(describe(paginate(r.blocks, r.height)) == r.expected);
  }
}

TEST_CASE("a heading before a group stays with the whole group", "[print][paginate]") {
  MeasuredBlock a = block(2), b = block(2);
  a.group = b.group = 3;
  // 6 lines, then a heading (24 with its space) and a 40-high group: 60 + 10 + 20 + 4 + 40 > 100.
  CHECK(describe(paginate({block(6), heading(), a, b}, 100)) == "0:0-6@0/0 1:0-1@1/0 2:0-2@1/24 3:0-2@1/44 pages=2");
}
