#include "load/front_matter.hpp"

namespace og {

static bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

MarkdownSplit split_front_matter(const SourceFile& source, Diagnostics& diagnostics) {
  const std::string_view text = source.text;
  MarkdownSplit split;
  std::size_t first_end = text.find('\n');
  if (!is_fence(text.substr(0, first_end), false)) {
    split.body = text;
    return split;
  }
  std::size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
  const std::size_t yaml_start = pos;
  int line = 2;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (is_fence(text.substr(pos, end - pos), true)) {
      const std::string_view yaml = text.substr(yaml_start, pos - yaml_start);
      if (yaml.find_first_not_of(" \t\n") == std::string_view::npos) {
        split.front_matter = YamlNode{};  // empty front matter: a null node
        split.front_matter->line = 2;
        split.front_matter->column = 1;
      } else {
        split.front_matter = parse_yaml(source, yaml, 2, diagnostics);
        split.broken = !split.front_matter;
      }
      split.body = end < text.size() ? text.substr(end + 1) : std::string_view{};
      split.body_line = line + 1;
      return split;
    }
    pos = end + 1;
    ++line;
  }
  diagnostics.error(source.at(1, 1), "the front matter is not closed", "add a line with '---' after the front matter");
  split.broken = true;
  return split;
}

}  // namespace og
