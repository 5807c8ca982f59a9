#include <cmath>
#include <cstdio>

#include "documents/locality_directory.hpp"
#include "render/page_data.hpp"

namespace og {

namespace {

std::string format_number(double v, const std::string& unit) {
  char buf[64];
  if (unit == "percent") {
    std::snprintf(buf, sizeof buf, "%g%%", v);
    return buf;
  }
  if (v != std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  // 32757 -> "32,757", as the documents print it.
  std::string digits = std::to_string(static_cast<long long>(v));
  const bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// One table per group of figures: a row per figure, a column per locality,
// with the current locality marked.
mustache::data figure_tables(const RenderEnvironment& env, const Locality* current) {
  mustache::data groups{mustache::data::type::list};
  for (const auto& group : env.model.figure_groups) {
    mustache::data g;
    g.set("name", group.name);
    mustache::data columns{mustache::data::type::list};
    for (const auto& l : env.model.localities) {
      mustache::data c;
      c.set("name", l.name);
      c.set("current", current == &l);
      columns.push_back(c);
    }
    g.set("columns", columns);
    mustache::data rows{mustache::data::type::list};
    std::string source;
    for (std::size_t index : group.figures) {
      const FigureDefinition& f = env.model.figures[index];
      if (source.empty()) source = f.source;
      mustache::data row;
      row.set("label", f.label);
      mustache::data cells{mustache::data::type::list};
      bool any = false;
      for (const auto& l : env.model.localities) {
        mustache::data cell;
        auto it = l.figures.find(f.id);
        cell.set("value", it == l.figures.end() ? std::string("not published") : format_number(it->second, f.unit));
        cell.set("current", current == &l);
        any = any || it != l.figures.end();
        cells.push_back(cell);
      }
      row.set("cells", cells);
      if (any) rows.push_back(row);
    }
    g.set("rows", rows);
    put(g, "source", source);
    groups.push_back(g);
  }
  return groups;
}

mustache::data text_list(const std::vector<std::string>& items) {
  mustache::data list{mustache::data::type::list};
  for (const auto& i : items) list.push_back(mustache::data(i));
  return list;
}

}  // namespace

PageData localities_index_page(const RenderEnvironment& env) {
  PageData p;
  p.template_name = "localities";
  p.title = "Areas";
  p.description = "The areas of the " + env.model.site.partnership + " and the support in each.";
  p.breadcrumbs = {{"Home", Urls::home()}};
  mustache::data list{mustache::data::type::list};
  for (const auto& l : env.model.localities) {
    mustache::data item = link_item(l.name, env.link(Urls::locality(l.id)));
    put(item, "summary", l.summary);
    auto it = env.services_by_locality.find(l.id);
    item.set("count", std::to_string(it == env.services_by_locality.end() ? 0 : it->second.size()));
    list.push_back(item);
  }
  p.data.set("localities", list);
  p.data.set("figure_groups", figure_tables(env, nullptr));
  return p;
}

PageData locality_page(const RenderEnvironment& env, const Locality& l, Diagnostics& diagnostics) {
  PageData p;
  p.template_name = "locality";
  p.title = l.name;
  p.description = l.summary;
  p.breadcrumbs = {{"Home", Urls::home()}, {"Areas", Urls::localities()}};
  p.data.set("name", l.name);
  put(p.data, "summary", l.summary);
  put(p.data, "description", env.markdown(l.description, 2, diagnostics));
  std::string places;
  for (std::size_t i = 0; i < l.places.size(); ++i)
    places += (i == 0 ? "" : i + 1 == l.places.size() ? " and " : ", ") + l.places[i];
  p.data.set("has_places", !l.places.empty());
  put(p.data, "places_text", places);
  p.data.set("has_hubs", !l.hubs.empty());
  p.data.set("hubs", text_list(l.hubs));
  auto it = env.services_by_locality.find(l.id);
  static const std::vector<const Service*> none;
  const auto& services = it == env.services_by_locality.end() ? none : it->second;
  p.data.set("count", std::to_string(services.size()));
  // Grouped by category as the printable directory groups them.
  mustache::data groups{mustache::data::type::list};
  for (const DirectoryGroup& g : locality_directory(env.model, l)) {
    mustache::data group;
    group.set("category", g.category->name);
    group.set("category_url", env.link(Urls::category(g.category->id)));
    group.set("services", service_list(env, g.services));
    groups.push_back(group);
  }
  p.data.set("groups", groups);
  if (auto d = env.download(locality_directory_route(l.id), "Download a directory of these services to print"))
    p.data.set("download", *d);
  else
    p.data.set("download", false);
  p.data.set("figure_groups", figure_tables(env, &l));
  return p;
}

}  // namespace og
