#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace {

// Figures are written as published: "32757" or "32,757" both read as 32757.
std::optional<double> parse_figure_number(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != ',') digits += c;
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  if (digits.empty() || *end != '\0') return std::nullopt;
  return v;
}

// Reads a mapping of ids to numbers ("figures:" in a locality, "values:" in a
// figure) into `out`, remembering where each id was written.
void read_number_map(FieldReader& r, const YamlNode& map, std::string_view key, std::string_view what,
                     std::map<std::string, double>& out, std::vector<Ref>& refs, Diagnostics& diagnostics) {
  if (!map.is_mapping()) {
    diagnostics.error(r.at(map), "'" + std::string(key) + "' must be a mapping of " + std::string(what) +
                                     " ids to numbers, not " + std::string(describe_kind(map)));
    return;
  }
  for (const auto& e : map.entries) {
    if (!e.value.is_scalar()) {
      diagnostics.error(r.at(e.value), "the figure '" + e.key.value + "' must be a number");
      continue;
    }
    const auto v = parse_figure_number(e.value.value);
    if (!v) {
      diagnostics.error(r.at(e.value),
                        "the figure '" + e.key.value + "' must be a number, not '" + e.value.value + "'");
      continue;
    }
    out[e.key.value] = *v;
    refs.push_back({e.key.value, r.at(e.key)});
  }
}

std::vector<FigureColumn> read_columns(FieldReader& r, const SourceFile& src, Diagnostics& diagnostics) {
  std::vector<FigureColumn> columns;
  const auto* items = r.list("columns", Need::optional, "start each column with '- id: ...'");
  if (!items) return columns;
  std::set<std::string> seen;
  for (const auto& item : *items) {
    FieldReader c(&item, src, diagnostics, "a column");
    FigureColumn column;
    column.where = c.here();
    column.id = c.text("id", Need::required);
    column.name = c.text("name", Need::required);
    c.finish();
    if (column.id.empty() || column.name.empty()) continue;
    if (!check_id(diagnostics, c.at(*c.node("id")), column.id, "column id")) continue;
    if (!seen.insert(column.id).second) {
      diagnostics.error(column.where, "the column id '" + column.id + "' is used twice");
      continue;
    }
    columns.push_back(std::move(column));
  }
  return columns;
}

// What figures.yaml says of one figure; its source falls back to its group's, then the file's.
FigureDefinition read_figure(FieldReader& fr, const std::string& source, const std::vector<std::string_view>& columns,
                             Diagnostics& diagnostics) {
  FigureDefinition def;
  def.where = fr.here();
  def.id = fr.text("id", Need::required);
  def.label = fr.text("label", Need::required);
  def.unit = fr.choice("unit", {"count", "percent"});
  if (def.unit.empty()) def.unit = "count";
  def.description = fr.text("description");
  def.source = fr.text("source");
  if (def.source.empty()) def.source = source;
  if (auto chart = fr.boolean("chart")) def.chart = *chart;
  if (const YamlNode* values = fr.node("values")) {
    read_number_map(fr, *values, "values", "column", def.values, def.value_refs, diagnostics);
    for (const auto& ref : def.value_refs) {
      if (std::find(columns.begin(), columns.end(), ref.id) != columns.end()) continue;
      std::string hint = did_you_mean(ref.id, columns);
      if (hint.empty())
        hint = columns.empty() ? "list the columns under 'columns:' at the top of figures.yaml"
                               : "the columns are listed under 'columns:' at the top of figures.yaml";
      diagnostics.error(ref.where, "unknown column '" + ref.id + "'", hint);
    }
  }
  fr.finish();
  return def;
}

}  // namespace

Locality read_locality(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Locality l;
  l.id = src.id;
  l.where = src.at(0, 0);
  if (!doc.front_matter) return l;  // reported by the loader, which leaves such files out
  check_file_id(src, diagnostics);
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the locality");
  l.name = r.text("name", Need::required);
  l.summary = r.text("summary", Need::required);
  l.description = markdown_body(doc, r);
  l.places = r.text_list("places");
  l.hubs = r.text_list("hubs");
  if (const YamlNode* figures = r.node("figures"))
    read_number_map(r, *figures, "figures", "figure", l.figures, l.figure_refs, diagnostics);
  l.extra = read_extra(r);
  r.finish();
  return l;
}

void read_figures(const YamlDocument& doc, Model& model, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "figures.yaml");
  const std::string default_source = r.text("source");
  model.figure_columns = read_columns(r, src, diagnostics);
  std::vector<std::string_view> column_ids;
  for (const auto& c : model.figure_columns) column_ids.push_back(c.id);
  std::set<std::string> seen;
  if (const auto* groups = r.list("groups", Need::required)) {
    for (const auto& g : *groups) {
      FieldReader gr(&g, src, diagnostics, "a group of figures");
      FigureGroup group;
      group.name = gr.text("name", Need::required);
      const std::string group_source = gr.text("source");
      const auto* figures = gr.list("figures", Need::required);
      for (const auto& f : figures ? *figures : std::span<const YamlNode>{}) {
        FieldReader fr(&f, src, diagnostics, "a figure");
        FigureDefinition def =
            read_figure(fr, group_source.empty() ? default_source : group_source, column_ids, diagnostics);
        def.group = group.name;
        if (def.id.empty() || !check_id(diagnostics, def.where, def.id, "figure id")) continue;
        if (!seen.insert(def.id).second) {
          diagnostics.error(def.where, "the figure id '" + def.id + "' is used twice");
          continue;
        }
        group.figures.push_back(model.figures.size());
        model.figures.push_back(std::move(def));
      }
      gr.finish();
      model.figure_groups.push_back(std::move(group));
    }
  }
  r.finish();
}

}  // namespace og
