// What a service's page, its card, the search index and the printed
// documents all say about it in the same words: its ages, and the facets the
// filters read.
#pragma once

#include <string>
#include <string_view>

#include "model/service.hpp"

namespace og {

// "Ages 11 to 17"; "" when not known.
std::string age_range_text(const Service& s);
// What the filters read about a service, as compact JSON, the same in the
// search index and on the cards of the services index:
// {"l":[area ids, left out for all areas],"a":[min age|null,max age|null],
//  "n":[levels],"c":[category ids],"r":1 when you can refer yourself or drop in,"f":1 when free}
std::string service_facets_json(const Service& s);
// `json` with ' & < > written as JSON escapes (\u0027 and so on): safe to
// insert unescaped ({{{facets_attribute}}}) in a single-quoted attribute, and
// the same data when the attribute is read and parsed.
std::string single_quoted_attribute_json(std::string_view json);

}  // namespace og
