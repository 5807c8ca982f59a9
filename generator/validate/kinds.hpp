// One function per kind of content file. Each reads one document into its
// model type; cross-references between files are checked afterwards.
#pragma once

#include <vector>

#include "core/diagnostic.hpp"
#include "load/content_files.hpp"
#include "model/model.hpp"
#include "validate/validate.hpp"

namespace og {

Site read_site(const YamlDocument& doc, Diagnostics& diagnostics);
Service read_service(const MarkdownDocument& doc, Diagnostics& diagnostics);
Locality read_locality(const MarkdownDocument& doc, Diagnostics& diagnostics);
void read_figures(const YamlDocument& doc, Model& model, Diagnostics& diagnostics);
std::vector<Term> read_glossary(const YamlDocument& doc, Diagnostics& diagnostics);
Page read_page(const MarkdownDocument& doc, Diagnostics& diagnostics);
Pathway read_pathway(const MarkdownDocument& doc, Diagnostics& diagnostics);
StrategyPart read_strategy_part(const MarkdownDocument& doc, Diagnostics& diagnostics);
YoungPeoplePage read_young_people_page(const MarkdownDocument& doc, Diagnostics& diagnostics);
PlanOnAPage read_plan_on_a_page(const YamlDocument& doc, Diagnostics& diagnostics);

// Checks that every reference names something that exists.
void check_references(const Model& model, Diagnostics& diagnostics);
// The lints that need the whole model: missing contacts, old reviews.
void check_health(const Model& model, const ValidateOptions& options, Diagnostics& diagnostics);

// Reports a file whose name cannot be an id (ids appear in web addresses).
bool check_file_id(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace og
