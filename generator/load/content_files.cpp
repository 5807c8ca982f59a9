#include "load/content_files.hpp"

#include <algorithm>
#include <array>

#include "core/parallel.hpp"
#include "core/text.hpp"
#include "load/front_matter.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

enum class Slot { site, glossary, figures, plan_on_a_page, services, localities, pages, pathways,
                  strategy, young_people };

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
    {"services", Slot::services, true, ".yaml"},
    {"localities", Slot::localities, true, ".yaml"},
    {"pages", Slot::pages, true, ".md"},
    {"pathways", Slot::pathways, true, ".md"},
    {"strategy", Slot::strategy, true, ".md"},
    {"young-people", Slot::young_people, true, ".md"},
}};

struct Pending {
  fs::path file;
  std::string display;
  Slot slot;
  bool markdown;
};

struct Parsed {
  Diagnostics diagnostics;
  std::unique_ptr<SourceFile> source;
  std::optional<YamlNode> yaml;
  MarkdownDocument markdown;
};

bool ignored_name(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#';
}

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  return entries;
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

void parse_one(const Pending& p, Parsed& out) {
  auto source = read_source(p.file, p.display, out.diagnostics);
  if (!source) return;
  out.source = std::make_unique<SourceFile>(std::move(*source));
  const SourceFile& src = *out.source;
  if (p.markdown) {
    MarkdownSplit split = split_front_matter(src, out.diagnostics);
    out.markdown.source = &src;
    out.markdown.front_matter = std::move(split.front_matter);
    out.markdown.body = split.body;
    out.markdown.body_line = split.body_line;
    out.markdown.broken_front_matter = split.broken;
    return;
  }
  if (blank_or_comments(src.text)) {
    out.diagnostics.error(src.at(1, 1), "the file is empty");
    return;
  }
  out.yaml = parse_yaml(src, src.text, 1, out.diagnostics);
}

}  // namespace

std::vector<std::string_view> known_content_entries() {
  std::vector<std::string_view> names;
  for (const auto& e : kLayout) names.push_back(e.name);
  return names;
}

const SourceFile* LoadedContent::find_file(std::string_view path) const {
  for (const auto& f : files)
    if (f->path == path) return f.get();
  return nullptr;
}

LoadedContent load_content(const fs::path& dir, unsigned jobs, Diagnostics& diagnostics) {
  LoadedContent content;
  content.dir = dir.lexically_normal().generic_string();
  while (content.dir.size() > 1 && content.dir.back() == '/') content.dir.pop_back();
  const std::vector<std::string_view> known = known_content_entries();

  // Find the files, in a fixed order, and warn about anything offergen would not read.
  std::vector<Pending> pending;
  for (const auto& entry : sorted_entries(dir)) {
    const std::string name = entry.path().filename().string();
    if (ignored_name(name)) continue;
    const std::string display = content.dir + "/" + name;
    auto layout = std::find_if(kLayout.begin(), kLayout.end(),
                               [&](const Entry& e) { return e.name == name; });
    if (layout == kLayout.end()) {
      diagnostics.warning({display, 0, 0}, "offergen does not read '" + name + "'",
                          did_you_mean(name, known));
      continue;
    }
    if (layout->folder != entry.is_directory()) {
      diagnostics.error({display, 0, 0},
                        layout->folder ? "'" + name + "' must be a folder" : "'" + name + "' must be a file");
      continue;
    }
    const bool markdown = layout->extension == ".md";
    if (!layout->folder) {
      pending.push_back({entry.path(), display, layout->slot, markdown});
      continue;
    }
    for (const auto& file : sorted_entries(entry.path())) {
      const std::string file_name = file.path().filename().string();
      if (ignored_name(file_name)) continue;
      const std::string file_display = display + "/" + file_name;
      if (file.is_directory()) {
        diagnostics.warning({file_display, 0, 0}, "offergen does not read folders inside '" + name + "'");
        continue;
      }
      const std::string ext = file.path().extension().string();
      if (ext != layout->extension) {
        std::string hint;
        if (ext == ".yml" || ext == ".markdown")
          hint = "rename it to '" + file.path().stem().string() + std::string(layout->extension) + "'";
        diagnostics.warning({file_display, 0, 0},
                            "offergen reads only " + std::string(layout->extension) + " files in '" + name + "'",
                            hint);
        continue;
      }
      pending.push_back({file.path(), file_display, layout->slot, markdown});
    }
  }

  std::vector<Parsed> parsed(pending.size());
  parallel_for(pending.size(), jobs, [&](std::size_t i) { parse_one(pending[i], parsed[i]); });

  for (std::size_t i = 0; i < pending.size(); ++i) {
    Parsed& p = parsed[i];
    diagnostics.append(p.diagnostics);
    if (!p.source || (!pending[i].markdown && !p.yaml))
      content.unreadable[pending[i].file.parent_path().filename().string()].insert(pending[i].file.stem().string());
    if (!p.source) continue;
    content.files.push_back(std::move(p.source));
    const SourceFile* src = content.files.back().get();
    const Slot slot = pending[i].slot;
    if (pending[i].markdown) {
      p.markdown.source = src;
      switch (slot) {
        case Slot::pages: content.pages.push_back(std::move(p.markdown)); break;
        case Slot::pathways: content.pathways.push_back(std::move(p.markdown)); break;
        case Slot::strategy: content.strategy.push_back(std::move(p.markdown)); break;
        case Slot::young_people: content.young_people.push_back(std::move(p.markdown)); break;
        default: break;
      }
      continue;
    }
    if (!p.yaml) continue;
    YamlDocument doc{src, std::move(*p.yaml)};
    switch (slot) {
      case Slot::site: content.site = std::move(doc); break;
      case Slot::glossary: content.glossary = std::move(doc); break;
      case Slot::figures: content.figures = std::move(doc); break;
      case Slot::plan_on_a_page: content.plan_on_a_page = std::move(doc); break;
      case Slot::services: content.services.push_back(std::move(doc)); break;
      case Slot::localities: content.localities.push_back(std::move(doc)); break;
      default: break;
    }
  }
  return content;
}

}  // namespace og
