// A content file through load and validate, in memory: the input's first line
// is the file's path under content/ ("services/home-start.md", "site.yaml"),
// the rest its bytes. The file is read as the loader reads it (UTF-8 check,
// front matter, YAML tree), turned into its model type by the validate stage,
// checked with the whole-model checks, and every diagnostic is formatted with
// its source line. Checks: each diagnostic's line (when it has one) is a line
// of the file, and its column is within that line's characters plus one.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/diagnostic_format.hpp"
#include "core/text.hpp"
#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "validate/kinds.hpp"

namespace {

using namespace og;

enum class Kind { site, glossary, figures, plan, service, locality, page, pathway, strategy, young_people };

Kind kind_of(std::string_view path) {
  if (path == "site.yaml") return Kind::site;
  if (path == "glossary.yaml") return Kind::glossary;
  if (path == "figures.yaml") return Kind::figures;
  if (path == "plan-on-a-page.yaml") return Kind::plan;
  if (path.starts_with("localities/")) return Kind::locality;
  if (path.starts_with("pages/")) return Kind::page;
  if (path.starts_with("pathways/")) return Kind::pathway;
  if (path.starts_with("strategy/")) return Kind::strategy;
  if (path.starts_with("young-people/")) return Kind::young_people;
  return Kind::service;
}

bool is_yaml(Kind k) {
  return k <= Kind::plan;
}

void read_yaml(Kind kind, const SourceFile& src, Model& model, Diagnostics& d) {
  auto root = parse_yaml(src, src.text, 1, d);
  if (!root) return;
  const YamlDocument doc{&src, std::move(*root)};
  switch (kind) {
    case Kind::site:
      model.site = read_site(doc, d);
      model.site_loaded = true;
      break;
    case Kind::glossary:
      model.terms = read_glossary(doc, d);
      break;
    case Kind::figures:
      model.figures_loaded = true;
      read_figures(doc, model, d);
      break;
    default:
      model.plan_on_a_page = read_plan_on_a_page(doc, d);
      break;
  }
}

void read_markdown(Kind kind, const SourceFile& src, Model& model, Diagnostics& d) {
  MarkdownSplit split = split_front_matter(src, d);
  const MarkdownDocument doc{&src, std::move(split.front_matter), split.body, split.body_line, split.broken};
  switch (kind) {
    case Kind::service:
      if (doc.front_matter) model.services.push_back(read_service(doc, d));
      break;
    case Kind::locality:
      if (doc.front_matter) model.localities.push_back(read_locality(doc, d));
      break;
    case Kind::page:
      model.pages.push_back(read_page(doc, d));
      break;
    case Kind::pathway:
      model.pathways.push_back(read_pathway(doc, d));
      break;
    case Kind::strategy:
      model.strategy.push_back(read_strategy_part(doc, d));
      break;
    default:
      model.young_people.push_back(read_young_people_page(doc, d));
      break;
  }
}

// The number of characters (not bytes) of a UTF-8 line.
std::size_t characters(std::string_view line) {
  std::size_t n = 0;
  for (const char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void check_position(const SourceFile& src, const Diagnostic& diag) {
  if (diag.where.path != src.path || diag.where.line == 0) return;
  const auto line = src.line_text(diag.where.line);
  // A problem at the end of a file that ends with a line end stands on the
  // empty line after it, which line_text() has too.
  if (!line || diag.where.line < 0 || diag.where.column < 0 ||
      static_cast<std::size_t>(diag.where.column) > characters(*line) + 1) {
    std::fprintf(stderr, "diagnostic outside the file: %s\n", format_diagnostic(diag, {}).c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos || nl > 200) return -1;  // not kept in the corpus
  const std::string_view path = input.substr(0, nl);
  const Kind kind = kind_of(path);

  Diagnostics d;
  auto src = make_source("content/" + std::string(path), input.substr(nl + 1), d);
  if (src) {
    Model model;
    if (is_yaml(kind))
      read_yaml(kind, *src, model, d);
    else
      read_markdown(kind, *src, model, d);
    finish_model(model, ValidateOptions{{2026, 11, 22}}, d);
  }
  d.sort();
  const SourceLineLookup lookup = [&](const std::string& p, int line) -> std::optional<std::string> {
    if (!src || p != src->path) return std::nullopt;
    auto text = src->line_text(line);
    return text ? std::optional<std::string>(std::string(*text)) : std::nullopt;
  };
  for (const Diagnostic& diag : d.all()) {
    if (src) check_position(*src, diag);
    if (format_diagnostic(diag, lookup).empty()) std::abort();
  }
  return 0;
}
