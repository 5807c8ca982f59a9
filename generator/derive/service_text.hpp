// Each service's Markdown (its description and how to get it) parsed once,
// after validation, into the HTML its page shows and the plain text the
// search index and the Open Referral export read (the freeze step,
// pipeline/steps.cpp). Then only read.
#pragma once

#include <memory>
#include <vector>

#include "core/diagnostic.hpp"
#include "derive/markdown.hpp"
#include "model/model.hpp"

namespace og {

struct MarkdownText {
  std::string html;
  std::string plain;  // with its paragraphs (PlainLayout::paragraphs)
};

struct ServiceText {
  MarkdownText description, how_to_access;
  Diagnostics diagnostics;  // what rendering the Markdown found (links, headings)
};

// Every service's, in the model's order (shared: the preview server keeps
// those whose service did not change from one build to the next).
using ServiceTexts = std::vector<std::shared_ptr<const ServiceText>>;

// One service's, with `options` (its heading_base is set here: the
// service's page puts both under an <h2>).
ServiceText service_text(const Service& service, MarkdownOptions options);

// The plain text of a service's description, from `texts` when it holds one
// for every service, else parsed now (tests and tools without a build).
std::string description_plain(const Model& model, const ServiceTexts& texts, const Service& service);
std::string access_plain(const Model& model, const ServiceTexts& texts, const Service& service);

}  // namespace og
