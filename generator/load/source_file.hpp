// A content file read into memory, checked for UTF-8 and with line ends normalised.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace og {

struct SourceFile {
  std::string path;  // as shown in diagnostics: "content/services/home-start.md"
  std::string id;    // the file name without its extension: "home-start"
  std::string text;  // UTF-8, no byte-order mark, '\n' line ends

  // Line `line` (1-based) without its line end, or nullopt past the end.
  std::optional<std::string_view> line_text(int line) const;
  Location at(int line, int column) const { return {path, line, column}; }
};

// Reads `file`; on an unreadable file or invalid UTF-8 reports an error and
// returns nullopt. `display_path` is what diagnostics show.
std::optional<SourceFile> read_source(const std::filesystem::path& file, std::string display_path,
                                      Diagnostics& diagnostics);

// Builds a SourceFile from text in memory (tests, the preview server).
std::optional<SourceFile> make_source(std::string display_path, std::string_view raw, Diagnostics& diagnostics);

}  // namespace og
