// What an Open Referral UK export files each service under: the
// partnership's categories, its levels of need and the ways in (self-referral,
// professional referral, drop-in) as taxonomies of terms, each with a code,
// a description and an id that stays the same from one build to the next;
// and the ISO 639 codes of the languages services are offered in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace og {

// A stable UUID (RFC 9562 version 8, built from hashes) for an id, so that
// records keep their identity from one build to the next.
std::string stable_uuid(std::string_view kind, std::string_view id);

struct OrukTaxonomy {
  std::string_view key;  // "categories", "levels-of-need", "access-routes"
  std::string_view name;
  std::string_view description;
  std::string id() const { return stable_uuid("taxonomy", key); }
};

struct OrukTerm {
  const OrukTaxonomy* taxonomy;
  std::string code;  // the category's id, "level-3", "self-referral"
  std::string name;
  std::string description;
  std::string id() const { return stable_uuid("taxonomy_term", std::string(taxonomy->key) + "/" + code); }
};

const std::vector<OrukTaxonomy>& oruk_taxonomies();

// Every term of every taxonomy, in the order of oruk_taxonomies().
std::vector<OrukTerm> oruk_terms(const Model& model);

// The terms `service` is filed under: its categories, levels and ways in.
std::vector<OrukTerm> oruk_service_terms(const Model& model, const Service& service);

// The ISO 639 code of a language named in English ("Urdu" is "ur", "British
// Sign Language" is "bfi"), or "" when the table does not know it.
std::string_view language_code(std::string_view name);

}  // namespace og
