// The floor under any build of the benchmark's sites: on every core, each
// Markdown file of the content read, its front matter parsed by yaml-cpp, its
// body turned into HTML by cmark-gfm, and the HTML written to a file of its
// own. No validation, no templates, no lists, no search, no links checked.
// bench/run.py times it beside offergen, which should take at most 1.5 times
// as long.
//
//   floor_bench CONTENT OUT [JOBS]
#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Front matter parsed, body rendered, page written; the number of nodes read.
std::size_t build_page(const fs::path& file, const fs::path& out) {
  const std::string text = read(file);
  std::string body = text;
  std::size_t nodes = 0;
  if (text.rfind("---\n", 0) == 0) {
    const std::size_t end = text.find("\n---\n", 4);
    if (end != std::string::npos) {
      const YAML::Node front = YAML::Load(text.substr(4, end - 4));
      nodes = front.size();
      body = text.substr(end + 5);
    }
  }
  char* html = cmark_markdown_to_html(body.data(), body.size(), CMARK_OPT_DEFAULT);
  const fs::path page = out / file.stem() / "index.html";
  fs::create_directories(page.parent_path());
  std::ofstream(page, std::ios::binary) << html;
  std::free(html);
  return nodes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: floor_bench CONTENT OUT [JOBS]\n");
    return 2;
  }
  const fs::path content = argv[1], out = argv[2];
  const unsigned jobs = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : std::thread::hardware_concurrency();
  const auto start = std::chrono::steady_clock::now();
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(content))
    if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
  std::atomic<std::size_t> next{0}, nodes{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::max(1u, jobs); ++t)
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < files.size(); i = next++) nodes += build_page(files[i], out);
    });
  for (auto& t : threads) t.join();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files, %zu front matter keys, %.0f ms\n", files.size(), nodes.load(), ms);
  return 0;
}
