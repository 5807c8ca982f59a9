#include "load/content_files.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "load/front_matter.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

using Slot = ContentSlot;

struct Entry {
  std::string_view name;  // "site.yaml" or "services"
  Slot slot;
  bool folder;
  std::string_view extension;  // ".yaml" or ".md"
};

constexpr std::array<Entry, 10> kLayout{{
    {"site.yaml", Slot::site, false, ".yaml"},
    {"glossary.yaml", Slot::glossary, false, ".yaml"},
    {"figures.yaml", Slot::figures, false, ".yaml"},
    {"plan-on-a-page.yaml", Slot::plan_on_a_page, false, ".yaml"},
    {"services", Slot::services, true, ".md"},
    {"localities", Slot::localities, true, ".md"},
    {"pages", Slot::pages, true, ".md"},
    {"pathways", Slot::pathways, true, ".md"},
    {"strategy", Slot::strategy, true, ".md"},
    {"young-people", Slot::young_people, true, ".md"},
}};

bool ignored_name(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#';
}

struct NamedEntry {
  std::string name;
  bool directory = false;  // following a symbolic link, as directory_entry::is_directory() does
};

// A folder's entries by name.
std::vector<NamedEntry> sorted_entries(const fs::path& dir) {
  std::vector<NamedEntry> entries;
  std::error_code ec, type_ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back({it->path().filename().string(), it->is_directory(type_ec)});
  std::sort(entries.begin(), entries.end(), [](const NamedEntry& a, const NamedEntry& b) { return a.name < b.name; });
  return entries;
}

// What std::filesystem::path calls a file name's extension: from its last
// '.', unless that is its first character.
std::string_view extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot);
}

bool blank_or_comments(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    if (!line.empty() && line.front() != '#') return false;
    pos = end + 1;
  }
  return true;
}

}  // namespace

std::string ContentFile::folder() const {
  const auto layout = std::find_if(kLayout.begin(), kLayout.end(), [&](const Entry& e) { return e.slot == slot; });
  return layout != kLayout.end() && layout->folder ? std::string(layout->name) : std::string();
}

std::string ContentFile::id() const {
  return file.stem().string();
}

std::vector<ContentFile> find_content_files(const fs::path& dir, std::string& display_dir, Diagnostics& diagnostics) {
  display_dir = dir.lexically_normal().generic_string();
  while (display_dir.size() > 1 && display_dir.back() == '/') display_dir.pop_back();
  std::vector<std::string_view> known;  // for hints
  for (const auto& e : kLayout) known.push_back(e.name);

  // Find the files, in a fixed order, and warn about anything offergen would not read.
  std::vector<ContentFile> pending;
  for (const auto& [name, directory] : sorted_entries(dir)) {
    if (ignored_name(name)) continue;
    const std::string display = display_dir + "/" + name;
    // (Named again for the lambda: clang before 16 cannot capture a structured binding.)
    auto layout =
        std::find_if(kLayout.begin(), kLayout.end(), [&entry = name](const Entry& e) { return e.name == entry; });
    if (layout == kLayout.end()) {
      diagnostics.warning({display, 0, 0}, "offergen does not read '" + name + "'", did_you_mean(name, known));
      continue;
    }
    if (layout->folder != directory) {
      diagnostics.error({display, 0, 0},
                        layout->folder ? "'" + name + "' must be a folder" : "'" + name + "' must be a file");
      continue;
    }
    const bool markdown = layout->extension == ".md";
    if (!layout->folder) {
      pending.push_back({dir / name, display, layout->slot, markdown});
      continue;
    }
    const fs::path folder = dir / name;
    for (const auto& [file_name, file_is_directory] : sorted_entries(folder)) {
      if (ignored_name(file_name)) continue;
      const std::string file_display = display + "/" + file_name;
      const std::string_view ext = extension_of(file_name);
      if (file_is_directory && (ext == layout->extension || ext == ".yaml" || ext == ".yml")) {
        diagnostics.warning({file_display, 0, 0},
                            "'" + file_name + "' is a folder, not a file, so offergen does not read it",
                            "put a file of that name in '" + name + "' in place of the folder");
        continue;
      }
      if (file_is_directory) {
        diagnostics.warning({file_display, 0, 0}, "offergen does not read folders inside '" + name + "'");
        continue;
      }
      if ((ext == ".yaml" || ext == ".yml") && layout->extension == ".md") {
        // Services and areas were YAML files before they became Markdown.
        diagnostics.error({file_display, 0, 0}, "a file in '" + name + "' is Markdown with front matter, not YAML",
                          "rename it to '" + file_name.substr(0, file_name.size() - ext.size()) +
                              ".md', put '---' on the lines before and after its fields, and move the text of "
                              "'description: |' below the second '---', without its indentation");
        continue;
      }
      if (ext != layout->extension) {
        std::string hint;
        if (ext == ".yml" || ext == ".markdown")
          hint = "rename it to '" + file_name.substr(0, file_name.size() - ext.size()) +
                 std::string(layout->extension) + "'";
        diagnostics.warning({file_display, 0, 0},
                            "offergen reads only " + std::string(layout->extension) + " files in '" + name + "'", hint);
        continue;
      }
      pending.push_back({folder / file_name, file_display, layout->slot, markdown});
    }
  }
  return pending;
}

bool noticed_content_path(const fs::path& dir, const fs::path& path) {
  const fs::path rel = path.lexically_relative(dir);
  std::size_t depth = 0;
  for (const auto& part : rel) {
    if (ignored_name(part.string()) || part == "..") return false;
    ++depth;
  }
  return depth >= 1 && depth <= 2;
}

ParsedFile parse_content_file(const ContentFile& file) {
  ParsedFile out;
  auto source = read_source(file.file, file.display, out.diagnostics);
  if (!source) return out;
  out.source = std::make_unique<SourceFile>(std::move(*source));
  const SourceFile& src = *out.source;
  if (file.markdown) {
    // A service or an area is its front matter; without it there is nothing to read.
    const bool needs_fields = file.slot == Slot::services || file.slot == Slot::localities;
    if (needs_fields && src.text.find_first_not_of(" \t\n") == std::string::npos) {
      out.diagnostics.error(src.at(1, 1), "the file is empty");
      return out;
    }
    MarkdownSplit split = split_front_matter(src, out.diagnostics);
    if (needs_fields && !split.front_matter) {
      if (!split.broken)
        out.diagnostics.error(src.at(1, 1), "the file has no front matter",
                              "start it with a line '---', then its fields such as 'name: ...', then another '---'; "
                              "the description goes below that");
      return out;
    }
    out.markdown = MarkdownDocument{&src, std::move(split.front_matter), split.body, split.body_line, split.broken};
    return out;
  }
  if (blank_or_comments(src.text)) {
    out.diagnostics.error(src.at(1, 1), "the file is empty");
    return out;
  }
  if (auto root = parse_yaml(src, src.text, 1, out.diagnostics)) out.yaml = YamlDocument{&src, std::move(*root)};
  return out;
}

}  // namespace og
