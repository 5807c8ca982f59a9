// localities/*.md and figures.yaml: the areas and the needs-analysis figures
// that compare them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

// One measure from the needs analysis, defined once in figures.yaml and given a
// value in every locality that has one.
struct FigureDefinition {
  std::string id;      // "children"
  std::string label;   // "Children aged 0 to 18"
  std::string group;   // "Population"
  std::string unit;    // "children" (counts) or "percent"
  std::string source;  // "Needs Analysis, March 2018"
  std::string description;
  bool chart = true;  // drawn as a bar chart comparing the areas, as well as in the table
  // Values for the columns of figures.yaml that are not areas ("total": 104152).
  std::map<std::string, double> values;
  std::vector<Ref> value_refs;  // where each of `values` was written
  Location where;
};

// A column of the figure tables that is not an area, such as the total for the
// whole partnership or "address confidential". Drawn in tables, not in charts.
struct FigureColumn {
  std::string id;    // "total"
  std::string name;  // "All areas"
  Location where;
};

struct FigureGroup {
  std::string name;
  std::vector<std::size_t> figures;  // indexes into Model::figures, in file order
};

struct Locality {
  std::string id;
  Location where;
  std::string name;
  std::string summary;
  Markdown description;
  std::vector<std::string> places;        // towns and villages in the area
  std::vector<std::string> hubs;          // community hubs named in the documents
  std::map<std::string, double> figures;  // figure id -> value
  std::vector<Ref> figure_refs;           // where each figure was written, for checks
  Extra extra;                            // free-form data for templates
};

}  // namespace og
