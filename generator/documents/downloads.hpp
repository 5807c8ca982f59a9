// The printable documents a site has, decided from the model alone (like the
// page plan), and how a page describes a download: "PDF, 84 KB, 2 pages".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/content_keys.hpp"
#include "model/model.hpp"

namespace og {

enum class DocumentKind { plan_on_a_page, pathway_guide, locality_directory };

struct PlannedDocument {
  DocumentKind kind;
  std::size_t index = 0;           // into the model's pathways or localities
  std::string route;               // "/downloads/pathways/asking-for-help.pdf"
  std::string file;                // "downloads/pathways/asking-for-help.pdf"
  std::string page_route;          // the HTML page that is the primary version: "/pathways/asking-for-help/"
  std::vector<ContentKey> inputs;  // what it reads (model/content_keys.hpp)
};

std::vector<PlannedDocument> plan_documents(const Model& model);

std::string plan_on_a_page_route();                               // "/downloads/plan-on-a-page.pdf"
std::string plan_on_a_page_page_route();                          // "/strategy/plan-on-a-page/"
std::string pathway_guide_route(std::string_view pathway);        // "/downloads/pathways/<id>.pdf"
std::string locality_directory_route(std::string_view locality);  // "/downloads/localities/<id>.pdf"

// What was written for each document, known once it is printed.
struct DownloadFacts {
  std::size_t bytes = 0;
  int pages = 0;
};

// "PDF, 84 KB, 2 pages", from the bytes actually written, as GOV.UK describes attachments.
std::string download_label(const DownloadFacts& facts);

// The date a document shows as its last change, and sets as its PDF dates:
// the newest review date of what it holds, else site.yaml's 'updated'.
Date document_date(const Model& model, const PlannedDocument& document);

// A copy of what `document` reads from the model (the services it lists, not
// all of them), to print it on another thread while the model changes (the
// preview server). Printing `document` from it gives the same bytes.
Model document_model(const Model& model, const PlannedDocument& document);

}  // namespace og
