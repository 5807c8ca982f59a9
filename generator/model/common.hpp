// Value types shared by every kind of content.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace og {

// A reference by id to another piece of content, with where it was written,
// so that a broken reference can be reported at its own line.
struct Ref {
  std::string id;
  Location where;
};

// Markdown text and where it starts in its file, so that problems found while
// rendering it (a skipped heading level, a broken link) point at the right line.
struct Markdown {
  std::string text;
  Location origin;       // the file line and column of the text's first character
  int column_shift = 0;  // added to columns of lines after the first (block indentation)
  bool empty() const { return text.empty(); }
};

struct Date {
  int year = 0, month = 0, day = 0;
  bool empty() const { return year == 0; }
  std::string iso() const;        // "2018-10-01"
  std::string long_form() const;  // "1 October 2018"
  auto operator<=>(const Date&) const = default;
};

// Free-form data from an item's 'extra:' mapping, for the partnership's own
// templates ({{extra.key}}): text, a list, or a mapping in file order.
struct Extra {
  enum class Kind { text, list, mapping };
  Kind kind = Kind::mapping;
  std::string text;
  std::vector<std::string> keys;  // mappings: keys[i] names values[i]
  std::vector<Extra> values;      // mappings' values, lists' items
  bool empty() const { return kind == Kind::mapping && keys.empty(); }
};

struct Contact {
  std::string phone;
  std::string email;
  std::string website;
  std::string address;
  bool empty() const { return phone.empty() && email.empty() && website.empty() && address.empty(); }
};

}  // namespace og
