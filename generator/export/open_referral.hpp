// The services as an Open Referral UK API (HSDS 3.0, UK profile) of static
// files under /openreferral/, so that other directories (DfE's "Connect
// families to support", councils' own) can read the partnership's offer from
// any static host: the root, the services (one page of every record, and each
// record by id), the taxonomies and their terms. docs/open-referral.md has
// the layout.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.hpp"
#include "derive/urls.hpp"
#include "export/oruk_terms.hpp"
#include "model/model.hpp"
#include "write/output.hpp"

namespace og {

// A service's Markdown as plain text that keeps its paragraphs
// (derive/service_text.hpp).
struct ServicePlainText {
  std::string_view description;
  std::string_view how_to_access;
};

// The service's id in the export: its Open Referral id when it was imported
// with a UUID, else a UUID made from its file name; stable from one build to
// the next.
std::string open_referral_service_id(const Service& service);

// One service's full record (GET /services/{id}), on one line, with every
// fact the content gives, its '<', '>' and '&' written as JSON escapes.
std::string open_referral_record(const Model& model, const Urls& urls, const Service& service,
                                 const ServicePlainText& text);

// A taxonomy term's members.
void write_term(JsonWriter& j, const OrukTerm& term);

// Writes the API to `output`: records made by `record(i)` for each of the
// model's services on up to `jobs` threads, a block at a time, so that a
// large site never holds them all.
using SharedRecord = std::shared_ptr<const std::string>;
using RecordSource = std::function<SharedRecord(std::size_t)>;
void write_open_referral(const Model& model, const RecordSource& record, OutputSink& output, unsigned jobs);

// The same from records[i], service i's (the preview keeps them all), the list
// joined in one piece: joining its 15 MB (2,000 records) in blocks took twice
// as long.
void write_open_referral(const Model& model, const std::vector<SharedRecord>& records, OutputSink& output);

}  // namespace og
