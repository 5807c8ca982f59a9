// services/*.md: one service of the local offer, close to Open Referral UK.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

enum class AccessRoute { self_referral, professional_referral, drop_in };

// Where an imported service came from ('source:', written by offergen import
// oruk): the record's id in the Open Referral feed (the export uses it as the
// service's id), the feed, and a digest of the file as the import wrote it,
// so that a re-import can tell a file edited by hand since.
struct ServiceSource {
  std::string open_referral_id;  // as the feed has it; empty when not imported
  std::string feed;              // file name or address, as given to the import
  std::string digest;            // hex
};

struct Service {
  std::string id;  // from the file name
  Location where;  // the file
  std::string name;
  std::string organisation;
  std::string summary;  // one sentence
  Markdown description;
  std::vector<Ref> categories;
  std::vector<int> levels;            // continuum levels 1-4
  std::vector<Location> level_where;  // where each level was written
  std::optional<int> min_age;
  std::optional<int> max_age;
  bool all_localities = false;
  std::vector<Ref> localities;
  std::vector<AccessRoute> access;
  Markdown how_to_access;
  Contact contact;
  std::string opening_times;
  std::string cost;  // "Free" or what it costs
  bool free = false;
  std::vector<std::string> languages;
  std::string accessibility;
  std::string eligibility;
  Date last_reviewed;
  bool sensitive = false;  // shows "exit this page"
  std::vector<std::string> keywords;
  Extra extra;  // free-form data for templates
  ServiceSource source;
};

const char* access_route_name(AccessRoute r);  // "You can refer yourself"
const char* access_route_id(AccessRoute r);    // "self-referral"

}  // namespace og
