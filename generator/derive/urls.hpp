// Where each page lives. Routes are root-relative ("/services/home-start/");
// the base path turns them into links that work under a sub-path too.
#pragma once

#include <string>
#include <string_view>

namespace og {

class Urls {
 public:
  // `base_url`: "https://example.org/offer/", "/offer/" or "" (the domain root).
  explicit Urls(std::string_view base_url = {});

  // "/services/x/" -> "/offer/services/x/"
  std::string link(std::string_view route) const;
  // "/services/x/" -> "https://example.org/offer/services/x/"; "" without an origin.
  std::string absolute(std::string_view route) const;
  const std::string& base_path() const { return base_path_; }
  bool has_origin() const { return !origin_.empty(); }
  // "https://example.org", or "" when the base URL has no origin.
  const std::string& origin() const { return origin_; }

  // The file a route is written to: "/services/x/" -> "services/x/index.html".
  static std::string file_for(std::string_view route);

  static std::string home() { return "/"; }
  static std::string services() { return "/services/"; }
  static std::string service(std::string_view id) { return "/services/" + std::string(id) + "/"; }
  static std::string localities() { return "/localities/"; }
  static std::string locality(std::string_view id) { return "/localities/" + std::string(id) + "/"; }
  static std::string categories() { return "/categories/"; }
  static std::string category(std::string_view id) { return "/categories/" + std::string(id) + "/"; }
  static std::string glossary() { return "/glossary/"; }
  static std::string term(std::string_view id) { return "/glossary/#" + std::string(id); }
  static std::string pathways() { return "/pathways/"; }
  static std::string pathway(std::string_view id) { return "/pathways/" + std::string(id) + "/"; }
  static std::string strategy() { return "/strategy/"; }
  static std::string strategy_part(std::string_view id) { return "/strategy/" + std::string(id) + "/"; }
  static std::string young_people() { return "/young-people/"; }
  static std::string young_people_page(std::string_view id) { return "/young-people/" + std::string(id) + "/"; }
  static std::string search() { return "/search/"; }
  static std::string search_index() { return "/search/docs.json"; }  // search/index_builder.hpp
  static std::string ages() { return "/ages/"; }
  static std::string age_band(std::string_view id) { return "/ages/" + std::string(id) + "/"; }
  static std::string levels() { return "/levels/"; }
  static std::string level(int number) { return "/levels/" + std::to_string(number) + "/"; }
  static std::string page(std::string_view id) { return id == "index" ? "/" : "/" + std::string(id) + "/"; }

 private:
  std::string origin_;     // "https://example.org"
  std::string base_path_;  // "/offer/", always starting and ending with '/'
};

}  // namespace og
