// A YAML document as a small tree that keeps the position of every node.
// yaml-cpp's parser events are built into this tree rather than into
// YAML::Node: each duplicate key can be reported where it stands, positions
// are counted in characters, and anchors and aliases are refused before
// anything is copied.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/source_file.hpp"

namespace og {

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  int line = 0;                    // 1-based
  int column = 0;                  // 1-based, in characters
  std::string value;               // scalars only
  bool plain = true;               // false for quoted and block scalars
  bool block = false;              // literal (|) or folded (>) block scalar
  std::vector<YamlNode> items;     // sequences
  std::vector<YamlEntry> entries;  // mappings, in document order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  // The value for `key` in a mapping, or nullptr.
  const YamlNode* find(std::string_view key) const;
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// "a list", "a mapping", "text", "nothing": for messages such as "expected text, found a list".
const char* describe_kind(const YamlNode& node);

// Parses `text` (a whole file, or the front matter of a Markdown file starting at
// line `first_line` of `source`) with yaml-cpp. Syntax errors, duplicate keys,
// anchors, aliases and nesting deeper than 64 levels are reported; returns
// nullopt when nothing usable was parsed.
std::optional<YamlNode> parse_yaml(const SourceFile& source, std::string_view text, int first_line,
                                   Diagnostics& diagnostics);

}  // namespace og
