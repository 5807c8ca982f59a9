// The services as Open Referral UK (HSDS 3.0, UK profile) JSON, so that other
// directories can import the partnership's offer. Written to
// /openreferral/services.json in the shape of ORUK's paged `GET /services`.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "derive/urls.hpp"
#include "model/model.hpp"
#include "write/output.hpp"

namespace og {

// One service's record, laid out as it is inside the export (one record to a
// line, so that a diff of two exports shows which services changed), with
// the plain text of its description (derive/service_text.hpp).
std::string open_referral_record(const Model& model, const Urls& urls, const Service& service,
                                 const std::string& description);

// Writes openreferral/services.json to `output` in pieces: the page around
// `count` records, each made by `record(i)` on up to `jobs` threads, a block
// at a time, so that a large site never holds the whole file.
void write_open_referral(std::size_t count,
                         const std::function<std::shared_ptr<const std::string>(std::size_t)>& record,
                         OutputSink& output, unsigned jobs);

// The same file whole, from records made before (the preview server).
std::string open_referral_page(const std::vector<std::shared_ptr<const std::string>>& records);

// A stable UUID (RFC 9562 version 8, built from hashes) for an id, so that
// records keep their identity from one build to the next.
std::string stable_uuid(std::string_view kind, std::string_view id);

}  // namespace og
