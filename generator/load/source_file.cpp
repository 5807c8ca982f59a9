#include "load/source_file.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace og {

std::optional<std::string_view> SourceFile::line_text(int line) const {
  if (line < 1) return std::nullopt;
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return std::nullopt;
    start = nl + 1;
  }
  if (start > text.size()) return std::nullopt;
  const std::size_t end = text.find('\n', start);
  return std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string normalise_text(std::string_view raw) {
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

static std::string file_id(std::string_view display_path) {
  std::string_view name = display_path;
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (auto dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  return std::string(name);
}

std::optional<SourceFile> make_source(std::string display_path, std::string_view raw,
                                      Diagnostics& diagnostics) {
  if (auto bad = find_invalid_utf8(raw)) {
    // Report the line and column of the first bad byte.
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < *bad; ++i) {
      if (raw[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    const int column = utf8_length(raw.substr(line_start, *bad - line_start)) + 1;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(raw[*bad]));
    diagnostics.error({display_path, line, column},
                      std::string("the file is not valid UTF-8 (byte ") + byte + ")",
                      "save the file with UTF-8 encoding");
    return std::nullopt;
  }
  SourceFile source;
  source.id = file_id(display_path);
  source.path = std::move(display_path);
  source.text = normalise_text(raw);
  return source;
}

std::optional<SourceFile> read_source(const std::filesystem::path& file, std::string display_path,
                                      Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error({display_path, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return make_source(std::move(display_path), buffer.str(), diagnostics);
}

}  // namespace og
