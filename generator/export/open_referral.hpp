// The services as Open Referral UK (HSDS 3.0, UK profile) JSON, so that other
// directories can import the partnership's offer. Written to
// /openreferral/services.json in the shape of ORUK's paged `GET /services`.
#pragma once

#include <string>

#include "model/model.hpp"
#include "render/urls.hpp"

namespace og {

std::string open_referral_services(const Model& model, const Urls& urls);

// A stable UUID (RFC 9562 version 8, built from hashes) for an id, so that
// records keep their identity from one build to the next.
std::string stable_uuid(std::string_view kind, std::string_view id);

}  // namespace og
