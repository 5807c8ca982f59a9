// The Mustache templates of a site: read once, checked with positions, partials
// inlined at load time, and compiled once into offergen's own Mustache engine
// (render/mustache.hpp), whose compiled templates every thread shares.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "render/mustache.hpp"

namespace og {

struct TemplateSource {
  std::string name;  // "service", "partials/header"
  std::string path;  // as shown in diagnostics
  std::string text;
};

// The compiled templates: read-only, so any number of threads may render
// with the same ones (copies share them).
class CompiledTemplates {
 public:
  // Renders template `name` (which must exist) with `data`.
  std::string render(std::string_view name, const mustache::data& data) const;
  // Appends template `name` rendered with `data` to `out`.
  void render_into(std::string& out, std::string_view name, const mustache::data& data) const;
  bool has(std::string_view name) const { return compiled_->find(name) != compiled_->end(); }

 private:
  friend class TemplateSet;
  std::shared_ptr<const std::map<std::string, mustache::Template, std::less<>>> compiled_;
};

class TemplateSet {
 public:
  // Reads every *.mustache file in `dir` (display name `display_dir`) and its
  // partials/ folder; checks syntax, partial references and the templates that
  // offergen needs. Returns nullopt after reporting errors.
  static std::optional<TemplateSet> load(const std::filesystem::path& dir, const std::string& display_dir,
                                         const std::vector<std::string>& required, Diagnostics& diagnostics);

  // Builds from sources in memory (tests).
  static std::optional<TemplateSet> from_sources(std::vector<TemplateSource> sources,
                                                 const std::vector<std::string>& required,
                                                 Diagnostics& diagnostics);

  // The templates, compiled when the set was loaded.
  CompiledTemplates compile() const { return compiled_; }
  // The page templates after partials were inlined.
  const std::map<std::string, std::string, std::less<>>& expanded() const { return expanded_; }

 private:
  std::map<std::string, std::string, std::less<>> expanded_;
  CompiledTemplates compiled_;
};

// Turns a byte offset in `text` into 1-based line and column.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

}  // namespace og
