#include <map>
#include <optional>

#include "documents/locality_directory.hpp"
#include "render/figure_chart.hpp"
#include "render/page_data.hpp"

namespace og {

namespace {

mustache::data cell(const std::optional<double>& value, const std::string& unit, bool current) {
  mustache::data c;
  c.set("missing", !value);
  if (value) c.set("value", format_figure(*value, unit));
  c.set("current", current);
  return c;
}

std::optional<double> value_of(const std::map<std::string, double>& values, const std::string& id) {
  auto it = values.find(id);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

// One section per group of figures: a bar chart per figure that compares the
// areas, then the table that holds every value (the charts' text alternative),
// with a column per area, the current one marked, and the extra columns of
// figures.yaml (such as a total) after the areas.
mustache::data figure_tables(const RenderEnvironment& env, const Locality* current) {
  mustache::data groups{mustache::data::type::list};
  bool any_missing = false;
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
    for (const auto& extra : env.model.figure_columns) {
      mustache::data c;
      c.set("name", extra.name);
      c.set("current", false);
      columns.push_back(c);
    }
    g.set("columns", columns);
    mustache::data rows{mustache::data::type::list};
    mustache::data charts{mustache::data::type::list};
    std::string source;
    for (std::size_t index : group.figures) {
      const FigureDefinition& f = env.model.figures[index];
      if (source.empty()) source = f.source;
      mustache::data row;
      row.set("label", f.label);
      mustache::data cells{mustache::data::type::list};
      std::vector<ChartBar> bars;
      bool any = false;
      for (const auto& l : env.model.localities) {
        const auto v = value_of(l.figures, f.id);
        cells.push_back(cell(v, f.unit, current == &l));
        bars.push_back({l.name, v, current == &l});
        any = any || v;
        any_missing = any_missing || !v;
      }
      for (const auto& extra : env.model.figure_columns) {
        const auto v = value_of(f.values, extra.id);
        cells.push_back(cell(v, f.unit, false));
        any_missing = any_missing || !v;
      }
      row.set("cells", cells);
      if (!any) continue;
      rows.push_back(row);
      if (f.chart) {
        mustache::data chart;
        chart.set("label", f.label);
        chart.set("svg", bar_chart_svg(f.id, f.label, bars, f.unit));
        charts.push_back(chart);
      }
    }
    g.set("has_charts", !charts.is_empty_list());
    g.set("charts", charts);
    g.set("rows", rows);
    put(g, "source", source);
    groups.push_back(g);
  }
  mustache::data figures;
  figures.set("has_groups", !env.model.figure_groups.empty());
  figures.set("groups", groups);
  figures.set("any_missing", any_missing);
  return figures;
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
    put_service_count(item, env.services_in_locality(l.id).size());
    list.push_back(item);
  }
  p.data.set("localities", list);
  p.data.set("figures", figure_tables(env, nullptr));
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
  put_extra(p.data, l.extra);
  std::string places;
  for (std::size_t i = 0; i < l.places.size(); ++i)
    places += (i == 0 ? "" : i + 1 == l.places.size() ? " and " : ", ") + l.places[i];
  p.data.set("has_places", !l.places.empty());
  put(p.data, "places_text", places);
  p.data.set("has_hubs", !l.hubs.empty());
  p.data.set("hubs", text_list(l.hubs));
  const auto& services = env.services_in_locality(l.id);
  put_service_count(p.data, services.size());
  // Grouped by category as the printable directory groups them.
  mustache::data groups{mustache::data::type::list};
  for (const DirectoryGroup& g : locality_directory(env.model, services, env.directory_categories)) {
    mustache::data group;
    group.set("category", g.category->name);
    group.set("category_url", env.link(Urls::category(g.category->id)));
    group.set("services", service_list(env, g.services));
    groups.push_back(group);
  }
  p.data.set("groups", groups);
  p.data.set("download",
             env.download(locality_directory_route(l.id), "Download a directory of these services to print"));
  p.data.set("figures", figure_tables(env, &l));
  return p;
}

}  // namespace og
