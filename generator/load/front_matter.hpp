// Splits a Markdown file into its YAML front matter and its body.
#pragma once

#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"

namespace og {

struct MarkdownSplit {
  std::optional<YamlNode> front_matter;  // nullopt when absent or broken
  std::string_view body;                 // points into the SourceFile's text
  int body_line = 1;                     // the file line of the body's first line
  bool broken = false;                   // front matter was started but is unusable (reported)
};

// The front matter is the part between a first line '---' and the next line
// '---' (or '...'). A file without front matter is all body.
MarkdownSplit split_front_matter(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace og
