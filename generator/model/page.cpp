#include "model/page.hpp"

#include <algorithm>
#include <array>

namespace og {

bool is_reserved_page_id(std::string_view id) {
  static constexpr std::array<std::string_view, 15> reserved = {
      "services",  "localities", "categories", "glossary", "search",  "strategy", "pathways", "young-people",
      "downloads", "assets",     "browse",     "404",      "sitemap", "ages",     "levels"};
  return std::find(reserved.begin(), reserved.end(), id) != reserved.end();
}

}  // namespace og
