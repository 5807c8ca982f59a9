// Finds the partnership's content files and parses each one: YAML files into
// trees, Markdown files into front matter and body. Nothing is interpreted yet.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"

namespace og {

struct YamlDocument {
  const SourceFile* source = nullptr;
  YamlNode root;
};

struct MarkdownDocument {
  const SourceFile* source = nullptr;
  std::optional<YamlNode> front_matter;
  std::string_view body;
  int body_line = 1;
  bool broken_front_matter = false;  // already reported by the loader
};

// The content folder's shape. Single files first, then folders of many.
enum class Collection { services, localities, pages, pathways, strategy, young_people };

struct LoadedContent {
  std::string dir;  // as shown in diagnostics, without a trailing slash
  std::vector<std::unique_ptr<SourceFile>> files;

  std::optional<YamlDocument> site;
  std::optional<YamlDocument> glossary;
  std::optional<YamlDocument> figures;
  std::optional<YamlDocument> plan_on_a_page;
  std::vector<YamlDocument> services;
  std::vector<YamlDocument> localities;
  std::vector<MarkdownDocument> pages;
  std::vector<MarkdownDocument> pathways;
  std::vector<MarkdownDocument> strategy;
  std::vector<MarkdownDocument> young_people;

  // Ids of files that exist but could not be read or parsed, by folder
  // ("services", "localities", ...), so that references to them are not reported again.
  std::map<std::string, std::set<std::string>, std::less<>> unreadable;

  const SourceFile* find_file(std::string_view path) const;
};

// Reads every content file under `dir` on up to `jobs` threads. Problems are
// reported in `diagnostics`; a file that cannot be parsed is left out.
LoadedContent load_content(const std::filesystem::path& dir, unsigned jobs,
                           Diagnostics& diagnostics);

// The names offergen reads at the top of a content folder (for hints).
std::vector<std::string_view> known_content_entries();

}  // namespace og
