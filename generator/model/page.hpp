// pages/*.md: free pages such as "about" and the accessibility statement.
#pragma once

#include <string>
#include <string_view>

#include "model/common.hpp"

namespace og {

struct Page {
  std::string id;  // from the file name; "index" is the home page
  Location where;
  std::string title;
  std::string summary;
  Markdown body;
  int nav_order = 0;  // > 0: listed in the footer navigation, in this order
  bool sensitive = false;
  Date last_reviewed;
  Extra extra;  // free-form data for templates
};

// The free page on covering your tracks online: "Exit this page" links to it
// when the content has it.
constexpr std::string_view kTracksPage = "covering-your-tracks";

// Ids a free page cannot have, because another part of the site uses that address.
bool is_reserved_page_id(std::string_view id);

}  // namespace og
