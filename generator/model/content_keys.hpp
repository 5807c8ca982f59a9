// Names for the pieces of content an output reads, so that the page plan can
// say what each page reads (render/page_plan.hpp) and the preview server can
// tell which pages an edit changes (pipeline/digests.hpp):
//
//   service:<id>  locality:<id>  pathway:<id>  strategy:<id>
//   young-people:<id>  page:<id>          one file in a content folder
//   glossary  figures  plan-on-a-page      the single files
//   <kind>:*                               every <kind>: a page that lists,
//                                          counts or compares all of them
//   download:<route>                       a printed document's size and pages
//
// Kept as 64-bit hashes of those names: a site of 10,000 services has some
// 60,000 of them. Every output also reads site.yaml, the templates, the
// assets and the set of pages (pipeline/digests.hpp): those are not listed.
#pragma once

#include <cstdint>
#include <string_view>

namespace og {

using ContentKey = std::uint64_t;

namespace keys {

ContentKey of(std::string_view kind, std::string_view id);  // "<kind>:<id>"
ContentKey every(std::string_view kind);                    // "<kind>:*"
ContentKey download(std::string_view route);                // "download:<route>"

}  // namespace keys

}  // namespace og
