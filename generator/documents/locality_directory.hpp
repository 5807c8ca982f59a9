// What a locality's directory holds: the services available there, grouped by
// category. The locality page and the printable directory both list it so.
#pragma once

#include <vector>

#include "model/model.hpp"

namespace og {

struct DirectoryGroup {
  const Category* category = nullptr;
  std::vector<const Service*> services;  // in the model's order (by name)
};

// Services that work in `locality` (or everywhere), each under its first
// category, groups in site.yaml's order of categories; empty groups left out.
std::vector<DirectoryGroup> locality_directory(const Model& model, const Locality& locality);
// The same from the services that work there, in the model's order (a
// service may come twice in a row), such as the render environment's list
// for the area: no walk through every service for each area.
std::vector<DirectoryGroup> locality_directory(const Model& model, const std::vector<const Service*>& here);

}  // namespace og
