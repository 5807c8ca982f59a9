// The preview server's mapping from a request path to a published file
// (serve/site_path.hpp). The input is the path as httplib hands it over,
// already percent-decoded. Checks: a mapped file is a relative path with no
// empty, "." or ".." segment and no backslash or NUL, so that joined to the
// site's folder it names a file inside it, and lexically normalised it stays
// the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "serve/site_path.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& path, const std::string& file) {
  std::fprintf(stderr, "%s: '%s' -> '%s'\n", what, path.c_str(), file.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path(reinterpret_cast<const char*>(data), size);
  const auto file = og::site_file_for(path);
  if (!file) return 0;
  if (file->empty() || file->front() == '/') fail("not relative", path, *file);
  if (file->find('\\') != std::string::npos || file->find('\0') != std::string::npos)
    fail("a backslash or NUL", path, *file);
  std::size_t start = 0;
  while (start <= file->size()) {
    std::size_t end = file->find('/', start);
    if (end == std::string::npos) end = file->size();
    const std::string_view segment = std::string_view(*file).substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") fail("an empty, '.' or '..' segment", path, *file);
    start = end + 1;
  }
  const std::filesystem::path root = "/srv/site";
  const std::filesystem::path joined = (root / *file).lexically_normal();
  if (joined.lexically_relative(root).empty() || *joined.lexically_relative(root).begin() == "..")
    fail("outside the site", path, *file);
  return 0;
}
