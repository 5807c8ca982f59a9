#include "render/templates.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "load/source_file.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

Diagnostic syntax_error(const TemplateSource& t, const mustache::TemplateError& error) {
  auto [line, column] = line_and_column(t.text, error.offset);
  return {{t.path, line, column}, Severity::error, "template syntax error: " + error.message, {}};
}

using mustache::Template;
using SourceMap = std::map<std::string, const TemplateSource*, std::less<>>;

// Every {{> name}} in `t` names a partial; one that does not is reported where it is.
bool check_partial_names(const TemplateSource& source, const Template& t, const SourceMap& partials,
                         Diagnostics& diagnostics) {
  bool ok = true;
  for (const auto& tag : t.tags()) {
    if (tag.kind != Template::TagKind::partial || partials.count(tag.name)) continue;
    std::vector<std::string_view> names;
    for (const auto& [n, _] : partials) names.push_back(n);
    const std::string suggestion = did_you_mean(tag.name, names);
    auto [line, column] = line_and_column(source.text, tag.offset);
    diagnostics.error({source.path, line, column}, "unknown partial '" + tag.name + "'",
                      suggestion.empty() ? "partials live in the templates' partials/ folder" : suggestion);
    ok = false;
  }
  return ok;
}

// A partial that includes itself outside any section would never stop: that
// is an error. Inside a section it may (a tree rendered by one partial, as
// the spec's recursion test does); the data decides how deep it goes.
class CycleCheck {
 public:
  CycleCheck(const SourceMap& sources, const mustache::Partials& partials, Diagnostics& d)
      : sources_(sources), partials_(partials), diagnostics_(d) {}

  // Follows the partials `t` includes outside sections; false after reporting a cycle.
  bool check(const TemplateSource& source, const Template& t) {
    bool ok = true;
    for (const auto& tag : t.tags()) {
      if (tag.kind != Template::TagKind::partial || tag.sections > 0) continue;
      const auto partial = partials_.find(tag.name);
      if (partial == partials_.end() || done_.count(tag.name)) continue;
      if (std::find(chain_.begin(), chain_.end(), tag.name) != chain_.end()) {
        auto [line, column] = line_and_column(source.text, tag.offset);
        diagnostics_.error({source.path, line, column}, "the partial '" + tag.name + "' includes itself");
        ok = false;
        continue;
      }
      chain_.push_back(tag.name);
      ok = check(*sources_.at(tag.name), partial->second) && ok;
      chain_.pop_back();
      done_.insert(tag.name);
    }
    return ok;
  }

 private:
  const SourceMap& sources_;
  const mustache::Partials& partials_;
  Diagnostics& diagnostics_;
  std::vector<std::string> chain_;  // the partials being followed
  std::set<std::string> done_;      // partials followed to the end
};

// The names of the partials `t` includes, directly or not.
void included_partials(const Template& t, const mustache::Partials& partials, std::set<std::string>& names) {
  for (const auto& tag : t.tags()) {
    if (tag.kind != Template::TagKind::partial || names.count(tag.name)) continue;
    const auto it = partials.find(tag.name);
    if (it == partials.end()) continue;
    names.insert(tag.name);
    included_partials(it->second, partials, names);
  }
}

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
                                                     const std::vector<std::string>& required, Diagnostics& diagnostics,
                                                     const mustache::RenderLimits& limits) {
  bool ok = true;
  auto compiled = std::make_shared<CompiledTemplates::Compiled>();
  compiled->limits = limits;
  SourceMap page_sources, partial_sources;
  std::set<std::string, std::less<>> page_names;  // with syntax errors or not
  std::string dir_hint;
  for (const auto& s : sources) {
    if (s.name.rfind("partials/", 0) != 0) page_names.insert(s.name);
    mustache::TemplateError error;
    auto tmpl = Template::compile(s.text, error);
    if (!tmpl) {
      diagnostics.add(syntax_error(s, error));
      ok = false;
    } else if (s.name.rfind("partials/", 0) == 0) {
      partial_sources[s.name.substr(9)] = &s;
      compiled->partials.emplace(s.name.substr(9), std::move(*tmpl));
    } else {
      page_sources[s.name] = &s;
      compiled->pages.emplace(s.name, std::move(*tmpl));
      compiled->paths.emplace(s.name, s.path);
    }
    if (dir_hint.empty()) dir_hint = s.path.substr(0, s.path.rfind('/'));
  }
  for (const auto& name : required) {
    if (!page_names.count(name)) {
      diagnostics.error({(dir_hint.empty() ? std::string("templates") : dir_hint) + "/" + name + ".mustache", 0, 0},
                        "the template '" + name + ".mustache' is missing");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;

  for (const auto& [name, source] : page_sources)
    ok = check_partial_names(*source, compiled->pages.at(name), partial_sources, diagnostics) && ok;
  for (const auto& [name, source] : partial_sources)
    ok = check_partial_names(*source, compiled->partials.at(name), partial_sources, diagnostics) && ok;
  CycleCheck cycles(partial_sources, compiled->partials, diagnostics);
  for (const auto& [name, source] : page_sources) ok = cycles.check(*source, compiled->pages.at(name)) && ok;
  if (!ok) return std::nullopt;

  TemplateSet set;
  for (const auto& [name, source] : page_sources) {
    std::string& text = set.sources_[name];
    text = source->text;
    std::set<std::string> included;
    included_partials(compiled->pages.at(name), compiled->partials, included);
    for (const auto& partial : included) text += '\0' + partial + '\0' + partial_sources.at(partial)->text;
  }
  set.compiled_.compiled_ = std::move(compiled);
  return set;
}

std::string CompiledTemplates::render(std::string_view name, const mustache::data& data, bool* stopped) const {
  std::string out;
  auto it = compiled_->pages.find(name);
  if (it != compiled_->pages.end() && !it->second.render(data, out, &compiled_->partials, compiled_->limits) && stopped)
    *stopped = true;
  return out;
}

namespace {

// "50 million", "1000"; "128 MB", "250 bytes".
std::string steps_text(std::uint64_t n) {
  return n % 1'000'000 == 0 ? std::to_string(n / 1'000'000) + " million" : std::to_string(n);
}
std::string bytes_text(std::size_t n) {
  return n % (1 << 20) == 0 ? std::to_string(n >> 20) + " MB" : std::to_string(n) + " bytes";
}

}  // namespace

void CompiledTemplates::report_stopped(std::string_view name, const std::string& what, Diagnostics& diagnostics) const {
  const mustache::RenderLimits& limits = compiled_->limits;
  diagnostics.error({compiled_->paths.find(name)->second, 0, 0},
                    "rendering " + what + " went past " + steps_text(limits.steps) + " steps or " +
                        bytes_text(limits.bytes) + ", and stopped",
                    "does a partial include itself, or another, many times over, or a section go through a list from "
                    "inside its own items?");
}

}  // namespace og
