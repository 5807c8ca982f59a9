#include "load/yaml_simple.hpp"

#include <algorithm>

namespace og {

namespace {

// Anything this reader does not take exactly as libyaml would.
struct Unsure {};

// Beyond these, libyaml decides: its limit on a key's length, and the node
// count yaml_tree.cpp stops at (both with room to spare), and a mapping
// larger than any content file's (each key is checked against the others).
constexpr std::size_t kLongestKey = 1000;
constexpr std::size_t kMostNodes = 1'000'000;
constexpr std::size_t kMostKeys = 64;

bool key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool key_char(char c) { return key_start(c) || c == '-'; }
bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Plain "", "~" and "null" are YAML's null (as TreeBuilder::scalar has it).
bool null_word(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

class SimpleReader {
 public:
  SimpleReader(std::string_view text, int first_line, const std::vector<CutBlock>* cut)
      : text_(text), first_line_(first_line), cut_(cut) {}

  YamlNode read() {
    split_lines();
    const std::size_t l = next_content(0);
    if (l == lines_.size() || lines_[l].indent != 0) throw Unsure{};
    YamlNode root = mapping(l, 0);
    if (next_ != lines_.size()) throw Unsure{};
    if (cut_ && claimed_ != cut_->size()) throw Unsure{};
    return root;
  }

 private:
  struct Line {
    std::string_view text;   // without its '\n'
    std::size_t indent = 0;  // leading spaces
    bool content = false;    // not blank, not only a comment
  };

  void split_lines() {
    for (std::size_t pos = 0; pos < text_.size();) {
      std::size_t eol = text_.find('\n', pos);
      if (eol == std::string_view::npos) eol = text_.size();
      Line line;
      line.text = text_.substr(pos, eol - pos);
      // Characters libyaml refuses or reads as a line break, tabs and byte
      // order marks: libyaml decides.
      if (!plain_block_text(line.text) || line.text.find("\xEF\xBB\xBF") != std::string_view::npos) throw Unsure{};
      while (line.indent < line.text.size() && line.text[line.indent] == ' ') ++line.indent;
      line.content = line.indent < line.text.size() && line.text[line.indent] != '#';
      // A document marker or directive: libyaml decides.
      if (line.text.starts_with("---") || line.text.starts_with("...")) throw Unsure{};
      lines_.push_back(line);
      pos = eol + 1;
    }
  }

  std::size_t next_content(std::size_t l) const {
    while (l < lines_.size() && !lines_[l].content) ++l;
    return l;
  }

  // A position as libyaml marks it: the line, and the column in characters
  // (counted on from the last position on the same line, so that a long
  // line of items is not counted again for each).
  void place(YamlNode& node, std::size_t l, std::size_t byte) {
    if (++nodes_ > kMostNodes) throw Unsure{};
    if (l != counted_line_ || byte < counted_byte_) {
      counted_line_ = l;
      counted_byte_ = 0;
      counted_columns_ = 0;
    }
    const std::string_view between = lines_[l].text.substr(counted_byte_, byte - counted_byte_);
    counted_columns_ += static_cast<std::size_t>(std::count_if(between.begin(), between.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
    counted_byte_ = byte;
    node.line = static_cast<int>(l) + first_line_;
    node.column = 1 + static_cast<int>(counted_columns_);
  }

  // The end of a plain key at `at` ("key:" then a space or the end), or 0.
  std::size_t key_end(std::size_t l, std::size_t at) const {
    const std::string_view t = lines_[l].text;
    if (at >= t.size() || !key_start(t[at])) return 0;
    std::size_t i = at + 1;
    while (i < t.size() && key_char(t[i])) ++i;
    if (i >= t.size() || t[i] != ':' || (i + 1 < t.size() && t[i + 1] != ' ')) return 0;
    // libyaml takes a key only when its ':' is at most 1,024 characters on.
    if (i - at > kLongestKey) return 0;
    return i;
  }

  // The rest of a line after a value, from `i`: spaces, then a comment
  // after at least one space, or nothing.
  void end_of_line(std::string_view t, std::size_t i) const {
    const std::size_t from = i;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size() && !(t[i] == '#' && i > from)) throw Unsure{};
  }

  // The line of the next key or item of a block at column `at`, after the
  // one just read; nullopt where the block ends (next_ is then the line
  // after it). A line indented further is something this reader leaves to
  // libyaml.
  std::optional<std::size_t> next_sibling(std::size_t at) {
    const std::size_t n = next_content(next_);
    if (n == lines_.size() || lines_[n].indent < at) {
      next_ = n;
      return std::nullopt;
    }
    if (lines_[n].indent > at) throw Unsure{};
    return n;
  }

  // A block mapping whose keys are at column `at` (the first on line `l`).
  // Leaves next_ at the first content line after it.
  YamlNode mapping(std::size_t l, std::size_t at) {
    YamlNode map;
    map.kind = YamlNode::Kind::mapping;
    place(map, l, at);
    for (;;) {
      const std::size_t colon = key_end(l, at);
      if (colon == 0) throw Unsure{};
      YamlEntry entry;
      entry.key.kind = YamlNode::Kind::scalar;
      entry.key.value.assign(lines_[l].text.substr(at, colon - at));
      place(entry.key, l, at);
      if (null_word(entry.key.value)) throw Unsure{};
      if (map.entries.size() >= kMostKeys) throw Unsure{};
      for (const auto& e : map.entries)
        if (e.key.value == entry.key.value) throw Unsure{};  // libyaml's path reports duplicates
      entry.value = value_after_key(l, colon, at);
      map.entries.push_back(std::move(entry));
      const auto n = next_sibling(at);
      if (!n) return map;
      l = *n;
    }
  }

  // A block sequence whose '-' are at column `at` (the first on line `l`).
  YamlNode sequence(std::size_t l, std::size_t at) {
    YamlNode seq;
    seq.kind = YamlNode::Kind::sequence;
    place(seq, l, at);
    for (;;) {
      const std::string_view t = lines_[l].text;
      if (t.size() < at + 2 || t[at] != '-' || t[at + 1] != ' ') throw Unsure{};
      std::size_t q = at + 1;
      while (q < t.size() && t[q] == ' ') ++q;
      if (q == t.size() || t[q] == '#') throw Unsure{};  // the item on the lines below
      if (key_end(l, q) != 0) {
        seq.items.push_back(mapping(l, q));
      } else {
        seq.items.push_back(inline_value(l, q));
        next_ = l + 1;
      }
      const auto n = next_sibling(at);
      if (!n) return seq;
      l = *n;
    }
  }

  // The value of the key whose ':' is at `colon` on line `l`, in a mapping
  // whose keys are at column `indent`.
  YamlNode value_after_key(std::size_t l, std::size_t colon, std::size_t indent) {
    const std::string_view t = lines_[l].text;
    std::size_t q = colon + 1;
    while (q < t.size() && t[q] == ' ') ++q;
    if (q < t.size() && t[q] != '#') {
      YamlNode node = inline_value(l, q);
      next_ = l + 1;
      return node;
    }
    // Nothing more on this line: a list or mapping below, or nothing.
    const std::size_t n = next_content(l + 1);
    if (n < lines_.size() && lines_[n].indent > indent) {
      const std::size_t at = lines_[n].indent;
      const std::string_view below = lines_[n].text;
      if (below[at] == '-' && at + 1 < below.size() && below[at + 1] == ' ') return sequence(n, at);
      if (key_end(n, at) != 0) return mapping(n, at);
      throw Unsure{};  // text over several lines
    }
    if (n < lines_.size() && lines_[n].indent == indent && lines_[n].text[indent] == '-') throw Unsure{};
    YamlNode null;
    place(null, l, colon + 1);
    next_ = l + 1;
    return null;
  }

  // A value that starts at `q` on line `l` and ends on it.
  YamlNode inline_value(std::size_t l, std::size_t q) {
    const std::string_view t = lines_[l].text;
    YamlNode node;
    place(node, l, q);
    switch (t[q]) {
      case '[': return flow_sequence(l, q);
      case '"':
      case '\'': {
        std::size_t end = 0;
        node.kind = YamlNode::Kind::scalar;
        node.plain = false;
        node.value = quoted(t, q, end);
        end_of_line(t, end);
        return node;
      }
      case '|': return literal_block(l, q);
      default: break;
    }
    // A plain scalar, up to a comment or the end of the line.
    if (!plain_start(t, q)) throw Unsure{};
    std::size_t end = t.size();
    for (std::size_t i = q; i < t.size(); ++i) {
      if (t[i] == '#' && t[i - 1] == ' ') {
        end = i;
        break;
      }
      if (t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' ')) throw Unsure{};  // a mapping value here
    }
    while (end > q && t[end - 1] == ' ') --end;
    const std::string_view value = t.substr(q, end - q);
    if (null_word(value)) return node;
    node.kind = YamlNode::Kind::scalar;
    node.value.assign(value);
    return node;
  }

  // Where a plain scalar may start: a letter, a digit, a character outside
  // ASCII, or punctuation with no meaning to YAML there.
  static bool plain_start(std::string_view t, std::size_t q) {
    const char c = t[q];
    if (alnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0) return true;
    if (c == '-') return q + 1 < t.size() && alnum(t[q + 1]);
    return c == '(' || c == '/' || c == '.' || c == '+' || c == '$' || c == '_' || c == '=' || c == ';' ||
           c == '<' || c == '^' || c == '~';
  }

  // A quoted scalar starting at `q` (a '"' or '\''), on one line; `end` is
  // set just past its closing quote.
  static std::string quoted(std::string_view t, std::size_t q, std::size_t& end) {
    const char quote = t[q];
    std::string value;
    for (std::size_t i = q + 1; i < t.size(); ++i) {
      const char c = t[i];
      if (quote == '"' && c == '\\') throw Unsure{};  // escapes: libyaml decides
      if (c != quote) {
        value += c;
        continue;
      }
      if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        value += '\'';
        ++i;
        continue;
      }
      end = i + 1;
      return value;
    }
    throw Unsure{};  // closed on another line, or not at all
  }

  // "[a, 'b', "c"]" on one line.
  YamlNode flow_sequence(std::size_t l, std::size_t q) {
    const std::string_view t = lines_[l].text;
    YamlNode seq;
    seq.kind = YamlNode::Kind::sequence;
    place(seq, l, q);
    std::size_t i = q + 1;
    auto spaces = [&] {
      while (i < t.size() && t[i] == ' ') ++i;
    };
    spaces();
    if (i < t.size() && t[i] == ']') {
      end_of_line(t, i + 1);
      return seq;
    }
    for (;;) {
      if (i >= t.size()) throw Unsure{};
      YamlNode item;
      place(item, l, i);
      if (t[i] == '"' || t[i] == '\'') {
        std::size_t end = 0;
        item.kind = YamlNode::Kind::scalar;
        item.plain = false;
        item.value = quoted(t, i, end);
        i = end;
      } else {
        if (!plain_start(t, i)) throw Unsure{};
        const std::size_t start = i;
        while (i < t.size() && t[i] != ',' && t[i] != ']') {
          const char c = t[i];
          if (c == ':' || c == '#' || c == '[' || c == '{' || c == '}') throw Unsure{};
          ++i;
        }
        std::size_t end = i;
        while (end > start && t[end - 1] == ' ') --end;
        const std::string_view value = t.substr(start, end - start);
        if (!null_word(value)) {
          item.kind = YamlNode::Kind::scalar;
          item.value.assign(value);
        }
      }
      seq.items.push_back(std::move(item));
      spaces();
      if (i < t.size() && t[i] == ',') {
        ++i;
        spaces();
        if (i < t.size() && (t[i] == ']' || t[i] == ',')) throw Unsure{};
        continue;
      }
      if (i < t.size() && t[i] == ']') {
        end_of_line(t, i + 1);
        return seq;
      }
      throw Unsure{};
    }
  }

  // "|" or "|-" that cut_literal_blocks() took the lines of.
  YamlNode literal_block(std::size_t l, std::size_t q) {
    const std::string_view t = lines_[l].text;
    std::size_t i = q + 1;
    if (i < t.size() && t[i] == '-') ++i;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i != t.size() || !cut_) throw Unsure{};
    for (const CutBlock& block : *cut_) {
      if (block.line != l || block.column != q) continue;
      YamlNode node;
      node.kind = YamlNode::Kind::scalar;
      place(node, l, q);
      node.value = block.value;
      node.plain = false;
      node.block = true;
      ++claimed_;
      return node;
    }
    throw Unsure{};
  }

  std::string_view text_;
  int first_line_;
  const std::vector<CutBlock>* cut_;
  std::vector<Line> lines_;
  std::size_t next_ = 0;  // the line after the last node read
  std::size_t claimed_ = 0;
  std::size_t nodes_ = 0;
  // place()'s last position: its line, byte and column (0-based).
  std::size_t counted_line_ = ~std::size_t{0}, counted_byte_ = 0, counted_columns_ = 0;
};

}  // namespace

std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line, const std::vector<CutBlock>* cut) {
  try {
    return SimpleReader(text, first_line, cut).read();
  } catch (const Unsure&) {
    return std::nullopt;
  }
}

}  // namespace og
