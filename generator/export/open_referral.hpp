// The services as Open Referral UK (HSDS 3.0, UK profile) JSON, so that other
// directories can import the partnership's offer. Written to
// /openreferral/services.json in the shape of ORUK's paged `GET /services`.
#pragma once

#include <functional>
#include <string>

#include "model/model.hpp"
#include "render/urls.hpp"

namespace og {

// The export in pieces, in order, so that a large site never holds the whole
// file: the page's opening when made, the records of the services add() is
// given (in order, every service once; made on up to `jobs` threads), then
// the page's end. Each piece goes to `piece` as soon as it is made.
class OpenReferralWriter {
 public:
  OpenReferralWriter(const Model& model, const Urls& urls, std::function<void(std::string&&)> piece);
  void add(std::size_t from, std::size_t to, unsigned jobs);  // model.services[from, to)
  void finish();

 private:
  const Model& model_;
  const Urls& urls_;
  std::function<void(std::string&&)> piece_;
  std::string after_;
  std::size_t written_ = 0;
};

// In smaller pieces, for the preview server, which makes again only the
// records of the services that changed: one service's record, laid out as
// it is inside the page, and the page around `count` records.
std::string open_referral_record(const Model& model, const Urls& urls, const Service& service);
std::string open_referral_page(std::size_t count, const std::function<const std::string&(std::size_t)>& record);

// A stable UUID (RFC 9562 version 8, built from hashes) for an id, so that
// records keep their identity from one build to the next.
std::string stable_uuid(std::string_view kind, std::string_view id);

}  // namespace og
