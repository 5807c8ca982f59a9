#include "serve/site_path.hpp"

#include <string_view>

namespace og {

std::optional<std::string> site_file_for(const std::string& path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return std::nullopt;
  // Refuse "." and ".." segments outright rather than resolving them, and
  // empty ones but the last ("/x/"): "//etc/passwd" would be an absolute path.
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment = std::string_view(path).substr(start, end - start);
    if (segment == "." || segment == ".." || (segment.empty() && end < path.size())) return std::nullopt;
    start = end + 1;
  }
  std::string file = path.substr(1);
  if (file.empty() || file.back() == '/') file += "index.html";
  return file;
}

}  // namespace og
