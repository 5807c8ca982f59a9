// site.yaml: the partnership, its look, its categories and its levels of need.
#pragma once

#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

struct Category {
  std::string id;
  std::string name;
  std::string description;
  bool sensitive = false;  // its topic page shows "Exit this page"
  Location where;
};

// One level of the continuum of need (1 = universal ... 4 = specialist).
struct Level {
  int number = 0;
  std::string name;
  std::string description;
};

struct Colours {
  std::string brand = "#1d4f91";   // header, links on light backgrounds
  std::string accent = "#ffdd00";  // focus ring
  std::string text = "#0b0c0c";
  std::string background = "#ffffff";
};

struct NavLink {
  std::string title;
  std::string url;  // root-relative, before the base path is applied
};

struct Site {
  std::string title;        // "Exampleshire early support"
  std::string partnership;  // "Exampleshire Early Support Partnership"
  std::string description;  // one sentence for the home page and search engines
  std::string language = "en-GB";
  std::string base_url;  // "https://example.org/offer/" or empty
  Colours colours;
  Contact contact;
  std::string exit_url = "https://www.bbc.co.uk/weather";
  int review_months = 12;
  bool allow_raw_html = false;
  Date updated;  // when the content as a whole was last changed
  std::vector<Category> categories;
  std::vector<Level> levels;
  Location where;
};

}  // namespace og
