#include <set>

#include "core/text.hpp"
#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

Locality read_locality(const YamlDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Locality l;
  l.id = src.id;
  l.where = src.at(0, 0);
  check_file_id(src, diagnostics);
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "the locality");
  l.name = r.text("name", Need::required);
  l.summary = r.text("summary", Need::required);
  l.description = r.markdown("description");
  l.places = r.text_list("places");
  l.hubs = r.text_list("hubs");
  if (const YamlNode* figures = r.node("figures")) {
    if (!figures->is_mapping()) {
      diagnostics.error(r.at(*figures), "'figures' must be a mapping of figure ids to numbers, not " +
                                            std::string(describe_kind(*figures)));
    } else {
      for (const auto& e : figures->entries) {
        const Location where = r.at(e.key);
        if (!e.value.is_scalar()) {
          diagnostics.error(r.at(e.value), "the figure '" + e.key.value + "' must be a number");
          continue;
        }
        // Figures are written as published: "32757" or "32,757" both read as 32757.
        std::string digits;
        for (char c : e.value.value)
          if (c != ',') digits += c;
        char* end = nullptr;
        const double v = std::strtod(digits.c_str(), &end);
        if (digits.empty() || *end != '\0') {
          diagnostics.error(r.at(e.value), "the figure '" + e.key.value + "' must be a number, not '" +
                                               e.value.value + "'");
          continue;
        }
        l.figures[e.key.value] = v;
        l.figure_refs.push_back({e.key.value, where});
      }
    }
  }
  r.finish();
  return l;
}

void read_figures(const YamlDocument& doc, Model& model, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  FieldReader r = FieldReader::document(&doc.root, src, diagnostics, "figures.yaml");
  const std::string default_source = r.text("source");
  std::set<std::string> seen;
  if (const YamlNode* groups = r.node("groups", Need::required)) {
    if (!groups->is_sequence()) {
      diagnostics.error(r.at(*groups), "'groups' must be a list, not " + std::string(describe_kind(*groups)));
    } else {
      for (const auto& g : groups->items) {
        FieldReader gr(&g, src, diagnostics, "a group of figures");
        FigureGroup group;
        group.name = gr.text("name", Need::required);
        const std::string group_source = gr.text("source");
        if (const YamlNode* list = gr.node("figures", Need::required)) {
          if (!list->is_sequence()) {
            diagnostics.error(gr.at(*list), "'figures' must be a list, not " + std::string(describe_kind(*list)));
          } else {
            for (const auto& f : list->items) {
              FieldReader fr(&f, src, diagnostics, "a figure");
              FigureDefinition def;
              def.where = fr.here();
              def.id = fr.text("id", Need::required);
              def.label = fr.text("label", Need::required);
              def.unit = fr.choice("unit", {"count", "percent"});
              if (def.unit.empty()) def.unit = "count";
              def.description = fr.text("description");
              def.source = fr.text("source");
              if (def.source.empty()) def.source = group_source.empty() ? default_source : group_source;
              def.group = group.name;
              fr.finish();
              if (def.id.empty()) continue;
              if (!is_slug(def.id)) {
                diagnostics.error(def.where, "'" + def.id + "' is not a valid figure id",
                                  "use lower-case letters, digits and hyphens, like '" + slugify(def.id) + "'");
                continue;
              }
              if (!seen.insert(def.id).second) {
                diagnostics.error(def.where, "the figure id '" + def.id + "' is used twice");
                continue;
              }
              group.figures.push_back(model.figures.size());
              model.figures.push_back(std::move(def));
            }
          }
        }
        gr.finish();
        model.figure_groups.push_back(std::move(group));
      }
    }
  }
  r.finish();
}

}  // namespace og
