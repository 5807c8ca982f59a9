// A reader for the plain YAML content files are almost all written in, so
// that libyaml reads only the rest.
//
// After a service's description (load/yaml_blocks.hpp), what is left is two
// dozen lines of "key: value", "key: [a, b]" and the like, and libyaml spent
// about a hundred instructions on each character of them: at 10,000 services
// that was most of the load stage. This reads a file made only of
//   - block mappings with plain keys ([A-Za-z0-9_][A-Za-z0-9_-]*),
//   - block sequences ("- item", "- key: value" starting a mapping),
//   - one-line plain, single-quoted and double-quoted (no backslash) scalars,
//   - one-line flow sequences of such scalars ("[a, 'b', "c"]"),
//   - literal blocks that cut_literal_blocks() took out,
//   - comments and blank lines,
// into the same tree, positions included, that libyaml's events give
// (parse_yaml_whole(); tests compare the two over every content file in the
// repository and thousands of generated ones). Anything else (a tab, a
// backslash, an anchor, a duplicate key, a scalar over two lines, any
// problem at all) gives nullopt, and libyaml reads the file, so that every
// problem is reported as before.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "load/yaml_blocks.hpp"
#include "load/yaml_tree.hpp"

namespace og {

// `text` as parse_yaml() would read it (`first_line` as there), or nullopt.
// `cut`: the blocks cut_literal_blocks() took out of `text` (their values are
// copied, so that libyaml can still use them), or null.
std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line, const std::vector<CutBlock>* cut);

}  // namespace og
