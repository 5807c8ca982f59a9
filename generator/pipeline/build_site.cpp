#include "pipeline/build_site.hpp"

#include <fstream>

#include "pipeline/steps.hpp"
#include "write/staged_directory.hpp"

namespace og {

namespace fs = std::filesystem;

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

BuildResult run_pipeline(const BuildOptions& options, OutputSink& output, BuildCache* cache) {
  BuildResult result;
  {
    Build build(options, output, cache, result);
    // The build, in order. Each step stops the build by returning false.
    static constexpr std::pair<const char*, bool (*)(Build&)> steps[] = {
        {"load", load_step},     {"validate", validate_step}, {"templates", templates_step}, {"plan", plan_step},
        {"print", print_step},   {"freeze", freeze_step},     {"index", index_step},         {"render", render_step},
        {"export", export_step}, {"write", write_step}};
    for (const auto& [name, step] : steps) {
      result.timings.start(name);
      if (!step(build)) break;
    }
    result.timings.stop();
    if (cache) {
      cache->load.model = build.shared_model;
      cache->documents = build.documents;
    }
  }
  if (options.strict) result.diagnostics.promote_warnings();
  result.diagnostics.sort();
  if (result.ok()) {
    result.files = output.files();
    result.bytes = output.bytes();
  }
  return result;
}

BuildResult build_site(const BuildOptions& options, const fs::path& out_dir) {
  StagedDirectory staged(out_dir);
  try {
    DiskOutput output(staged.path(), staged.earlier_build());
    BuildResult result = run_pipeline(options, output);
    if (result.ok()) {
      result.timings.start("swap");
      output.remove_unwritten({StagedDirectory::kMarker});
      staged.commit();
      result.timings.stop();
    }
    return result;
  } catch (...) {
    staged.give_up();  // a folder that could not be written is not kept for the next build
    throw;
  }
}

SourceLineLookup disk_source_lookup() {
  return [](const std::string& path, int line) -> std::optional<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    for (int i = 1; std::getline(in, text); ++i) {
      if (i == line) {
        if (i == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        return text;
      }
    }
    return std::nullopt;
  };
}

}  // namespace og
