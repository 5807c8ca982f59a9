// Finds the partnership's content files and parses each one: YAML files into
// trees, Markdown files into front matter and body. Nothing is interpreted yet.
#pragma once

#include <filesystem>
#include <memory>
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

// The content folder's files, one at a time: a build turns each file into the
// model as soon as it is parsed (and so never holds every file's text and
// tree at once), and the preview server re-reads one file.
enum class ContentSlot {
  site,
  glossary,
  figures,
  plan_on_a_page,
  services,
  localities,
  pages,
  pathways,
  strategy,
  young_people
};

struct ContentFile {
  std::filesystem::path file;
  std::string display;  // "content/services/home-start.md"
  ContentSlot slot;
  bool markdown;               // .md (front matter and body) rather than .yaml
  std::string folder() const;  // "services", or "" for a single file
  // site.yaml, glossary.yaml, figures.yaml, plan-on-a-page.yaml (first in ContentSlot)
  bool single() const { return slot <= ContentSlot::plan_on_a_page; }
  std::string id() const;  // "home-start"
};

// Lists the files offergen reads under `dir` in a fixed order (single files,
// then folders, names sorted), and warns about anything it would not read.
// `display_dir` is set to `dir` as diagnostics show it.
std::vector<ContentFile> find_content_files(const std::filesystem::path& dir, std::string& display_dir,
                                            Diagnostics& diagnostics);

// Whether find_content_files() would say anything of `path` (under `dir`):
// read it, or warn or report an error about it. Editors' backups and hidden
// files are not noticed.
bool noticed_content_path(const std::filesystem::path& dir, const std::filesystem::path& path);

// One file read and parsed; safe to call on any thread.
struct ParsedFile {
  Diagnostics diagnostics;
  std::unique_ptr<SourceFile> source;        // null when the file could not be read
  std::optional<YamlDocument> yaml;          // YAML files that parsed
  std::optional<MarkdownDocument> markdown;  // Markdown files that were read
  bool unreadable() const { return !source || (!markdown && !yaml); }
};
ParsedFile parse_content_file(const ContentFile& file);

}  // namespace og
