#include "import/import_map.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "validate/field_reader.hpp"

namespace og {

namespace {

const std::vector<std::string_view> kAccess = {"self-referral", "professional-referral", "drop-in"};

struct MapReader {
  const MapTargets& targets;
  const SourceFile& source;
  Diagnostics& diagnostics;

  void unknown(const Ref& ref, std::string_view what, const std::vector<std::string_view>& known,
               std::string_view where) {
    std::string hint = did_you_mean(ref.id, known);
    if (hint.empty()) {
      std::string all;
      for (auto k : known) all += (all.empty() ? "" : ", ") + std::string(k);
      hint = "the " + std::string(what) + " ids in " + std::string(where) + " are: " + all;
    }
    diagnostics.error(ref.where, "unknown " + std::string(what) + " '" + ref.id + "'", hint);
  }

  std::vector<std::string> categories(FieldReader& r) {
    std::vector<std::string_view> known;
    for (const Category& c : targets.site->categories) known.push_back(c.id);
    std::vector<std::string> out;
    for (const Ref& ref : r.ref_list("categories")) {
      if (std::find(known.begin(), known.end(), ref.id) == known.end())
        unknown(ref, "category", known, "site.yaml");
      else
        out.push_back(ref.id);
    }
    return out;
  }

  std::vector<int> levels(FieldReader& r) {
    std::vector<int> out;
    for (const Ref& ref : r.ref_list("levels")) {
      const auto level = std::find_if(targets.site->levels.begin(), targets.site->levels.end(),
                                      [&](const Level& l) { return std::to_string(l.number) == ref.id; });
      if (level == targets.site->levels.end())
        diagnostics.error(ref.where, "there is no level of need '" + ref.id + "' in site.yaml",
                          "site.yaml's levels are 1 to " + std::to_string(targets.site->levels.size()));
      else
        out.push_back(level->number);
    }
    return out;
  }

  std::vector<std::string> access(FieldReader& r) {
    std::vector<std::string> out;
    for (const Ref& ref : r.ref_list("access")) {
      if (std::find(kAccess.begin(), kAccess.end(), ref.id) == kAccess.end())
        unknown(ref, "way to get a service", kAccess, "services");
      else
        out.push_back(ref.id);
    }
    return out;
  }

  AreaMapping area(const YamlNode& value) {
    AreaMapping a;
    if (value.is_scalar() && value.value == "all") {
      a.all = true;
      return a;
    }
    std::vector<std::string_view> known(targets.localities.begin(), targets.localities.end());
    const std::vector<const YamlNode*> items = [&] {
      std::vector<const YamlNode*> v;
      if (value.is_sequence())
        for (const YamlNode& i : value.items) v.push_back(&i);
      else
        v.push_back(&value);
      return v;
    }();
    for (const YamlNode* item : items) {
      const Ref ref{std::string(trim(item->value)), source.at(item->line, item->column)};
      if (!item->is_scalar() || std::find(known.begin(), known.end(), ref.id) == known.end())
        unknown(ref, "locality", known, "localities/");
      else
        a.localities.push_back(ref.id);
    }
    return a;
  }
};

// Each entry of the mapping `key` of `r`, checked to be a mapping and to
// name each term (without regard to case) once.
template <typename F>
void entries(FieldReader& r, std::string_view key, Diagnostics& diagnostics, F&& read) {
  const YamlNode* node = r.node(key);
  if (!node) return;
  if (!node->is_mapping()) {
    diagnostics.error(r.at(*node), "'" + std::string(key) + "' must be a mapping, not " + describe_kind(*node),
                      "write one line 'name in the feed: ...' for each");
    return;
  }
  std::vector<std::string> seen;
  for (const YamlEntry& e : node->entries) {
    const std::string name = to_lower_ascii(trim(e.key.value));
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      diagnostics.error(r.at(e.key), "'" + e.key.value + "' is mapped twice");
      continue;
    }
    seen.push_back(name);
    read(e, name);
  }
}

}  // namespace

const TermMapping* ImportMap::term(const std::vector<std::string>& keys) const {
  for (const std::string& key : keys) {
    const std::string lower = to_lower_ascii(trim(key));
    for (const auto& [name, mapping] : terms)
      if (name == lower) return &mapping;
  }
  return nullptr;
}

const AreaMapping* ImportMap::area(const std::string& name) const {
  const std::string lower = to_lower_ascii(trim(name));
  for (const auto& [key, mapping] : areas)
    if (key == lower) return &mapping;
  return nullptr;
}

std::optional<ImportMap> read_import_map(const std::filesystem::path& file, const std::string& display,
                                         const MapTargets& targets, Diagnostics& diagnostics) {
  Diagnostics found;
  std::optional<SourceFile> source = read_source(file, display, found);
  std::optional<YamlNode> root;
  if (source) root = parse_yaml(*source, source->text, 1, found);
  if (source && !root && !found.has_errors())
    found.error({display, 1, 1}, "the map is empty", "see docs/import.md for what a map holds");
  ImportMap map;
  if (root) {
    MapReader m{targets, *source, found};
    FieldReader r = FieldReader::document(&*root, *source, found, "the map");
    entries(r, "terms", found, [&](const YamlEntry& e, const std::string& name) {
      FieldReader t(&e.value, *source, found, "the term '" + e.key.value + "'");
      TermMapping mapping{m.categories(t), m.levels(t)};
      t.finish();
      map.terms.emplace_back(name, std::move(mapping));
    });
    entries(r, "areas", found,
            [&](const YamlEntry& e, const std::string& name) { map.areas.emplace_back(name, m.area(e.value)); });
    if (const YamlNode* defaults = r.node("defaults")) {
      FieldReader d(defaults, *source, found, "'defaults'");
      map.default_categories = m.categories(d);
      map.default_levels = m.levels(d);
      map.default_access = m.access(d);
      d.finish();
    }
    r.finish();
  }
  diagnostics.append(found);
  if (!root || found.has_errors()) return std::nullopt;
  return map;
}

}  // namespace og
