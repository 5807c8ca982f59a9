// Top-level literal block scalars ("description: |" and the indented lines
// under it), read before libyaml reads the rest of the file.
//
// A service's description is most of its file, and libyaml copies a block
// scalar a character at a time, checking each one: at 10,000 services that
// was a third of the load stage. Here each simple block is cut out of the
// text (its lines left empty, so every line and column stays where it was)
// and its value made a line at a time; parse_yaml() then gives libyaml the
// rest, and checks that libyaml found a literal block scalar at each cut. A
// block this cannot read exactly as libyaml would is left in the text for
// libyaml: one with a tab or a character YAML forbids, keep chomping ('|+')
// or an indentation indicator, or one that runs to the end of the file; and
// nothing is cut from a file with a line break other than '\n' anywhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og {

struct CutBlock {
  std::size_t line = 0;    // of the '|', 0-based within the text
  std::size_t column = 0;  // of the '|', 0-based
  std::string value;       // the scalar's value, as libyaml would give it
};

struct CutText {
  std::string text;  // the input, each cut block's lines left empty
  std::vector<CutBlock> blocks;
};

// Whether libyaml would take `text` (a line, without its '\n') as it is
// inside a block scalar: valid UTF-8 of characters YAML allows, no tab, no
// line break.
bool plain_block_text(std::string_view text);

// nullopt when there is nothing to cut.
std::optional<CutText> cut_literal_blocks(std::string_view text);

}  // namespace og
