// The preview server's request paths (serve/site_path.hpp), one row per case;
// fuzz/site_path_fuzz.cpp tries many more.
#include <catch2/catch.hpp>

#include "serve/site_path.hpp"

TEST_CASE("a request path names a file inside the site, or none", "[serve]") {
  struct Row {
    const char* path;
    const char* file;  // nullptr: refused
  };
  const Row rows[] = {
      {"/", "index.html"},
      {"/services/x/", "services/x/index.html"},
      {"/assets/style.1a2b.css", "assets/style.1a2b.css"},
      {"/../etc/passwd", nullptr},
      {"/./index.html", nullptr},
      // Found by the fuzzer: an empty segment made an absolute path, or one
      // with an empty segment inside.
      {"//etc/passwd", nullptr},
      {"/s+a.//barc", nullptr},
      {"/services//", nullptr},
  };
  for (const Row& row : rows) {
    INFO(row.path);
    const auto file = og::site_file_for(row.path);
    if (row.file)
      CHECK(file == std::optional<std::string>(row.file));
    else
      CHECK(file == std::nullopt);
  }
}
