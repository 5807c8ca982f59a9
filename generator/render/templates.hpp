// The Mustache templates of a site: read once, checked with positions, and
// compiled once into offergen's own Mustache engine (render/mustache.hpp),
// whose compiled templates every thread shares. Pages include partials as the
// engine renders them, so site templates behave as the Mustache spec says.
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
  // Renders template `name` (which must exist) with `data`. Past the
  // engine's limits (mustache::RenderLimits) the text ends there and
  // `*stopped` is set.
  std::string render(std::string_view name, const mustache::data& data, bool* stopped = nullptr) const;
  // The error for a render of `name` that stopped, making `what`.
  void report_stopped(std::string_view name, const std::string& what, Diagnostics& diagnostics) const;
  bool has(std::string_view name) const { return compiled_->pages.find(name) != compiled_->pages.end(); }

 private:
  friend class TemplateSet;
  struct Compiled {
    std::map<std::string, mustache::Template, std::less<>> pages;
    mustache::Partials partials;                            // "header" for partials/header.mustache
    std::map<std::string, std::string, std::less<>> paths;  // each page template's, as shown
    mustache::RenderLimits limits;
  };
  std::shared_ptr<const Compiled> compiled_;
};

class TemplateSet {
 public:
  // Reads every *.mustache file in `dir` (display name `display_dir`) and its
  // partials/ folder; checks syntax, partial references and the templates that
  // offergen needs. Returns nullopt after reporting errors.
  static std::optional<TemplateSet> load(const std::filesystem::path& dir, const std::string& display_dir,
                                         const std::vector<std::string>& required, Diagnostics& diagnostics);

  // Builds from sources in memory (tests), rendering within `limits`.
  static std::optional<TemplateSet> from_sources(std::vector<TemplateSource> sources,
                                                 const std::vector<std::string>& required, Diagnostics& diagnostics,
                                                 const mustache::RenderLimits& limits = {});

  // The templates, compiled when the set was loaded.
  CompiledTemplates compile() const { return compiled_; }
  // Each page template's text followed by the texts of the partials it
  // includes, directly or not: when it changes, the pages made with it may.
  const std::map<std::string, std::string, std::less<>>& sources() const { return sources_; }

 private:
  std::map<std::string, std::string, std::less<>> sources_;
  CompiledTemplates compiled_;
};

}  // namespace og
