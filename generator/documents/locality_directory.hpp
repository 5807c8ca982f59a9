// What a locality's directory holds: the services available there, grouped by
// category. The locality page and the printable directory both list it so.
#pragma once

#include <cstddef>
#include <vector>

#include "model/model.hpp"

namespace og {

struct DirectoryGroup {
  const Category* category = nullptr;
  std::vector<const Service*> services;  // in the model's order (by name)
};

// The category a directory lists `service` under, its first category that
// exists: its position in site.yaml's categories, or kNoCategory.
inline constexpr std::size_t kNoCategory = static_cast<std::size_t>(-1);
std::size_t directory_category(const Model& model, const Service& service);

// Services that work in `locality` (or everywhere), each under its first
// category, groups in site.yaml's order of categories; empty groups left out.
std::vector<DirectoryGroup> locality_directory(const Model& model, const Locality& locality);
// The same from the services that work there, in the model's order (a
// service may come twice in a row), such as the render environment's list
// for the area: no walk through every service for each area.
std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here);
// The same with each service's directory_category() given, by its position
// in model.services: no service is read at all (the render environment holds
// them, so that an edit renders 32 area pages without touching thousands of
// services that the cache no longer holds).
std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here,
                                               const std::vector<std::size_t>& category_of);

}  // namespace og
