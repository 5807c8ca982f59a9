#include "render/templates.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.hpp"
#include "load/source_file.hpp"

namespace og {

namespace fs = std::filesystem;

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, utf8_length(text.substr(line_start, offset - line_start)) + 1};
}

namespace {

Diagnostic syntax_error(const TemplateSource& t, const mustache::TemplateError& error) {
  auto [line, column] = line_and_column(t.text, error.offset);
  return {{t.path, line, column}, Severity::error, "template syntax error: " + error.message, {}};
}

struct PartialTag {
  std::size_t start, end;  // byte range of "{{> name}}"
  std::string name;
};

std::vector<PartialTag> find_partials(std::string_view text) {
  std::vector<PartialTag> tags;
  std::size_t pos = 0;
  while ((pos = text.find("{{>", pos)) != std::string_view::npos) {
    const std::size_t close = text.find("}}", pos);
    if (close == std::string_view::npos) break;
    tags.push_back({pos, close + 2, std::string(trim(text.substr(pos + 3, close - pos - 3)))});
    pos = close + 2;
  }
  return tags;
}

class Expander {
 public:
  Expander(const std::map<std::string, const TemplateSource*, std::less<>>& partials, Diagnostics& d)
      : partials_(partials), diagnostics_(d) {}

  std::optional<std::string> expand(const TemplateSource& t, std::vector<std::string>& chain) {
    std::string out;
    std::size_t pos = 0;
    bool ok = true;
    for (const auto& tag : find_partials(t.text)) {
      out.append(t.text, pos, tag.start - pos);
      pos = tag.end;
      auto [line, column] = line_and_column(t.text, tag.start);
      auto it = partials_.find(tag.name);
      if (it == partials_.end()) {
        std::vector<std::string_view> names;
        for (const auto& [n, _] : partials_) names.push_back(n);
        diagnostics_.error({t.path, line, column}, "unknown partial '" + tag.name + "'",
                           did_you_mean(tag.name, names).empty()
                               ? "partials live in the templates' partials/ folder"
                               : did_you_mean(tag.name, names));
        ok = false;
        continue;
      }
      if (std::find(chain.begin(), chain.end(), tag.name) != chain.end() || chain.size() > 16) {
        diagnostics_.error({t.path, line, column}, "the partial '" + tag.name + "' includes itself");
        ok = false;
        continue;
      }
      chain.push_back(tag.name);
      auto inner = expand(*it->second, chain);
      chain.pop_back();
      if (!inner) {
        ok = false;
        continue;
      }
      out += *inner;
    }
    out.append(t.text, pos, std::string::npos);
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  const std::map<std::string, const TemplateSource*, std::less<>>& partials_;
  Diagnostics& diagnostics_;
};

std::vector<TemplateSource> read_dir(const fs::path& dir, const std::string& display, const std::string& prefix,
                                     Diagnostics& diagnostics) {
  std::vector<TemplateSource> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".mustache") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string shown = display + "/" + f.filename().string();
    auto src = read_source(f, shown, diagnostics);
    if (!src) continue;
    out.push_back({prefix + f.stem().string(), shown, std::move(src->text)});
  }
  return out;
}

}  // namespace

std::optional<TemplateSet> TemplateSet::load(const fs::path& dir, const std::string& display_dir,
                                             const std::vector<std::string>& required, Diagnostics& diagnostics) {
  auto sources = read_dir(dir, display_dir, "", diagnostics);
  auto partials = read_dir(dir / "partials", display_dir + "/partials", "partials/", diagnostics);
  sources.insert(sources.end(), std::make_move_iterator(partials.begin()), std::make_move_iterator(partials.end()));
  return from_sources(std::move(sources), required, diagnostics);
}

std::optional<TemplateSet> TemplateSet::from_sources(std::vector<TemplateSource> sources,
                                                     const std::vector<std::string>& required,
                                                     Diagnostics& diagnostics) {
  bool ok = true;
  std::map<std::string, const TemplateSource*, std::less<>> partials;
  std::map<std::string, const TemplateSource*, std::less<>> pages;
  std::string dir_hint;
  for (const auto& s : sources) {
    // Every file on its own first, so that an error names the file it is in.
    mustache::TemplateError error;
    if (!mustache::Template::compile(s.text, error)) {
      diagnostics.add(syntax_error(s, error));
      ok = false;
    }
    if (s.name.rfind("partials/", 0) == 0) partials[s.name.substr(9)] = &s;
    else pages[s.name] = &s;
    if (dir_hint.empty()) dir_hint = s.path.substr(0, s.path.rfind('/'));
  }
  for (const auto& name : required) {
    if (pages.find(name) == pages.end()) {
      diagnostics.error({(dir_hint.empty() ? std::string("templates") : dir_hint) + "/" + name + ".mustache", 0, 0},
                        "the template '" + name + ".mustache' is missing");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;

  TemplateSet set;
  auto compiled = std::make_shared<std::map<std::string, mustache::Template, std::less<>>>();
  Expander expander(partials, diagnostics);
  for (const auto& [name, source] : pages) {
    std::vector<std::string> chain;
    auto text = expander.expand(*source, chain);
    if (!text) {
      ok = false;
      continue;
    }
    mustache::TemplateError error;
    auto tmpl = mustache::Template::compile(*text, error);
    if (!tmpl) {
      // A section opened in one file and closed in another only shows up here.
      diagnostics.error({source->path, 0, 0}, "template syntax error after inlining partials: " + error.message);
      ok = false;
      continue;
    }
    compiled->emplace(name, std::move(*tmpl));
    set.expanded_[name] = std::move(*text);
  }
  if (!ok) return std::nullopt;
  set.compiled_.compiled_ = std::move(compiled);
  return set;
}

std::string CompiledTemplates::render(std::string_view name, const mustache::data& data) const {
  std::string out;
  render_into(out, name, data);
  return out;
}

void CompiledTemplates::render_into(std::string& out, std::string_view name, const mustache::data& data) const {
  auto it = compiled_->find(name);
  if (it != compiled_->end()) it->second.render(data, out);
}

}  // namespace og
