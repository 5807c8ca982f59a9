#include "pipeline/build_site.hpp"

#include <fstream>
#include <memory>
#include <mutex>
#include <vector>

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
  // Diagnostics come sorted by file and line, so the file last read is read
  // on from the line last found: a file with thousands of problems is read
  // once, not once for each (which took 20 s for 10,000 in a 600 kB file).
  // A line too long to show (a feed on one line, a file refused for its
  // size) is not read to its end, and nothing after it is shown.
  constexpr std::streamsize kLongest = 1 << 16;
  struct Reader {
    std::mutex mutex;
    std::string path, text;  // `text` is line `line` of `path`
    std::ifstream in;
    int line = 0;
    std::vector<char> buffer = std::vector<char>(kLongest + 1);
  };
  auto reader = std::make_shared<Reader>();
  return [reader](const std::string& path, int line) -> std::optional<std::string> {
    Reader& r = *reader;
    const std::lock_guard lock(r.mutex);
    if (path != r.path || line < r.line) {
      r.in = std::ifstream(path, std::ios::binary);
      r.path = path;
      r.line = 0;
    }
    for (; r.line < line; ++r.line) {
      if (!r.in.getline(r.buffer.data(), kLongest + 1)) {  // the end, or a line too long
        r.in.close();
        return std::nullopt;
      }
      r.text.assign(r.buffer.data(), static_cast<std::size_t>(r.in.gcount() - (r.in.eof() ? 0 : 1)));
    }
    std::string text = r.text;
    if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
  };
}

}  // namespace og
